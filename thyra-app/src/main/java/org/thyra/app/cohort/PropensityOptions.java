package org.thyra.app.cohort;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The propensity model's options, shared by {@code thyra match} and {@code thyra weight}: the
 * treatment, the covariates, and the numeric covariates entered as categories.
 */
public final class PropensityOptions {
  @Option(
      names = "--treatment",
      required = true,
      description =
          "Treatment column: 0/1, TRUE/FALSE, yes/no or two categories (the second is treated).")
  String treatment;

  @Option(
      names = "--covariates",
      required = true,
      split = ",",
      paramLabel = "VAR",
      description = "Covariates of the propensity model (and of the balance table).")
  List<String> covariates;

  @Option(
      names = "--factor",
      split = ",",
      paramLabel = "VAR",
      description = "Numeric covariates to enter as categories.")
  List<String> factors = new ArrayList<>();

  /** The treatment column. */
  public String treatment() {
    return treatment;
  }

  /** The covariates, in the order given. */
  public List<String> covariates() {
    return covariates;
  }

  /** Numeric covariates entered as categories. */
  public List<String> factors() {
    return factors;
  }
}
