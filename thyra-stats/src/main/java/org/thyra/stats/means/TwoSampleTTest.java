package org.thyra.stats.means;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sample t-tests, two-sided, as R's {@code t.test(x, y, var.equal = TRUE)} (Student, pooled
 * variance; the test {@code tableone} reports for two groups) and {@code t.test(x, y)} (Welch).
 *
 * <p>Student: {@code t = (mx - my) / sqrt(s2 (1/m + 1/n))}, {@code s2 = ((m-1)vx +
 * (n-1)vy)/(m+n-2)}, {@code df = m + n - 2}. Welch: {@code t = (mx - my) / sqrt(vx/m + vy/n)} with
 * Welch–Satterthwaite {@code df = (vx/m + vy/n)^2 / ((vx/m)^2/(m-1) + (vy/n)^2/(n-1))}. Missing
 * values (NaN) are dropped.
 *
 * <p>Reference: Welch (1947), Biometrika 34:28–35; R Core, {@code stats::t.test}.
 */
public final class TwoSampleTTest {
  private TwoSampleTTest() {}

  /**
   * Student's t-test with pooled variance.
   *
   * @param x first sample (NaN = missing)
   * @param y second sample (NaN = missing)
   * @return t, df, p
   */
  public static TTestResult student(double[] x, double[] y) {
    SampleMoments a = SampleMoments.of(x);
    SampleMoments b = SampleMoments.of(y);
    if (a.n() < 1 || b.n() < 1 || a.n() + b.n() < 3) {
      throw new IllegalArgumentException(
          "not enough observations: Student's t-test needs n_x >= 1, "
              + "n_y >= 1 and n_x + n_y >= 3, got "
              + a.n()
              + " and "
              + b.n());
    }
    double df = a.n() + b.n() - 2.0;
    double vx = a.n() > 1 ? a.variance() : 0;
    double vy = b.n() > 1 ? b.variance() : 0;
    double pooled = ((a.n() - 1) * vx + (b.n() - 1) * vy) / df;
    double se = Math.sqrt(pooled * (1.0 / a.n() + 1.0 / b.n()));
    return result(a.mean() - b.mean(), se, df, "Two Sample t-test");
  }

  /**
   * Welch's t-test (unequal variances).
   *
   * @param x first sample (NaN = missing)
   * @param y second sample (NaN = missing)
   * @return t, Welch–Satterthwaite df, p
   */
  public static TTestResult welch(double[] x, double[] y) {
    SampleMoments a = SampleMoments.of(x);
    SampleMoments b = SampleMoments.of(y);
    if (a.n() < 2 || b.n() < 2) {
      throw new IllegalArgumentException(
          "not enough observations: Welch's t-test needs at least 2 per "
              + "group, got "
              + a.n()
              + " and "
              + b.n());
    }
    double sx = a.variance() / a.n();
    double sy = b.variance() / b.n();
    double se2 = sx + sy;
    double df = se2 * se2 / (sx * sx / (a.n() - 1) + sy * sy / (b.n() - 1));
    return result(a.mean() - b.mean(), Math.sqrt(se2), df, "Welch Two Sample t-test");
  }

  private static TTestResult result(double diff, double se, double df, String method) {
    List<String> warnings = new ArrayList<>();
    double t = diff / se;
    if (!(se > 0)) {
      warnings.add("data are essentially constant: the standard error is zero");
    }
    double p =
        Double.isNaN(t) ? Double.NaN : 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    return new TTestResult(t, df, p, diff, method, warnings);
  }
}
