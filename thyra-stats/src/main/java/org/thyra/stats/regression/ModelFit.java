package org.thyra.stats.regression;

/**
 * A fitted model as model selection sees it.
 *
 * @param logLik maximised log-likelihood (Cox: log partial likelihood)
 * @param df number of non-aliased coefficients (R's {@code edf} in {@code extractAIC}; a logistic
 *     model counts its intercept, a Cox model has none)
 * @param fit the full fit result
 * @param <F> type of the fit result
 */
public record ModelFit<F>(double logLik, int df, F fit) {
  /** Akaike's information criterion, {@code -2 logLik + 2 df}. */
  public double aic() {
    return -2 * logLik + 2 * df;
  }
}
