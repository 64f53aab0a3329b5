package org.thyra.stats.contingency;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-squared test of independence for an r×c table, as R's {@code chisq.test(x,
 * correct)}.
 *
 * <p>{@code E_ij = r_i c_j / n}; {@code X^2 = sum (|O - E| - Y)^2 / E} on {@code (r-1)(c-1)} df,
 * where the Yates continuity correction {@code Y = min(0.5, |O - E|)} applies only to 2×2 tables
 * with {@code correct = true} (R's default; {@code tableone}'s choice) and is 0 otherwise ({@code
 * gtsummary} uses {@code correct = false}). A zero row or column margin makes an expected count
 * zero and the statistic undefined (NaN), as in R.
 *
 * <p>Reference: Yates (1934), Suppl. J. R. Stat. Soc. 1:217–235; R Core, {@code stats::chisq.test}.
 */
public final class ChiSquareTest {
  private ChiSquareTest() {}

  /**
   * Tests independence of rows and columns.
   *
   * @param table counts, rows × columns (at least 2×2)
   * @param correct apply Yates' continuity correction to 2×2 tables
   * @return X-squared, df, p, expected counts
   */
  public static ChiSquareResult test(long[][] table, boolean correct) {
    ContingencyTable.check(table, 2, 2);
    int r = table.length;
    int c = table[0].length;
    long[] rs = ContingencyTable.rowSums(table);
    long[] cs = ContingencyTable.columnSums(table);
    double n = 0;
    for (long v : rs) {
      n += v;
    }
    double[][] e = new double[r][c];
    boolean small = false;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        e[i][j] = rs[i] * (double) cs[j] / n;
        small |= e[i][j] < 5;
      }
    }
    boolean yates = correct && r == 2 && c == 2;
    double x2 = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        double d = Math.abs(table[i][j] - e[i][j]);
        if (yates) {
          d -= Math.min(0.5, d);
        }
        x2 += d * d / e[i][j];
      }
    }
    int df = (r - 1) * (c - 1);
    List<String> warnings = new ArrayList<>();
    if (small) {
      warnings.add("Chi-squared approximation may be incorrect");
    }
    if (Double.isNaN(x2)) {
      warnings.add("a row or column has no observations: the statistic is undefined");
    }
    double p = upperTail(x2, df);
    String method =
        yates
            ? "Pearson's Chi-squared test with Yates' continuity correction"
            : "Pearson's Chi-squared test";
    return new ChiSquareResult(x2, df, p, e, method, warnings);
  }

  /** P(X > x2) for X ~ chi-squared(df); NaN for an undefined statistic. */
  static double upperTail(double x2, int df) {
    return Double.isNaN(x2) ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(x2);
  }
}
