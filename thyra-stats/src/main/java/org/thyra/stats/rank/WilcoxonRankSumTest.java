package org.thyra.stats.rank;

import java.util.ArrayList;
import java.util.List;

/**
 * Two-sample Wilcoxon rank-sum (Mann–Whitney) test, two-sided, exactly as R's {@code wilcox.test(x,
 * y)} with its defaults.
 *
 * <p>{@code W = sum(rank(c(x, y))[seq_along(x)]) - m(m + 1)/2} with mid-ranks. The p-value is exact
 * (the null distribution of W by counting) when {@code m < 50}, {@code n < 50} and there are no
 * ties; otherwise the normal approximation with continuity correction and tie correction: {@code z
 * = (W - mn/2 - sign(W - mn/2)/2) / sqrt(mn/12 * (m + n + 1 - T / ((m + n)(m + n - 1))))}, {@code T
 * = sum(t^3 - t)} over tie groups. Missing values (NaN) are removed from each sample.
 *
 * <p>Reference: Hollander, Wolfe &amp; Chicken (2014), Nonparametric Statistical Methods, ch. 4; R
 * Core, {@code stats::wilcox.test}.
 */
public final class WilcoxonRankSumTest {
  private static final int EXACT_LIMIT = 50;

  private WilcoxonRankSumTest() {}

  /**
   * Tests whether {@code x} and {@code y} differ in location.
   *
   * @param x first sample (NaN = missing)
   * @param y second sample (NaN = missing)
   * @return W, p and the variant used
   */
  public static RankTestResult test(double[] x, double[] y) {
    double[] a = MissingValues.drop(x);
    double[] b = MissingValues.drop(y);
    if (a.length < 1) {
      throw new IllegalArgumentException("not enough (non-missing) 'x' observations");
    }
    if (b.length < 1) {
      throw new IllegalArgumentException("not enough 'y' observations");
    }
    int m = a.length;
    int n = b.length;
    double[] all = new double[m + n];
    System.arraycopy(a, 0, all, 0, m);
    System.arraycopy(b, 0, all, m, n);
    MidRanks ranks = MidRanks.of(all);
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += ranks.ranks()[i];
    }
    double w = sum - m * (m + 1.0) / 2.0;
    List<String> warnings = new ArrayList<>();
    boolean exactWanted = m < EXACT_LIMIT && n < EXACT_LIMIT;
    if (exactWanted && !ranks.hasTies()) {
      double p = exactTwoSided((long) Math.rint(w), m, n);
      return new RankTestResult(
          w, Double.NaN, p, true, m + n, "Wilcoxon rank sum exact test", warnings);
    }
    if (exactWanted) {
      warnings.add("cannot compute exact p-value with ties");
    }
    double z = w - m * (double) n / 2.0;
    double nn = m + n;
    double sigma =
        Math.sqrt((m * (double) n / 12.0) * ((nn + 1) - ranks.tieCorrection() / (nn * (nn - 1))));
    double correction = Math.signum(z) * 0.5;
    double p = NormalApproximation.twoSided((z - correction) / sigma);
    return new RankTestResult(
        w,
        Double.NaN,
        p,
        false,
        m + n,
        "Wilcoxon rank sum test with continuity correction",
        warnings);
  }

  /**
   * Two-sided exact p as R: {@code min(1, 2 * P(W >= w))} when {@code w > mn/2}, else {@code min(1,
   * 2 * P(W <= w))}. Counts come from the subset-sum recursion over ranks 1..m+n.
   */
  static double exactTwoSided(long w, int m, int n) {
    double[] counts = countsOfU(m, n);
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double tail = 0;
    if (w > m * (double) n / 2.0) {
      for (long u = w; u < counts.length; u++) {
        tail += counts[(int) u];
      }
    } else {
      for (long u = 0; u <= w && u < counts.length; u++) {
        tail += counts[(int) u];
      }
    }
    return Math.min(1.0, 2.0 * tail / total);
  }

  /** Number of ways to obtain each U = 0..mn: subsets of size m of {1..m+n} by rank sum. */
  static double[] countsOfU(int m, int n) {
    int small = Math.min(m, n);
    int big = Math.max(m, n);
    int total = small + big;
    int maxSum = small * (2 * total - small + 1) / 2;
    // ways[j][s]: subsets of size j with rank sum s, over elements seen so far
    double[][] ways = new double[small + 1][maxSum + 1];
    ways[0][0] = 1;
    for (int e = 1; e <= total; e++) {
      for (int j = Math.min(e, small); j >= 1; j--) {
        double[] to = ways[j];
        double[] from = ways[j - 1];
        for (int s = maxSum; s >= e; s--) {
          to[s] += from[s - e];
        }
      }
    }
    int offset = small * (small + 1) / 2;
    double[] u = new double[small * big + 1];
    for (int k = 0; k <= small * big; k++) {
      u[k] = ways[small][k + offset];
    }
    // U distribution is symmetric, so swapping the roles of m and n does not change it
    return u;
  }
}
