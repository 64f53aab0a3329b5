package org.thyra.stats.survival;

/**
 * Robust (sandwich) inference for a Cox fit ({@link CoxRobust}).
 *
 * @param variance the robust variance {@code D'D} (as {@code coxph(...)$var} with a cluster)
 * @param standardErrors square roots of its diagonal ({@code robust se}); NaN when aliased
 * @param wald the Wald test with the robust variance
 * @param score the robust score test ({@code coxph}'s {@code rscore})
 * @param clusters number of clusters
 */
public record CoxRobustResult(
    double[][] variance,
    double[] standardErrors,
    CoxTestResult wald,
    CoxTestResult score,
    int clusters)
    implements org.thyra.stats.Result {
  @Override
  public String method() {
    return "robust (sandwich) variance D'D from dfbeta residuals summed within "
        + clusters
        + " clusters, as coxph(cluster = ); robust Wald and score tests";
  }

  @Override
  public java.util.List<String> warnings() {
    return java.util.List.of();
  }
}
