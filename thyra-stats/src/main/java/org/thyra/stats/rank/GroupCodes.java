package org.thyra.stats.rank;

import java.util.Arrays;

/** Distinct group codes, sorted, missing (NaN) codes excluded. */
public final class GroupCodes {
  private GroupCodes() {}

  /**
   * Distinct non-missing values, ascending.
   *
   * @param g group codes, NaN = missing
   * @return the sorted distinct codes
   */
  public static double[] distinctSorted(double[] g) {
    double[] c = new double[g.length];
    int m = 0;
    for (double v : g) {
      if (!Double.isNaN(v)) {
        c[m++] = v;
      }
    }
    c = Arrays.copyOf(c, m);
    Arrays.sort(c);
    int d = 0;
    for (int i = 0; i < c.length; i++) {
      if (i == 0 || c[i] != c[i - 1]) {
        c[d++] = c[i];
      }
    }
    return Arrays.copyOf(c, d);
  }
}
