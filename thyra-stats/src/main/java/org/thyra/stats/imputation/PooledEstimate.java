package org.thyra.stats.imputation;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One parameter pooled over imputations by Rubin's rules (the columns of {@code mice::pool()}).
 *
 * @param estimate pooled estimate, the mean of the m estimates (Q-bar)
 * @param withinVariance mean of the m squared standard errors (U-bar)
 * @param betweenVariance sample variance of the m estimates (B)
 * @param totalVariance {@code T = U-bar + (1 + 1/m) B}
 * @param standardError {@code sqrt(T)}
 * @param df Barnard–Rubin degrees of freedom
 * @param riv relative increase in variance due to nonresponse, {@code (1 + 1/m) B / U-bar}
 * @param lambda proportion of the total variance due to missingness, {@code (1 + 1/m) B / T}
 * @param fmi fraction of missing information, {@code (riv + 2/(df + 3)) / (1 + riv)}
 * @param t Wald statistic {@code estimate / standardError}
 * @param p two-sided p-value of t on {@code df} degrees of freedom
 */
public record PooledEstimate(
    double estimate,
    double withinVariance,
    double betweenVariance,
    double totalVariance,
    double standardError,
    double df,
    double riv,
    double lambda,
    double fmi,
    double t,
    double p) {

  /**
   * Lower limit of the pooled interval {@code estimate − qt(1 − α/2, df) · se}, as {@code
   * summary(pool(fit), conf.int = TRUE)}.
   *
   * @param confLevel confidence level {@code 1 − α}
   * @return the lower limit on the coefficient scale
   */
  public double lower(double confLevel) {
    return estimate - quantile(confLevel) * standardError;
  }

  /**
   * Upper limit {@code estimate + qt(1 − α/2, df) · se}.
   *
   * @param confLevel confidence level {@code 1 − α}
   * @return the upper limit on the coefficient scale
   */
  public double upper(double confLevel) {
    return estimate + quantile(confLevel) * standardError;
  }

  private double quantile(double confLevel) {
    return TDistribution.of(df).inverseSurvivalProbability((1 - confLevel) / 2);
  }
}
