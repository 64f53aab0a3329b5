package org.thyra.app.cohort;

import org.thyra.app.InputOptions;
import org.thyra.frame.formula.Formula;
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

  /**
   * The completed data sets: imputed here ({@code --impute}) or read stacked from the file ({@code
   * --imputed}).
   *
   * @throws IllegalArgumentException when both options are given
   */
  public ImputedAnalysis.Completed completed(InputOptions input, Formula formula) {
    if (impute != null && imputed != null) {
      throw new IllegalArgumentException("give either --impute M or --imputed COLUMN, not both");
    }
    if (formula.hasInteractionsOrSplines()) {
      throw new IllegalArgumentException(
          "--impute / --imputed with an interaction or an rcs() spline in the formula is not"
              + " supported (the imputation model would need the same terms); impute first with"
              + " thyra impute, then fit each completed data set");
    }
    return impute != null
        ? ImputedAnalysis.impute(input, formula, impute, maxit, seed)
        : ImputedAnalysis.stacked(input, formula, imputed);
  }
}
