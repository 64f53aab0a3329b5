package org.thyra.stats.rank;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Kruskal–Wallis rank-sum test, as R's {@code kruskal.test(x, g)}.
 *
 * <p>{@code H = (sum_j R_j^2 / n_j - n(n + 1)^2 / 4) / (n(n^2 - 1)/12) / (1 - T/(n^3 - n))}, with
 * mid-ranks, rank sums {@code R_j}, tie correction {@code T = sum(t^3 - t)}; reference chi-squared
 * with {@code k - 1} df, {@code k} the number of groups with at least one observation. Rows with a
 * missing value or missing group are dropped.
 *
 * <p>Reference: Kruskal &amp; Wallis (1952), JASA 47:583–621; R Core, {@code stats::kruskal.test}.
 */
public final class KruskalWallisTest {
  private KruskalWallisTest() {}

  /**
   * Tests whether the groups differ in location.
   *
   * @param x values (NaN = missing)
   * @param group group code of each value (NaN = missing)
   * @return H, df, p
   */
  public static RankTestResult test(double[] x, double[] group) {
    if (x.length != group.length) {
      throw new IllegalArgumentException(
          "'x' and 'g' must have the same length, got " + x.length + " and " + group.length);
    }
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(group[i])) {
        n++;
      }
    }
    double[] v = new double[n];
    double[] g = new double[n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(group[i])) {
        v[k] = x[i];
        g[k] = group[i];
        k++;
      }
    }
    double[] codes = GroupCodes.distinctSorted(g);
    if (codes.length < 2) {
      throw new IllegalArgumentException("all observations are in the same group");
    }
    MidRanks ranks = MidRanks.of(v);
    double[] sums = new double[codes.length];
    double[] counts = new double[codes.length];
    for (int i = 0; i < n; i++) {
      int j = java.util.Arrays.binarySearch(codes, g[i]);
      sums[j] += ranks.ranks()[i];
      counts[j]++;
    }
    double s = 0;
    for (int j = 0; j < codes.length; j++) {
      s += sums[j] * sums[j] / counts[j];
    }
    double nn = n;
    double h =
        (12.0 * s / (nn * (nn + 1)) - 3 * (nn + 1))
            / (1 - ranks.tieCorrection() / (nn * nn * nn - nn));
    int df = codes.length - 1;
    double p = ChiSquaredDistribution.of(df).survivalProbability(h);
    List<String> warnings = new ArrayList<>();
    if (Double.isNaN(h)) {
      warnings.add("all values are tied: the statistic is undefined");
    }
    return new RankTestResult(h, df, p, false, n, "Kruskal-Wallis rank sum test", warnings);
  }
}
