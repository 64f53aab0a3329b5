package org.thyra.stats.survival;

import java.util.Arrays;

/**
 * Merging of times that differ only by rounding error, as R's {@code survival::aeqSurv} (applied by
 * {@code survfit} and {@code survdiff} with their default {@code timefix = TRUE}).
 *
 * <p>With {@code y} the sorted distinct times, {@code y[k]} is tied to {@code y[k-1]} when {@code
 * y[k] - y[k-1] ≤ tol} or {@code (y[k] - y[k-1]) / mean|y| ≤ tol}, {@code tol = sqrt(machine
 * epsilon)}; every time is replaced by the largest untied value ≤ it, so a chain of tied values
 * collapses onto its first member. Times such as 12.000000000000002 and 12 (from dividing dates)
 * then count as one time, as in R.
 */
final class TimeFix {

  /** R's {@code sqrt(.Machine$double.eps)}. */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private TimeFix() {}

  /** The mean absolute value of the distinct values of the sorted array. */
  private static double meanDistinct(double[] sorted, int from, int to) {
    double sum = 0;
    long count = 0;
    for (int i = from; i < to; i++) {
      if (i == from || sorted[i] != sorted[i - 1]) {
        sum += Math.abs(sorted[i]);
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  private static boolean tied(double previous, double value, double mean) {
    double dy = value - previous;
    return dy <= TOLERANCE || dy / mean <= TOLERANCE;
  }

  /**
   * Applies the merge in place to {@code all} (sorted) and {@code events} (sorted, a sub-multiset
   * of {@code all}); the tie rule uses the distinct values of {@code all}.
   */
  static void applySorted(double[] all, double[] events) {
    int n = all.length;
    if (n < 2) {
      return;
    }
    double mean = meanDistinct(all, 0, n);
    double cut = all[0];
    double previous = all[0];
    int e = 0;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      double v = all[i];
      if (v != previous) {
        if (!tied(previous, v, mean)) {
          cut = v;
        }
        previous = v;
      }
      if (cut != v) {
        changed = true;
        all[i] = cut;
      }
      // events are a sub-multiset in the same order: map each copy of v the same way
      while (e < events.length && events[e] == v) {
        events[e++] = cut;
      }
    }
    if (changed) {
      // values only move down to an earlier cut, so both arrays stay sorted
      assert isSorted(all) && isSorted(events);
    }
  }

  /**
   * Returns {@code time} with near-equal values merged, or {@code time} itself when no two distinct
   * values are tied. Costs one primitive sort of a copy.
   */
  static double[] apply(double[] time) {
    int n = time.length;
    if (n < 2) {
      return time;
    }
    double[] y = time.clone();
    for (int i = 0; i < n; i++) {
      y[i] += 0.0; // -0.0 -> 0.0
    }
    Arrays.sort(y);
    double mean = meanDistinct(y, 0, n);
    // distinct values and, in place, the cut of each
    int m = 0;
    boolean anyTied = false;
    double previous = Double.NaN;
    double[] cutOf = new double[n];
    double[] distinct = y; // compacted in place
    double cut = Double.NaN;
    for (int i = 0; i < n; i++) {
      double v = y[i];
      if (m == 0 || v != previous) {
        if (m > 0 && tied(previous, v, mean)) {
          anyTied = true;
        } else {
          cut = v;
        }
        previous = v;
        distinct[m] = v;
        cutOf[m] = cut;
        m++;
      }
    }
    if (!anyTied) {
      return time;
    }
    double[] fixed = new double[n];
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(distinct, 0, m, time[i] + 0.0);
      fixed[i] = cutOf[k];
    }
    return fixed;
  }

  private static boolean isSorted(double[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i] < a[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
