package org.thyra.stats.survival;

/**
 * Harrell's concordance statistic for right-censored data, as R's {@code survival::concordance}
 * (survival 3.5, {@code timewt = "n"}).
 *
 * <p>A pair (i, j) is comparable when the shorter time {@code t_i < t_j} is an event, or both times
 * are equal and only i is an event (a censoring at an event's time counts as outliving it). It is
 * concordant when the subject with the longer time has the larger predictor ({@code reverse =
 * false}) or the smaller predictor ({@code reverse = true}, the convention for a Cox linear
 * predictor, where a high risk score means short survival). Pairs tied on the predictor count ½:
 * {@code C = (concordant + tied/2) / (concordant + discordant + tied)}. With strata, only pairs
 * within a stratum are compared.
 *
 * <p>The standard error is the infinitesimal jackknife ({@code sqrt(var)} in survival, the {@code
 * std} that {@code coxph} stores in {@code fit$concordance}): with Somers' {@code d = 2C - 1} and
 * per-subject influence counts, {@code var(C) = sum(dfbeta_i^2) / 4}, {@code dfbeta_i = (conc_i -
 * disc_i) / npair - d * (conc_i + disc_i + tied_i) / npair}.
 *
 * <p>Algorithm: the counts of survival's concordance3.c (which walks a balanced binary tree per
 * subject) are obtained here from one merge sort by predictor rank over the subjects in processing
 * order (time descending, censored before events), which counts for every subject the earlier
 * subjects and earlier events with a smaller predictor; equal predictors are counted in flat
 * arrays. O(n log n) with sequential memory access.
 *
 * <p>Reference: Therneau TM, Watson DA. The concordance statistic and the Cox model. Mayo Clinic
 * technical report 85 (2017); survival package, {@code concordancefit} and concordance3.c.
 */
public final class Concordance {

  private static final String METHOD =
      "Harrell's C (survival::concordance, timewt n),"
          + " predictor ties count 1/2, SE by infinitesimal jackknife";

  private Concordance() {}

  /**
   * Computes Harrell's C. Times that differ only by floating-point noise are merged first, as
   * {@code concordance(..., timefix = TRUE)}.
   *
   * @param time follow-up times (finite, >= 0)
   * @param status 1 = event, 0 = censored
   * @param predictor predictor values (finite)
   * @param strata stratum codes 0..k-1, or null
   * @param reverse true when larger predictor values mean shorter survival
   * @return the statistic, SE and pair counts
   * @throws IllegalArgumentException on mismatched lengths or invalid values
   */
  public static ConcordanceResult compute(
      double[] time, int[] status, double[] predictor, int[] strata, boolean reverse) {
    validate(time, status, predictor);
    final CoxTimeFix.Ranked times = CoxTimeFix.ranked(time, true);
    return computeFixed(times.time(), times.ranks(), status, predictor, strata, reverse);
  }

