package org.thyra.stats.rank;

import java.util.ArrayList;
import java.util.List;

/**
 * Paired Wilcoxon signed-rank test, two-sided, exactly as R's {@code wilcox.test(x, y, paired =
 * TRUE)} with its defaults.
 *
 * <p>Pairs with a missing value are dropped; {@code d = x - y}; zero differences are removed (R's
 * rule) and {@code n} counts the rest. {@code V = sum(rank(|d|)[d > 0])}. The p-value is exact when
 * {@code n < 50}, there are no ties among {@code |d|} and no zero was removed; otherwise the normal
 * approximation {@code z = (V - n(n + 1)/4 - sign/2) / sqrt(n(n + 1)(2n + 1)/24 - T/48)} with
 * continuity correction and tie correction {@code T = sum(t^3 - t)}.
 *
 * <p>Reference: Wilcoxon (1945), Biometrics Bulletin 1:80–83; R Core, {@code stats::wilcox.test}.
 */
public final class WilcoxonSignedRankTest {
  private static final int EXACT_LIMIT = 50;

  private WilcoxonSignedRankTest() {}

  /**
   * Tests whether paired values differ in location.
   *
   * @param x first measurement of each pair (NaN = missing)
   * @param y second measurement of each pair (NaN = missing)
   * @return V, p and the variant used
   */
  public static RankTestResult paired(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "'x' and 'y' must have the same length, got " + x.length + " and " + y.length);
    }
    int complete = 0;
    int nonZero = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        complete++;
        if (x[i] - y[i] != 0) {
          nonZero++;
        }
      }
    }
    if (complete < 1) {
      throw new IllegalArgumentException("not enough (non-missing) 'x' observations");
    }
    boolean zeroes = nonZero < complete;
    double[] d = new double[nonZero];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i]) && x[i] - y[i] != 0) {
        d[k++] = x[i] - y[i];
      }
    }
    int n = nonZero;
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      abs[i] = Math.abs(d[i]);
    }
    MidRanks ranks = MidRanks.of(abs);
    double v = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        v += ranks.ranks()[i];
      }
    }
    List<String> warnings = new ArrayList<>();
    boolean exactWanted = n < EXACT_LIMIT;
    if (exactWanted && !ranks.hasTies() && !zeroes) {
      double p = exactTwoSided((long) Math.rint(v), n);
      return new RankTestResult(
          v, Double.NaN, p, true, n, "Wilcoxon signed rank exact test", warnings);
    }
    if (exactWanted && ranks.hasTies()) {
      warnings.add("cannot compute exact p-value with ties");
    }
    if (exactWanted && zeroes) {
      warnings.add("cannot compute exact p-value with zeroes");
    }
    double nn = n;
    double z = v - nn * (nn + 1) / 4.0;
    double sigma = Math.sqrt(nn * (nn + 1) * (2 * nn + 1) / 24.0 - ranks.tieCorrection() / 48.0);
    double correction = Math.signum(z) * 0.5;
    double p = NormalApproximation.twoSided((z - correction) / sigma);
    if (n == 0) {
      warnings.add("all differences are zero: the test is undefined");
    }
    return new RankTestResult(
        v,
        Double.NaN,
        p,
        false,
        n,
        "Wilcoxon signed rank test with continuity correction",
        warnings);
  }

  /** Two-sided exact p by counting subsets of {1..n} by sum, as R's psignrank rule. */
  static double exactTwoSided(long v, int n) {
    int maxSum = n * (n + 1) / 2;
    double[] ways = new double[maxSum + 1];
    ways[0] = 1;
    for (int e = 1; e <= n; e++) {
      for (int s = maxSum; s >= e; s--) {
        ways[s] += ways[s - e];
      }
    }
    double total = Math.pow(2, n);
    double tail = 0;
    if (v > n * (n + 1) / 4.0) {
      for (long s = v; s <= maxSum; s++) {
        tail += ways[(int) s];
      }
    } else {
      for (long s = 0; s <= v; s++) {
        tail += ways[(int) s];
      }
    }
    return Math.min(1.0, 2.0 * tail / total);
  }
}
