package org.thyra.stats.cutpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.rank.DenseRanks;
import org.thyra.stats.rank.RadixOrder;

/**
 * Maximally selected log-rank statistic, exactly as {@code maxstat.test(Surv(t, e) ~ x, smethod =
 * "LogRank", pmethod = "Lau94", minprop, maxprop)} (maxstat 0.7-25, {@code cmaxstat}):
 *
 * <p>With log-rank scores {@code a} ({@link LogRankScores}) ordered by x, candidate cut-points are
 * the distinct x values; for the cut after the first {@code m} ordered observations {@code S_m =
 * sum_{i<=m} a_i}, {@code E = m/N sum a}, {@code V = m (N-m) / (N^2 (N-1)) (N sum a^2 - (sum a)^2)}
 * and {@code M = max |S_m - E| / sqrt(V)} over {@code max(1, floor(N minprop)) <= m <= floor(N
 * maxprop)} (for minprop = 0 and maxprop = 1 maxstat drops the first and last candidate). The
 * estimate is the smallest maximising cut; values &lt;= it form the low group. The p-value is
 * Lausen's (1994) improved Bonferroni bound ({@code pLausen94}): {@code 1 - (Phi(b) - Phi(-b)) +
 * sum_k exp(-b^2/2)/pi (t_k - (b^2/4 - 1) t_k^3 / 6)}, {@code t_k = sqrt(1 - m_k (N - m_{k+1}) /
 * ((N - m_k) m_{k+1}))}. O(N): MSD radix orderings by time and by x ({@link RadixOrder}, which also
 * returns the sorted values, so ties are found on sequential memory), then one pass over the
 * distinct x values. From {@link #parallelMinRows} rows the two orderings run on two threads (the
 * times on the calling thread), and an x with at most N/8 distinct values is coded by hashing
 * instead of sorted ({@link DenseRanks}); the scores are then summed per value in data order, which
 * can change the last bits of M (not the cut-point's rows) against the sorted path.
 *
 * <p>References: Lausen and Schumacher (1992) Biometrics 48:73-85; Lausen, Sauerbrei and Schumacher
 * (1994) Computational Statistics 483-496; Hothorn and Lausen (2003) CSDA 43:121-137.
 */
public final class MaxSelectedRank {
  private MaxSelectedRank() {}

  /** From this many rows the two sorts run on two threads (same result, less elapsed time). */
  static volatile int parallelMinRows = 20_000; // not final: tests run the split on small data

  /** With maxstat's defaults minprop = 0.1, maxprop = 0.9. */
  public static MaxSelectedRankResult logRank(double[] time, double[] event01, double[] x) {
    return logRank(time, event01, x, 0.1, 0.9);
  }

