package org.thyra.stats.rank;

/** Removing NaN (missing) values from primitive arrays. */
final class MissingValues {
  private MissingValues() {}

  static double[] drop(double[] x) {
    int m = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        m++;
      }
    }
    double[] out = new double[m];
    int k = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        out[k++] = v;
      }
    }
    return out;
  }
}
