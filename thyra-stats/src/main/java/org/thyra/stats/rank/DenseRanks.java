package org.thyra.stats.rank;

/**
 * Dense ranks (0 for the smallest distinct value, 1 for the next, ...) of data with few distinct
 * values, found without sorting the data: each value is looked up in an open-addressing hash table
 * of its IEEE-754 bits (-0.0 as 0.0), and only the k distinct values are sorted. O(n + k log k)
 * with a table small enough to stay in cache, against O(n) scattered moves for a radix sort of all
 * n values: worth it when k is much smaller than n (rounded laboratory values, scores, ages), not
 * for continuous data, so {@link #of} gives up once more than {@code maxDistinct} values are seen.
 *
 * @param rank per observation, the rank of its value among the distinct values (not copied)
 * @param values the distinct values, ascending (not copied)
 */
public record DenseRanks(int[] rank, double[] values) {

  /**
   * @param x finite values (callers validate; NaN is not allowed)
   * @param maxDistinct the most distinct values worth hashing (&gt;= 1)
   * @return the dense ranks, or null when {@code x} has more than {@code maxDistinct} distinct
   *     values
   */
  public static DenseRanks of(double[] x, int maxDistinct) {
    if (maxDistinct < 1) {
      throw new IllegalArgumentException("maxDistinct must be >= 1, got " + maxDistinct);
    }
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * maxDistinct - 1)); // load <= 1/2
    int mask = (1 << bits) - 1;
    int[] slot = new int[1 << bits]; // id + 1 of the value in the slot, 0 = empty
    long[] slotKey = new long[1 << bits];
    double[] distinct = new double[Math.min(maxDistinct, x.length)];
    int[] id = new int[x.length];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      double v = x[i] + 0.0; // -0.0 + 0.0 == +0.0
      long key = Double.doubleToRawLongBits(v);
      int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits)) & mask; // Fibonacci hashing
      while (slot[h] != 0 && slotKey[h] != key) {
        h = (h + 1) & mask;
      }
      if (slot[h] == 0) {
        if (k == maxDistinct) {
          return null;
        }
        slot[h] = k + 1;
        slotKey[h] = key;
        distinct[k++] = v;
      }
      id[i] = slot[h] - 1;
    }
    double[] values = java.util.Arrays.copyOf(distinct, k);
    int[] order = RadixOrder.order(values);
    int[] rankOfId = new int[k];
    for (int r = 0; r < k; r++) {
      rankOfId[order[r]] = r;
    }
    double[] sorted = new double[k];
    for (int r = 0; r < k; r++) {
      sorted[r] = values[order[r]];
    }
    for (int i = 0; i < id.length; i++) {
      id[i] = rankOfId[id[i]];
    }
    return new DenseRanks(id, sorted);
  }
}
