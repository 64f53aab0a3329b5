package org.thyra.stats.cutpoint;

import org.thyra.stats.rank.RadixOrder;

/**
 * Log-rank scores as {@code exactRankTests::cscores(Surv(t, e), type = "LogRank")}, which {@code
 * maxstat} uses: {@code a_i = e_i - sum_{k: t_k <= t_i} e_k / (N - r_k + 1)} with {@code r_k} the
 * rank of {@code t_k}, tied times taking the largest rank. O(N) after a radix ordering by time.
 *
 * <p>Reference: Hothorn and Lausen (2003) Computational Statistics &amp; Data Analysis 43:121-137.
 */
final class LogRankScores {
  private LogRankScores() {}

  /** Flag bit of a tag: the observation is an event. */
  private static final int EVENT = 1 << 31;

  /** Times of a range of observations in sorted order, with index and event flag as tags. */
  record SortedPart(long[] keys, int[] tags) {}

  /**
   * The scores in data order. The times are sorted once with each observation's index and event
   * flag as payload ({@link RadixOrder}), so the pass below reads sorted memory only and writes
   * each score once.
   */
  static double[] of(double[] time, double[] event) {
    SortedPart all = sortPart(time, event, 0, time.length);
    return scores(all.keys(), all.tags());
  }

  /** Observations {@code from..to-1} sorted by time (stably), e.g. one thread's share. */
  static SortedPart sortPart(double[] time, double[] event, int from, int to) {
    int[] tags = new int[to - from];
    for (int i = from; i < to; i++) {
      tags[i - from] = event[i] == 1 ? i | EVENT : i;
    }
    double[] part =
        from == 0 && to == time.length ? time : java.util.Arrays.copyOfRange(time, from, to);
    return new SortedPart(RadixOrder.sortKeys(part, tags), tags); // equal keys == tied times
  }

  /**
   * The scores from two sorted parts, {@code first} holding the lower indices: a stable merge (ties
   * from {@code first} first) gives exactly the order one stable sort gives, so the scores are the
   * same to the last bit.
   */
  static double[] of(SortedPart first, SortedPart second) {
    long[] ka = first.keys();
    long[] kb = second.keys();
    int[] ta = first.tags();
    int[] tb = second.tags();
    int n = ka.length + kb.length;
    long[] ts = new long[n];
    int[] tag = new int[n];
    int a = 0;
    int b = 0;
    for (int k = 0; k < n; k++) {
      if (b == kb.length || (a < ka.length && ka[a] <= kb[b])) {
        ts[k] = ka[a];
        tag[k] = ta[a++];
      } else {
        ts[k] = kb[b];
        tag[k] = tb[b++];
      }
    }
    return scores(ts, tag);
  }

  private static double[] scores(long[] ts, int[] tag) {
    int n = ts.length;
    double[] scores = new double[n];
    double cum = 0;
    int i = 0;
    while (i < n) {
      long ti = ts[i];
      int j = i;
      while (j + 1 < n && ts[j + 1] == ti) {
        j++;
      }
      double denom = n - (j + 1) + 1; // ties take the maximum rank j + 1
      for (int k = i; k <= j; k++) {
        cum += (tag[k] >>> 31) / denom; // event (0 or 1) / denom, as event[k] / denom
      }
      for (int k = i; k <= j; k++) {
        scores[tag[k] & ~EVENT] = (tag[k] >>> 31) - cum;
      }
      i = j + 1;
    }
    return scores;
  }
}
