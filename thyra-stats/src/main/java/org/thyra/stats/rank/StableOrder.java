package org.thyra.stats.rank;

/**
 * Stable ordering permutations of primitive arrays (as R's {@code order()} with the radix method):
 * equal keys keep their original relative order; NaN sorts last. A bottom-up merge sort that moves
 * the keys with the indices, so comparisons read contiguous memory; O(n log n), no boxing.
 */
public final class StableOrder {
  private static final int RUN = 32;

  private StableOrder() {}

  /**
   * Returns the permutation that sorts {@code keys} ascending; ties keep index order.
   *
   * @param keys values to order; NaN sorts last
   * @return indices {@code o} with {@code keys[o[0]] <= keys[o[1]] <= ...}
   */
  public static int[] ascending(double[] keys) {
    return sort(keys, false).order;
  }

  /**
   * Returns the permutation that sorts {@code keys} descending; ties keep index order (as R's
   * {@code order(x, decreasing = TRUE)}, which is stable).
   *
   * @param keys values to order; NaN sorts last
   * @return indices ordering the keys from largest to smallest
   */
  public static int[] descending(double[] keys) {
    return sort(keys, true).order;
  }

  /** Sorted keys (ascending, NaN last) with their original indices. */
  static final class Sorted {
    final double[] keys;
    final int[] order;

    Sorted(double[] keys, int[] order) {
      this.keys = keys;
      this.order = order;
    }
  }

  static Sorted sort(double[] keys, boolean decreasing) {
    int n = keys.length;
    double[] k = new double[n];
    int[] a = new int[n];
    // finite (non-NaN) keys first in index order, NaN keys after them, also in index order
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = keys[i];
      if (!Double.isNaN(v)) {
        k[m] = decreasing ? -v : v;
        a[m] = i;
        m++;
      }
    }
    for (int i = 0, q = m; i < n; i++) {
      if (Double.isNaN(keys[i])) {
        k[q] = Double.NaN;
        a[q] = i;
        q++;
      }
    }
    mergeSort(k, a, m);
    if (decreasing) {
      for (int i = 0; i < m; i++) {
        k[i] = -k[i];
      }
    }
    return new Sorted(k, a);
  }

  private static void mergeSort(double[] k, int[] a, int n) {
    for (int lo = 0; lo < n; lo += RUN) {
      int hi = Math.min(lo + RUN, n);
      for (int i = lo + 1; i < hi; i++) {
        double kv = k[i];
        int av = a[i];
        int j = i - 1;
        while (j >= lo && kv < k[j]) {
          k[j + 1] = k[j];
          a[j + 1] = a[j];
          j--;
        }
        k[j + 1] = kv;
        a[j + 1] = av;
      }
    }
    if (n <= RUN) {
      return;
    }
    double[] kb = new double[n];
    int[] ab = new int[n];
    double[] ks = k;
    int[] as = a;
    for (int width = RUN; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          // take from the right only when strictly smaller: keeps stability
          if (ks[j] < ks[i]) {
            kb[o] = ks[j];
            ab[o++] = as[j++];
          } else {
            kb[o] = ks[i];
            ab[o++] = as[i++];
          }
        }
        while (i < mid) {
          kb[o] = ks[i];
          ab[o++] = as[i++];
        }
        while (j < hi) {
          kb[o] = ks[j];
          ab[o++] = as[j++];
        }
      }
      double[] tk = ks;
      ks = kb;
      kb = tk;
      int[] ta = as;
      as = ab;
      ab = ta;
    }
    if (ks != k) {
      System.arraycopy(ks, 0, k, 0, n);
      System.arraycopy(as, 0, a, 0, n);
    }
  }
}
