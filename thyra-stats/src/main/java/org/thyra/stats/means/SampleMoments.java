package org.thyra.stats.means;

/**
 * Count, mean and unbiased variance of the non-missing values of a sample; two-pass with the
 * compensated second pass (Chan, Golub &amp; LeVeque 1983), as R's {@code mean}/{@code var}.
 *
 * @param n number of non-missing values
 * @param mean arithmetic mean (NaN when n = 0)
 * @param variance sample variance with divisor n - 1 (NaN when n &lt; 2)
 */
public record SampleMoments(int n, double mean, double variance) {

  /**
   * Weighted mean of one treatment group, {@code sum(w x) / sum(w)} over the rows with {@code
   * treated[i] == group} (as MatchIt's and WeightIt's balance tables; NaN when the group's weights
   * sum to 0).
   *
   * @param x values
   * @param treated group of each row
   * @param group the group to average
   * @param w weight of each row
   * @return the weighted mean
   */
  public static double weightedMean(double[] x, boolean[] treated, boolean group, double[] w) {
    double s = 0;
    double sw = 0;
    for (int i = 0; i < x.length; i++) {
      if (treated[i] == group) {
        s += w[i] * x[i];
        sw += w[i];
      }
    }
    return s / sw;
  }

  /**
   * Moments of the values, ignoring NaN.
   *
   * @param x sample
   * @return its moments
   */
  public static SampleMoments of(double[] x) {
    int n = 0;
    double s = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        n++;
        s += v;
      }
    }
    if (n == 0) {
      return new SampleMoments(0, Double.NaN, Double.NaN);
    }
    double mean = s / n;
    // second pass refines the mean as R's mean() does
    double t = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        t += v - mean;
      }
    }
    mean += t / n;
    double ss = 0;
    double c = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        double d = v - mean;
        ss += d * d;
        c += d;
      }
    }
    double var = n < 2 ? Double.NaN : (ss - c * c / n) / (n - 1);
    return new SampleMoments(n, mean, var);
  }
}
