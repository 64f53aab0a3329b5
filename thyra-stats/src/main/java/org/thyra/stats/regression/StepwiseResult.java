package org.thyra.stats.regression;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a stepwise AIC search.
 *
 * @param selected names of the selected variables, in model order
 * @param selectedVariables their indices into the candidate list
 * @param finalFit the selected model
 * @param steps the path: the start model (change "") and every accepted change ("- x" / "+ x")
 * @param direction the search direction
 * @param method conventions used
 * @param warnings warnings, never null
 * @param <F> type of the fit result
 */
public record StepwiseResult<F>(
    List<String> selected,
    int[] selectedVariables,
    ModelFit<F> finalFit,
    List<Step> steps,
    StepDirection direction,
    String method,
    List<String> warnings)
    implements Result {
  public StepwiseResult {
    selected = List.copyOf(selected);
    selectedVariables = selectedVariables.clone();
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /** A copy of the selected variable indices. */
  @Override
  public int[] selectedVariables() {
    return selectedVariables.clone();
  }

  /**
   * One accepted step.
   *
   * @param change "" for the start model, "- x" for a drop, "+ x" for an addition
   * @param aic AIC after the change
   * @param df number of coefficients after the change
   */
  public record Step(String change, double aic, int df) {}
}