  /**
   * @param time follow-up times (finite, &gt;= 0)
   * @param event01 1 = event, 0 = censored
   * @param x the continuous variable to dichotomise
   * @param minprop smallest proportion in the low group, in [0, 0.5)
   * @param maxprop largest proportion in the low group, in (0.5, 1]
   * @throws IllegalArgumentException on invalid or missing input, no events, or no admissible
   *     cut-point
   */
  public static MaxSelectedRankResult logRank(
      double[] time, double[] event01, double[] x, double minprop, double maxprop) {
    validateShapes(time, event01, x);
    if (!(minprop >= 0 && minprop < maxprop && maxprop <= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= minprop < maxprop <= 1, got minprop " + minprop + ", maxprop " + maxprop);
    }
    int n = time.length;
    Groups groups;
    if (n < parallelMinRows) {
      validateOutcome(time, event01);
      validateX(x);
      // the scores ride along as the payload of the x sort: y is the scores in (stable) x order
      double[] y = LogRankScores.of(time, event01);
      groups = Groups.ofSorted(RadixOrder.sortKeys(x, y), y);
    } else {
      groups = onTwoThreads(time, event01, x);
    }
    int[] all = groups.start();
    int k = all.length;
    int[] m;
    if (minprop == 0 && maxprop == 1) {
      m = k >= 3 ? Arrays.copyOfRange(all, 1, k - 1) : new int[0];
    } else {
      long lo = (long) Math.floor(n * minprop);
      long hi = (long) Math.floor(n * maxprop);
      boolean anyAtLeast = false;
      boolean anyAtMost = false;
      for (int i = 0; i < k; i++) {
        anyAtLeast |= all[i] >= lo;
        anyAtMost |= all[i] <= hi;
      }
      if (!anyAtLeast) {
        throw new IllegalArgumentException(
            "minprop too large: no cut-point leaves "
                + lo
                + " of "
                + n
                + " observations in the low group (distinct values: "
                + k
                + ")");
      }
      if (!anyAtMost) {
        throw new IllegalArgumentException(
            "maxprop too small: no cut-point with at most "
                + hi
                + " of "
                + n
                + " observations in the low group");
      }
      long from = Math.max(1, lo);
      int c = 0;
      int[] keep = new int[k];
      for (int i = 0; i < k; i++) {
        if (all[i] >= from && all[i] <= hi) {
          keep[c++] = all[i];
        }
      }
      m = Arrays.copyOf(keep, c);
    }
    if (m.length < 1) {
      throw new IllegalArgumentException(
          "no cut-point between minprop "
              + minprop
              + " and maxprop "
              + maxprop
              + " ("
              + n
              + " observations, "
              + k
              + " distinct values)");
    }
    double ss = groups.sum();
    double ss2 = groups.sumOfSquares();
    double nn = n;
    double[] stats = new double[m.length];
    double[] cuts = new double[m.length];
    double best = Double.NEGATIVE_INFINITY;
    int bestIndex = -1;
    for (int c = 0, g = 0; c < m.length; c++) {
      while (all[g] < m[c]) {
        g++; // m[c] is the start of distinct value g: all of 0..g-1 lie below the cut
      }
      double cum = groups.cumBefore()[g]; // cumsum(y)[m] in x order, as cmaxstat
      double mm = m[c];
      double e = mm / nn * ss;
      double v = mm * (nn - mm) / (nn * nn * (nn - 1)) * (nn * ss2 - ss * ss);
      stats[c] = Math.abs((cum - e) / Math.sqrt(v));
      cuts[c] = groups.value()[g - 1];
      if (stats[c] > best) {
        best = stats[c];
        bestIndex = c;
      }
    }
    double cut = cuts[bestIndex];
    int nLow = m[bestIndex]; // observations before the next distinct value, i.e. x <= cut
    double p = pLausen94(best, n, m);
    List<String> warnings = new ArrayList<>();
    if (m.length == 1) {
      warnings.add("only one admissible cut-point");
    }
    String method =
        "maximally selected log-rank statistic as maxstat.test(smethod = \"LogRank\", pmethod = \"Lau94\", "
            + "minprop = "
            + minprop
            + ", maxprop = "
            + maxprop
            + "): exactRankTests log-rank scores, cut-points at distinct "
            + "values, x <= cut-point is the low group; p adjusted for the selection by Lausen (1994)";
    return new MaxSelectedRankResult(
        cut, best, p, "Lau94", nLow, n - nLow, cuts, stats, minprop, maxprop, method, warnings);
  }

  /**
   * The two orderings on two threads. The second thread codes x (after checking it): by its
   * distinct values through hashing when it has few of them ({@link DenseRanks}: no sort of n
   * values), otherwise by a radix sort with row indices; then it sorts the first {@link
   * #TIME_SHARE_ON_SECOND_THREAD} of the times. This thread checks the outcome, sorts the other
   * times, and merges the two sorted parts stably, which is the order one stable sort gives ({@link
   * LogRankScores#of(LogRankScores.SortedPart, LogRankScores.SortedPart)}): the scores are the same
   * to the last bit. The second thread's start-up is off the critical path.
   */
  private static Groups onTwoThreads(double[] time, double[] event01, double[] x) {
    int n = x.length;
    int split = (int) (n * TIME_SHARE_ON_SECOND_THREAD);
    CompletableFuture<XCoding> coding = CompletableFuture.supplyAsync(() -> XCoding.of(x));
    CompletableFuture<LogRankScores.SortedPart> firstTimes =
        coding.thenApply(done -> LogRankScores.sortPart(time, event01, 0, split));
    validateOutcome(time, event01);
    LogRankScores.SortedPart lastTimes = LogRankScores.sortPart(time, event01, split, n);
    double[] scores = LogRankScores.of(join(firstTimes), lastTimes);
    XCoding xc = join(coding);
    if (xc.ranks() != null) {
      return Groups.ofRanks(xc.ranks(), scores);
    }
    double[] y = new double[n];
    int[] rows = xc.rows();
    for (int i = 0; i < n; i++) {
      y[i] = scores[rows[i]];
    }
    return Groups.ofSorted(xc.sortedKeys(), y);
  }

  /** x coded by distinct value: dense ranks, or else sorted keys with the rows they came from. */
  private record XCoding(DenseRanks ranks, long[] sortedKeys, int[] rows) {
    static XCoding of(double[] x) {
      validateX(x);
      int n = x.length;
      DenseRanks ranks = DenseRanks.of(x, Math.max(1, n / HASHED_DISTINCT_FRACTION));
      if (ranks != null) {
        return new XCoding(ranks, null, null);
      }
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      return new XCoding(null, RadixOrder.sortKeys(x, rows), rows);
    }
  }

  /** Share of the time sort the second thread takes on after coding x (balances the two). */
  static final double TIME_SHARE_ON_SECOND_THREAD = 0.35;

  /** x is hashed when it has at most n / this many distinct values. */
  static final int HASHED_DISTINCT_FRACTION = 8;

  private static <T> T join(CompletableFuture<T> part) {
    try {
      return part.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof IllegalArgumentException iae ? iae : e;
    }
  }

  /**
   * The scores summarised by distinct x value, ascending: {@code start[g]} observations lie below
   * value g, whose scores sum to {@code cumBefore[g]}; {@code value[g]} is the value itself. {@code
   * sum} and {@code sumOfSquares} are over all scores.
   */
  private record Groups(
      int[] start, double[] cumBefore, double[] value, double sum, double sumOfSquares) {

    /** From x's sorted keys and the scores in the same order (cmaxstat's summation order). */
    static Groups ofSorted(long[] xs, double[] y) {
      int n = xs.length;
      int[] start = new int[n];
      double[] cumBefore = new double[n];
      double[] value = new double[n];
      int k = 0;
      double cum = 0; // ends as the sum of all scores
      double ss2 = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || xs[i] != xs[i - 1]) {
          start[k] = i;
          cumBefore[k] = cum;
          value[k++] = RadixOrder.value(xs[i]);
        }
        cum += y[i];
        ss2 += y[i] * y[i];
      }
      return new Groups(
          Arrays.copyOf(start, k), Arrays.copyOf(cumBefore, k), Arrays.copyOf(value, k), cum, ss2);
    }

