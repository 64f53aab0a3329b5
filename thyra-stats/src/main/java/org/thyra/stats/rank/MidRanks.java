package org.thyra.stats.rank;

/**
 * Mid-ranks (R's {@code rank(x)} with {@code ties.method = "average"}) and the tie sizes needed by
 * the tie corrections of rank tests.
 *
 * @param ranks mid-rank of each value, 1-based
 * @param tieCorrection sum over tie groups of {@code t^3 - t}
 * @param hasTies whether any two values are equal
 */
public record MidRanks(double[] ranks, double tieCorrection, boolean hasTies) {

  /**
   * Ranks finite values.
   *
   * @param values values without NaN
   * @return mid-ranks and tie summary
   */
  public static MidRanks of(double[] values) {
    int n = values.length;
    StableOrder.Sorted sorted = StableOrder.sort(values, false);
    int[] o = sorted.order;
    double[] key = sorted.keys;
    double[] r = new double[n];
    double ties = 0;
    boolean any = false;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && key[j + 1] == key[i]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        r[o[k]] = mid;
      }
      double t = j - i + 1;
      if (t > 1) {
        any = true;
        ties += t * t * t - t;
      }
      i = j + 1;
    }
    return new MidRanks(r, ties, any);
  }
}
