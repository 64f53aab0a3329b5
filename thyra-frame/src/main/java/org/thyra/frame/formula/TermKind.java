package org.thyra.frame.formula;

/** How a right-hand-side variable enters a model. */
public enum TermKind {
  /** A plain name: numeric or categorical according to the column's type. */
  AUTO,
  /** {@code factor(x)}: categorical even when the column is numeric. */
  FACTOR,
  /**
   * {@code rcs(x, k)}: a restricted cubic spline of a numeric column with k knots, k - 1 design
   * columns, as {@code rms::rcs}.
   */
  SPLINE,
  /** {@code a:b} (also from {@code a*b}): the product of its components' design columns. */
  INTERACTION,
  /** {@code strata(x)}: a stratification variable, not a covariate. */
  STRATA,
  /**
   * {@code cluster(x)}: the cluster of correlated rows for a robust (sandwich) variance, as {@code
   * coxph(..., cluster = x)}; not a covariate.
   */
  CLUSTER
}
