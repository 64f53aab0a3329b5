package org.thyra.stats.regression;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a univariable screen.
 *
 * @param rows one row per candidate variable, in candidate order
 * @param entered names of the variables with p &lt; entryP, in candidate order
 * @param enteredVariables their indices
 * @param entryP the entry threshold
 * @param method conventions used
 * @param warnings warnings, never null
 * @param <F> type of the fit result
 */
public record ScreenResult<F>(
    List<Row<F>> rows,
    List<String> entered,
    int[] enteredVariables,
    double entryP,
    String method,
    List<String> warnings)
    implements Result {
  public ScreenResult {
    rows = List.copyOf(rows);
    entered = List.copyOf(entered);
    enteredVariables = enteredVariables.clone();
    warnings = List.copyOf(warnings);
  }

  /** A copy of the entered variable indices. */
  @Override
  public int[] enteredVariables() {
    return enteredVariables.clone();
  }

  /**
   * One variable alone.
   *
   * @param variable variable name
   * @param index its candidate index
   * @param fit the model with this variable only
   * @param statistic likelihood-ratio chi-square against the null model
   * @param df its degrees of freedom (the variable's non-aliased coefficients)
   * @param p the LR p-value (one overall p for a categorical variable)
   * @param entered p &lt; entryP
   */
  public record Row<F>(
      String variable,
      int index,
      ModelFit<F> fit,
      double statistic,
      int df,
      double p,
      boolean entered) {}
}
