package org.thyra.stats.contingency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fisher's exact test of independence for r×c tables, two-sided, as R's {@code fisher.test(x)}.
 *
 * <p>Given both margins, a table has probability {@code P = prod(r_i!) prod(c_j!) / (n!
 * prod(x_ij!))} (log-space here). The p-value sums P over all tables with {@code P <= P_obs (1 +
 * 1e-7)} (R's relative tolerance for "as or less probable").
 *
 * <p>2×2 tables follow R's hypergeometric path ({@code dhyper} over the support of x_11) and also
 * give the conditional maximum-likelihood odds ratio (root of {@code E[x_11; psi] = x_11} under the
 * non-central hypergeometric distribution, solved to machine precision; R's {@code uniroot} stops
 * at about 1e-4, so R's estimate agrees to about 4 significant digits).
 *
 * <p>r×c tables: depth-first enumeration column by column (the largest column is implied by the
 * others) with the sequential-sampling factorisation {@code P = prod_j [prod_i C(R_i, x_ij) / C(N,
 * c_j)]} over remaining margins {@code R_i, N}. The probabilities of all completions of a partial
 * table sum to its partial product, and each completion is at most that product, so a partial table
 * whose product is already {@code <= P_obs (1 + 1e-7)} contributes its whole product without
 * further enumeration (the "shortest path" bound of the network algorithm of Mehta &amp; Patel
 * 1983, JASA 78:427–434, in its simplest form).
 */
public final class FisherExactTest {
  private static final double RELATIVE_ERROR = 1 + 1e-7;

  /** Guard against tables whose enumeration would not finish in reasonable time. */
  private static final long DEFAULT_WORK_LIMIT = 200_000_000L;

  private FisherExactTest() {}

  /**
   * Fisher's exact test.
   *
   * @param table counts, rows × columns (at least 2×2)
   * @return p-value (and conditional MLE odds ratio for 2×2)
   */
  public static FisherExactResult test(long[][] table) {
    return test(table, DEFAULT_WORK_LIMIT);
  }

  /**
   * Fisher's exact test with an explicit bound on the enumeration work.
   *
   * @param table counts, rows × columns (at least 2×2)
   * @param workLimit maximum number of partial tables to visit before giving up
   * @return p-value (and conditional MLE odds ratio for 2×2)
   * @throws IllegalArgumentException when the table is invalid or too large to enumerate
   */
  public static FisherExactResult test(long[][] table, long workLimit) {
    ContingencyTable.check(table, 2, 2);
    long[][] t = dropEmpty(table);
    List<String> warnings = new ArrayList<>();
    if (t.length < table.length || t[0].length < table[0].length) {
      warnings.add("rows or columns with no observations were dropped");
    }
    if (t.length < 2 || t[0].length < 2) {
      // only one row or column with data: every table with these margins is the observed one
      return new FisherExactResult(
          1.0, Double.NaN, 1, "Fisher's Exact Test for Count Data", warnings);
    }
    if (t.length == 2 && t[0].length == 2) {
      return twoByTwo(t, warnings);
    }
    return general(t, workLimit, warnings);
  }

  private static long[][] dropEmpty(long[][] table) {
    long[] rs = ContingencyTable.rowSums(table);
    long[] cs = ContingencyTable.columnSums(table);
    int r = 0;
    for (long v : rs) {
      r += v > 0 ? 1 : 0;
    }
    int c = 0;
    for (long v : cs) {
      c += v > 0 ? 1 : 0;
    }
    if (r == 0) {
      throw new IllegalArgumentException("table has no observations");
    }
    long[][] out = new long[r][c];
    int ii = 0;
    for (int i = 0; i < table.length; i++) {
      if (rs[i] == 0) {
        continue;
      }
      int jj = 0;
      for (int j = 0; j < table[0].length; j++) {
        if (cs[j] > 0) {
          out[ii][jj++] = table[i][j];
        }
      }
      ii++;
    }
    return out;
  }

  // ---- 2x2
  // ---------------------------------------------------------------------------------------

  private static FisherExactResult twoByTwo(long[][] t, List<String> warnings) {
    long m = t[0][0] + t[1][0];
    long n = t[0][1] + t[1][1];
    long k = t[0][0] + t[0][1];
    long x = t[0][0];
    long lo = Math.max(0, k - n);
    long hi = Math.min(k, m);
    int size = (int) (hi - lo + 1);
    LogFactorials lf = new LogFactorials((int) (m + n));
    double[] logd = new double[size];
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < size; s++) {
      long v = lo + s;
      logd[s] = lf.logChoose(m, v) + lf.logChoose(n, k - v) - lf.logChoose(m + n, k);
      max = Math.max(max, logd[s]);
    }
    double[] d = new double[size];
    double sum = 0;
    for (int s = 0; s < size; s++) {
      d[s] = Math.exp(logd[s] - max);
      sum += d[s];
    }
    for (int s = 0; s < size; s++) {
      d[s] /= sum;
    }
    double obs = d[(int) (x - lo)] * RELATIVE_ERROR;
    double p = 0;
    for (int s = 0; s < size; s++) {
      if (d[s] <= obs) {
        p += d[s];
      }
    }
    double or = conditionalMle(logd, lo, hi, x);
    return new FisherExactResult(
        Math.min(1.0, p), or, size, "Fisher's Exact Test for Count Data", warnings);
  }

  /** Root of E[X; psi] = x for the non-central hypergeometric with log-density logd + v log psi. */
  private static double conditionalMle(double[] logd, long lo, long hi, long x) {
    if (x == lo) {
      return 0;
    }
    if (x == hi) {
      return Double.POSITIVE_INFINITY;
    }
    double a = -1;
    double b = 1;
    while (meanAt(logd, lo, a) > x) {
      a *= 2;
    }
    while (meanAt(logd, lo, b) < x) {
      b *= 2;
    }
    for (int it = 0; it < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a) + Math.abs(b)); it++) {
      double mid = 0.5 * (a + b);
      if (meanAt(logd, lo, mid) < x) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return Math.exp(0.5 * (a + b));
  }

  private static double meanAt(double[] logd, long lo, double logPsi) {
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < logd.length; s++) {
      max = Math.max(max, logd[s] + logPsi * (lo + s));
    }
    double num = 0;
    double den = 0;
    for (int s = 0; s < logd.length; s++) {
      double w = Math.exp(logd[s] + logPsi * (lo + s) - max);
      num += w * (lo + s);
      den += w;
    }
    return num / den;
  }

  // ---- r x c
  // -------------------------------------------------------------------------------------

  private static FisherExactResult general(long[][] table, long workLimit, List<String> warnings) {
    // Orient so that a column (the vector enumerated) has the fewer cells, then order columns so
    // the largest one is implied by the others.
    long[][] t = table;
    if (t.length > t[0].length) {
      t = transpose(t);
    }
    long[] cs = ContingencyTable.columnSums(t);
    Integer[] order = new Integer[cs.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    final long[] csf = cs;
    Arrays.sort(order, (u, v) -> Long.compare(csf[u], csf[v]));
    int r = t.length;
    int c = cs.length;
    long[][] s = new long[r][c];
    for (int j = 0; j < c; j++) {
      for (int i = 0; i < r; i++) {
        s[i][j] = t[i][order[j]];
      }
    }
    long[] rows = ContingencyTable.rowSums(s);
    long[] cols = ContingencyTable.columnSums(s);
    long n = 0;
    for (long v : rows) {
      n += v;
    }
    if (n > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException(
          "table total " + n + " is too large for Fisher's exact test");
    }
    Enumeration e = new Enumeration(rows, cols, n, workLimit);
    double logObs = e.logProbability(s);
    double p = e.pValue(logObs);
    return new FisherExactResult(
        Math.min(1.0, p), Double.NaN, e.visited, "Fisher's Exact Test for Count Data", warnings);
  }

  private static long[][] transpose(long[][] t) {
    long[][] u = new long[t[0].length][t.length];
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t[0].length; j++) {
        u[j][i] = t[i][j];
      }
    }
    return u;
  }

  /**
   * Depth-first enumeration of tables with given margins, columns 0..c-2 free, column c-1 implied.
   */
  private static final class Enumeration {
    private final int r;
    private final int c;
    private final long[] cols;
    private final LogFactorials lf;
    private final long workLimit;
    private final long[] remaining;
    private final long[] cell;
    private long visited;
    private double threshold;

    /** Sum of P / P_obs over qualifying tables (scaled to avoid underflow). */
    private double sum;

    private double logObs;

    Enumeration(long[] rows, long[] cols, long n, long workLimit) {
      this.r = rows.length;
      this.c = cols.length;
      this.cols = cols;
      this.lf = new LogFactorials((int) n);
      this.workLimit = workLimit;
      this.remaining = rows.clone();
      this.cell = new long[r];
    }

    double logProbability(long[][] s) {
      long[] rem = remaining.clone();
      long total = 0;
      for (long v : rem) {
        total += v;
      }
      double lp = 0;
      for (int j = 0; j < c; j++) {
        for (int i = 0; i < r; i++) {
          lp += lf.logChoose(rem[i], s[i][j]);
          rem[i] -= s[i][j];
        }
        lp -= lf.logChoose(total, cols[j]);
        total -= cols[j];
      }
      return lp;
    }

    double pValue(double logObsValue) {
      this.logObs = logObsValue;
      this.threshold = logObsValue + Math.log(RELATIVE_ERROR);
      long total = 0;
      for (long v : remaining) {
        total += v;
      }
      column(0, total, 0.0);
      return sum * Math.exp(logObs);
    }

    /** Enumerates column j given remaining row margins; logPath = log of the partial product. */
    private void column(int j, long total, double logPath) {
      if (logPath <= threshold) {
        // every completion is at most as probable as this partial product: all qualify
        sum += Math.exp(logPath - logObs);
        return;
      }
      if (j == c - 1) {
        // the last column is implied and its conditional probability is 1
        return;
      }
      double logDenominator = lf.logChoose(total, cols[j]);
      cellsOf(j, 0, cols[j], total, logPath - logDenominator);
    }

    /** Chooses cell[i..] of column j with {@code need} still to place. */
    private void cellsOf(int j, int i, long need, long total, double logPartial) {
      if (++visited > workLimit) {
        throw new IllegalArgumentException(
            "Fisher's exact test: the table is too large to enumerate within "
                + workLimit
                + " steps; use the chi-squared test or a Monte Carlo p-value");
      }
      if (i == r - 1) {
        if (need > remaining[i]) {
          return;
        }
        double lp = logPartial + lf.logChoose(remaining[i], need);
        remaining[i] -= need;
        column(j + 1, total - cols[j], lp);
        remaining[i] += need;
        return;
      }
      long capacityBelow = 0;
      for (int q = i + 1; q < r; q++) {
        capacityBelow += remaining[q];
      }
      long from = Math.max(0, need - capacityBelow);
      long to = Math.min(remaining[i], need);
      for (long v = from; v <= to; v++) {
        double lp = logPartial + lf.logChoose(remaining[i], v);
        remaining[i] -= v;
        cellsOf(j, i + 1, need - v, total, lp);
        remaining[i] += v;
      }
    }
  }

  /** Table of log(k!) for k = 0..n. */
  static final class LogFactorials {
    private final double[] table;

    LogFactorials(int n) {
      table = new double[n + 1];
      double s = 0;
      for (int k = 2; k <= n; k++) {
        s += Math.log(k);
        table[k] = s;
      }
    }

    double logChoose(long n, long k) {
      return table[(int) n] - table[(int) k] - table[(int) (n - k)];
    }
  }
}
