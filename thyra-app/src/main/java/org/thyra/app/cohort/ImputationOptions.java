package org.thyra.app.cohort;

import org.thyra.analysis.imputation.CompletedData;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.frame.formula.Formula;
import org.thyra.report.output.TerminalProgress;
import picocli.CommandLine.Option;

/**
 * {@code --impute M}, {@code --imputed COLUMN}, {@code --seed} and {@code --maxit}: the model
 * commands that pool over multiply imputed data ({@code cox}, {@code logistic}) share them.
 */
public final class ImputationOptions {
  @Option(
      names = "--impute",
      paramLabel = "M",
      description =
          "Impute missing covariates M times by chained equations, fit each completed data set and pool"
              + " by Rubin's rules (Barnard-Rubin df).")
  Integer impute;

  @Option(
      names = "--imputed",
      paramLabel = "COLUMN",
      description =
          "The file holds completed data sets stacked, numbered by COLUMN (e.g. mice's .imp; 0 is"
              + " skipped): fit each and pool by Rubin's rules.")
  String imputed;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of --impute (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--maxit",
      defaultValue = "5",
      description = "Iterations of --impute (default: ${DEFAULT-VALUE}).")
  int maxit;

  /**
   * @return whether the analysis pools over imputations (either option given)
   */
  public boolean requested() {
    return impute != null || imputed != null;
  }

  /** The options as the analysis takes them. */
  public ImputedAnalysis.Request request() {
    return new ImputedAnalysis.Request(impute, imputed, maxit, seed);
  }

  /**
   * The completed data sets: imputed here ({@code --impute}, progress on a terminal) or read
   * stacked from the file ({@code --imputed}).
   *
   * @throws IllegalArgumentException when both options are given
   */
  public CompletedData completed(InputOptions input, Formula formula) {
    return ImputedAnalysis.completed(
        input.file(), formula, request(), TerminalProgress.onStandardError());
  }
}
