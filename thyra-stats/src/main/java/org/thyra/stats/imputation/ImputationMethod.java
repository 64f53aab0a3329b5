package org.thyra.stats.imputation;

/** Univariate imputation model of a column (mice's {@code method}). */
public enum ImputationMethod {
  /** Nothing to impute (no missing value). */
  NONE,
  /** Predictive mean matching ({@code mice.impute.pmm}, type-1 matching, 5 donors by default). */
  PMM,
  /** Bayesian logistic regression ({@code mice.impute.logreg}). */
  LOGREG,
  /** Multinomial logistic regression ({@code mice.impute.polyreg}). */
  POLYREG
}
