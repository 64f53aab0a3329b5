package org.thyra.stats.regression;

/** How confidence intervals of regression coefficients are computed. */
public enum ConfidenceIntervalType {
  /** Wald: coef +- z(1 - alpha/2) * se, as R's {@code confint.default} and SPSS. */
  WALD,
  /** Profile likelihood, as {@code MASS::confint.glm} (spline-interpolated profile). */
  PROFILE
}
