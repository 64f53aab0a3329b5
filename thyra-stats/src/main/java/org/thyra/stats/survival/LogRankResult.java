package org.thyra.stats.survival;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a (possibly stratified) G-rho log-rank test, as R's {@code survdiff}. Per-group arrays
 * are indexed by group code; observed and expected counts are weighted by {@code S(t-)^rho} and
 * summed over strata.
 *
 * @param statistic chi-square statistic {@code (O-E)' V^- (O-E)} over the groups with expected > 0
 * @param df degrees of freedom: number of groups with expected > 0, minus 1
 * @param p upper-tail chi-square p-value
 * @param n observations per group
 * @param observed (weighted) observed events per group
 * @param expected (weighted) expected events per group
 * @param variance variance-covariance matrix of {@code O - E} (groupCount × groupCount)
 * @param rho the G-rho exponent (0 = log-rank, 1 = Peto–Peto modification of Gehan–Wilcoxon)
 * @param strataCount number of strata (1 when unstratified)
 * @param method the test variant and conventions, for display
 * @param warnings warnings (never null)
 */
public record LogRankResult(
    double statistic,
    int df,
    double p,
    int[] n,
    double[] observed,
    double[] expected,
    double[][] variance,
    double rho,
    int strataCount,
    String method,
    List<String> warnings)
    implements Result {

  /** Defensive copies. */
  public LogRankResult {
    n = n.clone();
    observed = observed.clone();
    expected = expected.clone();
    variance = deepCopy(variance);
    warnings = List.copyOf(warnings);
  }

  /** Number of groups (group codes). */
  public int groupCount() {
    return n.length;
  }

  @Override
  public int[] n() {
    return n.clone();
  }

  @Override
  public double[] observed() {
    return observed.clone();
  }

  @Override
  public double[] expected() {
    return expected.clone();
  }

  @Override
  public double[][] variance() {
    return deepCopy(variance);
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