    /** From dense ranks of x and the scores in data order (sums per value, then cumulated). */
    static Groups ofRanks(DenseRanks ranks, double[] y) {
      int k = ranks.values().length;
      int[] count = new int[k];
      double[] sumOf = new double[k];
      int[] rank = ranks.rank();
      double ss = 0;
      double ss2 = 0;
      for (int i = 0; i < y.length; i++) {
        count[rank[i]]++;
        sumOf[rank[i]] += y[i];
        ss += y[i];
        ss2 += y[i] * y[i];
      }
      int[] start = new int[k];
      double[] cumBefore = new double[k];
      for (int g = 1; g < k; g++) {
        start[g] = start[g - 1] + count[g - 1];
        cumBefore[g] = cumBefore[g - 1] + sumOf[g - 1];
      }
      return new Groups(start, cumBefore, ranks.values(), ss, ss2);
    }
  }

  /** maxstat's {@code pLausen94(b, N, minprop, maxprop, m)}. */
  static double pLausen94(double b, int n, int[] m) {
    double d = 0;
    if (m.length > 1) {
      double c = 1 / Math.PI * Math.exp(-b * b / 2); // the same product maxstat forms per term
      double q = b * b / 4 - 1;
      for (int i = 0; i + 1 < m.length; i++) {
        double m1 = m[i];
        double m2 = m[i + 1];
        double t = Math.sqrt(1 - m1 * (n - m2) / ((n - m1) * m2));
        d += c * (t - q * (t * t * t) / 6);
      }
    }
    NormalDistribution normal = NormalDistribution.of(0, 1);
    return 1 - (normal.cumulativeProbability(b) - normal.cumulativeProbability(-b)) + d;
  }

  static void validateSurvival(double[] time, double[] event, double[] x) {
    validateShapes(time, event, x);
    validateOutcome(time, event);
    validateX(x);
  }

  private static void validateShapes(double[] time, double[] event, double[] x) {
    if (time == null || event == null || x == null) {
      throw new IllegalArgumentException("time, event and x must not be null");
    }
    int n = time.length;
    if (event.length != n || x.length != n) {
      throw new IllegalArgumentException(
          "time ("
              + n
              + "), event ("
              + event.length
              + ") and x ("
              + x.length
              + ") must have the same length");
    }
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 observations, got " + n);
    }
  }

  private static void validateOutcome(double[] time, double[] event) {
    boolean anyEvent = false;
    for (int i = 0; i < time.length; i++) {
      if (!Double.isFinite(time[i]) || time[i] < 0) {
        throw new IllegalArgumentException(
            "time must be finite and >= 0; observation " + (i + 1) + " is " + time[i]);
      }
      if (event[i] != 0 && event[i] != 1) {
        throw new IllegalArgumentException(
            "event must be 0 or 1; observation " + (i + 1) + " is " + event[i]);
      }
      anyEvent |= event[i] == 1;
    }
    if (!anyEvent) {
      throw new IllegalArgumentException("no events: the log-rank statistic is undefined");
    }
  }

  private static void validateX(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(
            "x has a missing or non-finite value at observation "
                + (i + 1)
                + " (remove missing rows first)");
      }
    }
  }
}
