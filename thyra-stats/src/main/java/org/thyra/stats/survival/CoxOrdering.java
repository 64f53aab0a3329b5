package org.thyra.stats.survival;

/**
 * Primitive orderings for survival data: a stable LSD radix sort of doubles (no boxing, no
 * comparisons, O(n) passes over memory), dense ranks, and stable counting sorts on small integer
 * keys. Sorting {@code n = 10^6} times costs a few sequential passes instead of {@code n log n}
 * comparisons and binary searches.
 */
final class CoxOrdering {

  private static final int DIGIT_BITS = 11;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  private CoxOrdering() {}

  /**
   * Dense ranks of a vector with the order that produced them.
   *
   * @param order indices sorted by value (stable)
   * @param rank 0-based dense rank per index: equal values share a rank
   * @param unique ascending distinct values ({@code unique[rank[i]] == values[i]})
   */
  record Ranks(int[] order, int[] rank, double[] unique) {

    int count() {
      return unique.length;
    }
  }

  /**
   * Stable ascending order of finite values ({@code -0.0} equals {@code 0.0}).
   *
   * @param values finite values
   * @return permutation sorting the values
   */
  static int[] ascending(double[] values) {
    final long[] key = sortableKeys(values);
    final int[] idx = identity(values.length);
    return radixSort(key, idx, 64).idx;
  }

  /** Keys whose unsigned order is the numeric order of the values. */
  private static long[] sortableKeys(double[] values) {
    final long[] key = new long[values.length];
    for (int i = 0; i < key.length; i++) {
      final long bits = Double.doubleToRawLongBits(values[i] + 0.0);
      key[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
    return key;
  }

  private static double fromSortableKey(long key) {
    return Double.longBitsToDouble(key ^ (((~key) >> 63) | Long.MIN_VALUE));
  }

  /** Keys and payload after {@link #radixSort}. */
  record Sorted(long[] keys, int[] idx) {}

  /**
   * Stable LSD radix sort of {@code idx} by the low {@code bits} bits of {@code key} (unsigned), 11
   * bits per pass; passes in which every key has the same digit are skipped. The input arrays are
   * overwritten.
   *
   * @param key keys, parallel to idx
   * @param idx payload
   * @param bits number of low bits that carry the key
   * @return sorted keys and payload
   */
  static Sorted radixSort(long[] key, int[] idx, int bits) {
    final int n = key.length;
    long[] k1 = key;
    int[] i1 = idx;
    long[] k2 = new long[n];
    int[] i2 = new int[n];
    final int[] count = new int[BUCKETS + 1];
    for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((k1[i] >>> shift) & (BUCKETS - 1)) + 1]++;
      }
      boolean trivial = false;
      for (int b = 1; b <= BUCKETS; b++) {
        if (count[b] == n) {
          trivial = true; // every key has this digit: the pass would not move anything
          break;
        }
      }
      if (trivial) {
        continue;
      }
      for (int b = 0; b < BUCKETS; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        final long k = k1[i];
        final int to = count[(int) ((k >>> shift) & (BUCKETS - 1))]++;
        k2[to] = k;
        i2[to] = i1[i];
      }
      final long[] tk = k1;
      k1 = k2;
      k2 = tk;
      final int[] ti = i1;
      i1 = i2;
      i2 = ti;
    }
    return new Sorted(k1, i1);
  }

  /**
   * Order, dense ranks and distinct values.
   *
   * @param values finite values
   * @return ranks
   */
  static Ranks ranks(double[] values) {
    final int n = values.length;
    final long[] keys;
    final int[] order;
    final long[] key = sortableKeys(values);
    if (nonDecreasing(key)) {
      // already in order (e.g. a bootstrap sample listed in time order): the stable sort is
      // the identity, so skip its passes
      keys = key;
      order = identity(n);
    } else {
      final Sorted sorted = radixSort(key, identity(n), 64);
      keys = sorted.keys();
      order = sorted.idx();
    }
    final int[] rank = new int[n];
    final double[] unique = new double[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        unique[m++] = fromSortableKey(keys[k]);
      }
      rank[order[k]] = m - 1;
    }
    return new Ranks(order, rank, java.util.Arrays.copyOf(unique, m));
  }

  /** Whether the keys are in (unsigned) ascending order. */
  private static boolean nonDecreasing(long[] key) {
    for (int i = 1; i < key.length; i++) {
      if (Long.compareUnsigned(key[i - 1], key[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Number of bits needed for values 0..(count - 1).
   *
   * @param count number of distinct values (>= 1)
   * @return bits, at least 1
   */
  static int bitsFor(int count) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, count - 1)));
  }

  /**
   * Sorted distinct values.
   *
   * @param values finite values
   * @return ascending distinct values
   */
  static double[] sortedUnique(double[] values) {
    return ranks(values).unique();
  }

  /**
   * Stable counting sort of {@code order} by {@code key[order[i]]}.
   *
   * @param order permutation to reorder (read)
   * @param key keys in 0..(range - 1), indexed by original row
   * @param range number of distinct keys
   * @param descending sort keys in decreasing order
   * @return the reordered permutation
   */
  static int[] countingSort(int[] order, int[] key, int range, boolean descending) {
    final int[] start = new int[range + 1];
    for (int idx : order) {
      final int k = descending ? range - 1 - key[idx] : key[idx];
      start[k + 1]++;
    }
    for (int k = 0; k < range; k++) {
      start[k + 1] += start[k];
    }
    final int[] out = new int[order.length];
    for (int idx : order) {
      final int k = descending ? range - 1 - key[idx] : key[idx];
      out[start[k]++] = idx;
    }
    return out;
  }

  /**
   * Identity permutation.
   *
   * @param n length
   * @return 0..n-1
   */
  static int[] identity(int n) {
    final int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    return o;
  }

  /**
   * Order by stratum, then time, both ascending (R's {@code order(strata, time)}).
   *
   * @param timeOrder ascending order of the times
   * @param strata stratum codes 0..k-1, or null
   * @param nStrata number of strata
   * @return permutation
   */
  static int[] byStratumThenTime(int[] timeOrder, int[] strata, int nStrata) {
    if (strata != null && nStrata > 1) {
      return countingSort(timeOrder, strata, nStrata, false);
    }
    return timeOrder;
  }

  /**
   * Order by stratum, then time, both ascending.
   *
   * @param time times
   * @param strata stratum codes 0..k-1, or null
   * @param nStrata number of strata
   * @return permutation
   */
  static int[] byStratumThenTime(double[] time, int[] strata, int nStrata) {
    return byStratumThenTime(ascending(time), strata, nStrata);
  }

  /**
   * Number of strata implied by 0-based codes, validating them.
   *
   * @param strata codes or null
   * @param n expected length
   * @return max code + 1 (1 when null)
   */
  static int strataCount(int[] strata, int n) {
    if (strata == null) {
      return 1;
    }
    if (strata.length != n) {
      throw new IllegalArgumentException(
          "strata has length " + strata.length + " but time has length " + n);
    }
    int max = 0;
    for (int i = 0; i < n; i++) {
      if (strata[i] < 0) {
        throw new IllegalArgumentException(
            "strata codes must be >= 0, got " + strata[i] + " at index " + i);
      }
      max = Math.max(max, strata[i]);
    }
    if (max >= n) {
      throw new IllegalArgumentException(
          "strata codes must be 0..k-1 with k <= number of rows, got code " + max);
    }
    return max + 1;
  }
}
