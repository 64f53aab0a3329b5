package org.thyra.stats.descriptive;

import java.util.Arrays;

/**
 * Counts and percentages of a categorical variable, n (%), percentages of the non-missing values
 * (as tableone and gtsummary by default).
 *
 * @param levels level codes, ascending
 * @param counts count of each level
 * @param percent 100 × count / non-missing (NaN when all values are missing)
 * @param missing number of missing values
 */
public record CategoricalSummary(double[] levels, long[] counts, double[] percent, int missing) {

  /**
   * Tabulates {@code x} over the given levels (levels absent from {@code x} get 0).
   *
   * @param x level codes, NaN = missing
   * @param levels all levels of the variable, ascending
   * @return counts and percentages
   */
  public static CategoricalSummary of(double[] x, double[] levels) {
    long[] counts = new long[levels.length];
    int missing = 0;
    long total = 0;
    for (double v : x) {
      if (Double.isNaN(v)) {
        missing++;
        continue;
      }
      int j = Arrays.binarySearch(levels, v);
      if (j < 0) {
        throw new IllegalArgumentException(
            "value " + v + " is not among the levels " + Arrays.toString(levels));
      }
      counts[j]++;
      total++;
    }
    double[] pct = new double[levels.length];
    for (int j = 0; j < levels.length; j++) {
      pct[j] = total == 0 ? Double.NaN : 100.0 * counts[j] / total;
    }
    return new CategoricalSummary(levels.clone(), counts, pct, missing);
  }
}
