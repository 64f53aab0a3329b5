package org.thyra.stats.rank;

import java.util.Arrays;

/** Distinct group codes, sorted, missing (NaN) codes excluded. */
public final class GroupCodes {
  private GroupCodes() {}

  /**
   * The groups that have data: distinct non-missing codes among the rows whose value is not
   * missing, ascending (a group whose values are all missing is not a group of the test).
   *
   * @param g group codes, NaN = missing
   * @param x values, NaN = missing
   * @return the sorted distinct codes
   */
  public static double[] withData(double[] g, double[] x) {
    double[] kept = g.clone();
    for (int i = 0; i < kept.length; i++) {
      if (Double.isNaN(x[i])) {
        kept[i] = Double.NaN;
      }
    }
    return distinctSorted(kept);
  }

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
