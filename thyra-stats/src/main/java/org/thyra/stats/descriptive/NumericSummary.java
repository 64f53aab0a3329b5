package org.thyra.stats.descriptive;

import java.util.Arrays;
import org.thyra.stats.means.SampleMoments;

/**
 * Summary of a numeric variable for a baseline table: mean ± SD and median (IQR).
 *
 * <p>Quartiles by R's default {@code quantile(type = 7)}: for probability p and sorted values
 * {@code x_1..x_n}, {@code h = 1 + (n - 1) p}, {@code Q = (1 - f) x_floor(h) + f x_ceil(h)}, {@code
 * f = h - floor(h)} (Hyndman &amp; Fan 1996, Am Stat 50:361–365). Missing values (NaN) are counted
 * and excluded.
 *
 * @param n non-missing values
 * @param missing missing values
 * @param mean mean (NaN when n = 0)
 * @param sd standard deviation, divisor n - 1 (NaN when n &lt; 2)
 * @param median median
 * @param q1 first quartile (type 7)
 * @param q3 third quartile (type 7)
 * @param min smallest value
 * @param max largest value
 */
public record NumericSummary(
    int n,
    int missing,
    double mean,
    double sd,
    double median,
    double q1,
    double q3,
    double min,
    double max) {

  /**
   * Summarises the values.
   *
   * @param x values, NaN = missing
   * @return the summary
   */
  public static NumericSummary of(double[] x) {
    SampleMoments m = SampleMoments.of(x);
    double[] s = new double[m.n()];
    int k = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        s[k++] = v;
      }
    }
    Arrays.sort(s);
    int missing = x.length - m.n();
    if (s.length == 0) {
      return new NumericSummary(
          0,
          missing,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN);
    }
    return new NumericSummary(
        m.n(),
        missing,
        m.mean(),
        Math.sqrt(m.variance()),
        quantile(s, 0.5),
        quantile(s, 0.25),
        quantile(s, 0.75),
        s[0],
        s[s.length - 1]);
  }

  /**
   * R's type-7 quantile of sorted values.
   *
   * @param sorted ascending values, no NaN, at least one
   * @param p probability in [0, 1]
   * @return the quantile
   */
  public static double quantile(double[] sorted, double p) {
    int n = sorted.length;
    double index = (n - 1) * p; // 0-based form of 1 + (n - 1) p
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    double q = sorted[lo];
    double h = index - lo;
    if (index > lo && sorted[hi] != q) {
      q = (1 - h) * q + h * sorted[hi];
    }
    return q;
  }
}