  private static void validate(double[] time, int[] status, double[] predictor) {
    if (time == null || status == null || predictor == null) {
      throw new IllegalArgumentException("time, status and predictor must not be null");
    }
    final int n = time.length;
    if (status.length != n || predictor.length != n) {
      throw new IllegalArgumentException(
          "time ("
              + n
              + "), status ("
              + status.length
              + ") and predictor ("
              + predictor.length
              + ") must have the same length");
    }
    SurvivalInput.checkValues(time, status);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(predictor[i])) {
        throw new IllegalArgumentException(
            "predictor must be finite, got " + predictor[i] + " at index " + i);
      }
    }
  }

  /**
   * Core computation on validated data whose times are already fixed.
   *
   * @param time times
   * @param timeRanks {@link CoxOrdering#ranks} of {@code time}
   * @param status 0/1
   * @param predictor predictor
   * @param strata codes or null
   * @param reverse reverse the direction
   * @return result
   */
  // the overloads repeat the parameter list only: this one delegates to the next
  static ConcordanceResult computeFixed(
      double[] time,
      CoxOrdering.Ranks timeRanks,
      int[] status,
      double[] predictor,
      int[] strata,
      boolean reverse) {
    return computeFixed(time, timeRanks, status, predictor, strata, reverse, true);
  }

  /**
   * As {@link #computeFixed(double[], CoxOrdering.Ranks, int[], double[], int[], boolean)}; {@code
   * compositeOrder = false} forces the ordering by successive counting sorts that is otherwise used
   * only when the composite sort key would not fit in 63 bits.
   */
  static ConcordanceResult computeFixed(
      double[] time,
      CoxOrdering.Ranks timeRanks,
      int[] status,
      double[] predictor,
      int[] strata,
      boolean reverse,
      boolean compositeOrder) {
    final int n = time.length;
    final int nStrata = CoxOrdering.strataCount(strata, n);
    final CoxOrdering.Ranks xr = CoxOrdering.ranks(predictor);
    final int[] xRank = xr.rank();
    final int m = xr.count();

    // processing order (strata, -time, status, x); per position: predictor rank, event flag,
    // time rank and stratum
    final int[] key = new int[n];
    final boolean[] dead = new boolean[n];
    final int[] t = new int[n];
    final int[] stratumAt = new int[n];
    final int[] tRank = timeRanks.rank();
    final int nTimes = timeRanks.count();
    final int bx = CoxOrdering.bitsFor(m);
    final int bt = CoxOrdering.bitsFor(nTimes);
    final int bs = CoxOrdering.bitsFor(nStrata);
    if (compositeOrder && bx + 1 + bt + bs <= 63) {
      // one radix sort of a composite key: no random reads afterwards
      final long[] composite = new long[n];
      for (int i = 0; i < n; i++) {
        final long st = strata == null ? 0 : strata[i];
        composite[i] = (((st << bt | (nTimes - 1 - tRank[i])) << 1 | status[i]) << bx) | xRank[i];
      }
      final CoxOrdering.Sorted sorted =
          CoxOrdering.radixSort(composite, CoxOrdering.identity(n), bx + 1 + bt + bs);
      final long[] c = sorted.keys();
      final long maskX = (1L << bx) - 1;
      final long maskT = (1L << bt) - 1;
      for (int q = 0; q < n; q++) {
        final long v = c[q];
        key[q] = (int) (v & maskX);
        dead[q] = ((v >>> bx) & 1L) == 1L;
        t[q] = (int) ((v >>> (bx + 1)) & maskT);
        stratumAt[q] = (int) (v >>> (bx + 1 + bt));
      }
    } else {
      int[] order = xr.order();
      order = CoxOrdering.countingSort(order, status, 2, false);
      order = CoxOrdering.countingSort(order, tRank, nTimes, true);
      if (nStrata > 1) {
        order = CoxOrdering.countingSort(order, strata, nStrata, false);
      }
      for (int q = 0; q < n; q++) {
        final int i = order[q];
        key[q] = xRank[i];
        dead[q] = status[i] == 1;
        t[q] = tRank[i];
        stratumAt[q] = strata == null ? 0 : strata[i];
      }
    }
    final int[] lessAll = new int[n];
    final int[] lessDead = new int[n];
    final int[] sortedKey = new int[n];
    final long[] elem = new long[n];
    final long[] acc = new long[n];
    final long[] elemBuf = new long[n];
    final long[] accBuf = new long[n];
    final int[] countAll = new int[m];
    final int[] countDead = new int[m];

    final double[] count = new double[5];
    final double[] diff = new double[n]; // concordant_i - discordant_i, by position
    final double[] total = new double[n]; // concordant_i + discordant_i + tied_i

    int blockStart = 0;
    while (blockStart < n) {
      int blockEnd = blockStart + 1;
      while (blockEnd < n && stratumAt[blockEnd] == stratumAt[blockStart]) {
        blockEnd++;
      }
      countEarlierSmaller(
          key,
          dead,
          blockStart,
          blockEnd,
          lessAll,
          lessDead,
          sortedKey,
          elem,
          acc,
          elemBuf,
          accBuf);
      countBlock(
          blockStart,
          blockEnd,
          key,
          dead,
          t,
          lessAll,
          lessDead,
          sortedKey,
          countAll,
          countDead,
          count,
          diff,
          total);
      blockStart = blockEnd;
    }

    final double npair = count[0] + count[1] + count[2];
    final double somers = (count[0] - count[1]) / npair;
    double var = 0;
    for (int q = 0; q < n; q++) {
      final double dfbeta = diff[q] / npair - (somers / npair) * total[q];
      var += dfbeta * dfbeta;
    }
    var /= 4;
    double c = (somers + 1) / 2;
    double concordant = count[0];
    double discordant = count[1];
    if (reverse) {
      c = 1 - c;
      concordant = count[1];
      discordant = count[0];
    }
    if (npair == 0) {
      c = Double.NaN;
      var = Double.NaN;
    }
    return new ConcordanceResult(
        c,
        Math.sqrt(var),
        concordant,
        discordant,
        count[2],
        count[3],
        count[4],
        METHOD
            + (reverse ? ", reverse (high predictor = short survival)" : "")
            + (nStrata > 1 ? ", within strata" : ""));
  }

  /**
   * For each position q in [from, to): the number of earlier positions with a smaller key ({@code
   * lessAll}) and of those that are events ({@code lessDead}); by a bottom-up merge sort that emits
   * right-half elements before equal left-half ones. Each element travels as two longs, (key, event
   * flag, position) and its two counters, so every merge level is a sequential pass. On return
   * {@code sortedKey[from..to)} holds the keys in ascending order.
   */
  private static void countEarlierSmaller(
      int[] key,
      boolean[] dead,
      int from,
      int to,
      int[] lessAll,
      int[] lessDead,
      int[] sortedKey,
      long[] elem,
      long[] acc,
      long[] elemBuf,
      long[] accBuf) {
    for (int q = from; q < to; q++) {
      elem[q] = ((long) key[q] << 33) | (dead[q] ? 1L << 32 : 0L) | q;
      acc[q] = 0;
    }
    long[] srcE = elem;
    long[] srcA = acc;
    long[] dstE = elemBuf;
    long[] dstA = accBuf;
    for (int width = 1; width < to - from; width <<= 1) {
      for (int lo = from; lo < to; lo += 2 * width) {
        final int mid = Math.min(lo + width, to);
        final int hi = Math.min(lo + 2 * width, to);
        int i = lo;
        int j = mid;
        int k = lo;
        long smaller = 0; // (count << 32) + events among them
        while (i < mid && j < hi) {
          final long ei = srcE[i];
          final long ej = srcE[j];
          if ((ei >>> 33) < (ej >>> 33)) {
            smaller += (1L << 32) + ((ei >>> 32) & 1L);
            dstE[k] = ei;
            dstA[k++] = srcA[i++];
          } else {
            dstE[k] = ej;
            dstA[k++] = srcA[j++] + smaller;
          }
        }
        while (i < mid) {
          dstE[k] = srcE[i];
          dstA[k++] = srcA[i++];
        }
        while (j < hi) {
          dstE[k] = srcE[j];
          dstA[k++] = srcA[j++] + smaller;
        }
      }
      // swap the buffers, as CoxOrdering's radix passes do (two lines of swaps, not worth a helper)
      final long[] te = srcE;
      srcE = dstE;
      dstE = te;
      final long[] ta = srcA;
      srcA = dstA;
      dstA = ta;
    }
    for (int q = from; q < to; q++) {
      final long e = srcE[q];
      final int pos = (int) (e & 0xffffffffL);
      sortedKey[q] = (int) (e >>> 33);
      lessAll[pos] = (int) (srcA[q] >>> 32);
      lessDead[pos] = (int) srcA[q];
    }
  }

  /**
   * The counts of concordance3.c for one stratum (unit weights), positions [from, to) in processing
   * order. R's "walk the tree of subjects already added" becomes: smaller = earlier subjects with a
   * smaller key, equal = a per-key counter, greater = the rest.
   */
  private static void countBlock(
      int from,
      int to,
      int[] key,
      boolean[] dead,
      int[] t,
      int[] lessAll,
      int[] lessDead,
      int[] sortedKey,
      int[] countAll,
      int[] countDead,
      double[] count,
      double[] diff,
      double[] total) {
    int addedAll = 0;
    int addedDead = 0;
    int q = from;
    while (q < to) {
      if (!dead[q]) {
        // influence at entry: the events already seen (all at later times)
        final int less = lessDead[q];
        final int equal = countDead[key[q]];
        final int greater = addedDead - less - equal;
        diff[q] -= less - greater;
        total[q] -= addedDead;
        countAll[key[q]]++;
        addedAll++;
        q++;
        continue;
      }
      int end = q;
      while (end < to && t[end] == t[q]) {
        end++;
      }
      // pass 1: compare each event with the subjects added before its time group
      int run = 0;
      for (int r = q; r < end; r++) {
        run = r > q && key[r] == key[r - 1] ? run + 1 : 0;
        final int less = lessAll[r] - (r - q - run); // drop smaller events of this group
        final int equal = countAll[key[r]];
        final int greater = addedAll - less - equal;
        count[0] += greater;
        count[1] += less;
        count[2] += equal;
        count[3] += r - q - run;
        count[4] += run;
        diff[r] += greater - less;
        total[r] += addedAll;
      }
      for (int r = q; r < end; r++) {
        countDead[key[r]]++;
      }
      addedDead += end - q;
      // pass 2: influence at entry (events of this group included), then add them
      for (int r = q; r < end; r++) {
        final int less = lessDead[r]; // later events of the group have keys >= key[r]
        final int equal = countDead[key[r]];
        final int greater = addedDead - less - equal;
        diff[r] -= less - greater;
        total[r] -= addedDead;
      }
      for (int r = q; r < end; r++) {
        countAll[key[r]]++;
      }
      addedAll += end - q;
      q = end;
    }
    // final influence: all events of the stratum. Scan the keys in ascending order to get the
    // events below each key; countAll is free now and holds that number per key.
    int r = from;
    int deadBelow = 0;
    while (r < to) {
      final int k = sortedKey[r];
      countAll[k] = deadBelow;
      deadBelow += countDead[k];
      while (r < to && sortedKey[r] == k) {
        r++;
      }
    }
    for (int s = from; s < to; s++) {
      final int less = countAll[key[s]];
      final int equal = countDead[key[s]];
      final int greater = addedDead - less - equal;
      diff[s] += less - greater;
      total[s] += addedDead;
    }
    for (int s = from; s < to; s++) {
      countAll[key[s]] = 0;
      countDead[key[s]] = 0;
    }
  }
}
