package org.thyra.stats.imputation;

/**
 * Measurement type of a column, which decides its default imputation model and how it enters as a
 * predictor.
 */
public enum VariableType {
  /** Numeric: imputed by predictive mean matching, used as a predictor as is. */
  NUMERIC,
  /** Binary 0/1: imputed by Bayesian logistic regression, used as a predictor as 0/1. */
  BINARY,
  /**
   * Categorical codes: imputed by multinomial logistic regression, used as predictor dummies (first
   * level reference).
   */
  CATEGORICAL
}
