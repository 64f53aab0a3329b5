package org.thyra.stats.regression;

/**
 * Fits a model on a subset of candidate variables; lets {@link StepwiseSelection} and {@link
 * UnivariableScreen} work for any likelihood model (logistic now, Cox later).
 *
 * @param <F> type of the fit result
 */
@FunctionalInterface
public interface ModelFitter<F> {
  /**
   * Fits the model containing exactly {@code variables} (indices into the candidate list, in model
   * order; all design columns of a variable enter together). An empty array is the null model
   * (intercept only for logistic, no coefficients for Cox).
   */
  ModelFit<F> fit(int[] variables);
}
