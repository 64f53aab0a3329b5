package org.thyra.stats.means;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;
import org.thyra.stats.rank.GroupCodes;

/**
 * One-way analysis of variance with equal variances, as R's {@code oneway.test(x ~ g, var.equal =
 * TRUE)} (the test {@code tableone} reports for continuous variables).
 *
 * <p>{@code F = (sum_j n_j (m_j - m)^2 / (k - 1)) / (sum_j (n_j - 1) v_j / (n - k))} on {@code (k -
 * 1, n - k)} df. Rows with a missing value or group are dropped; as R, every group needs at least
 * two observations.
 *
 * <p>Reference: Fisher (1925), Statistical Methods for Research Workers; R Core, {@code
 * stats::oneway.test}.
 */
public final class OneWayAnova {
  private OneWayAnova() {}

  /**
   * Tests equality of group means.
   *
   * @param x values (NaN = missing)
   * @param group group codes (NaN = missing)
   * @return F, df, p
   */
  public static AnovaResult test(double[] x, double[] group) {
    if (x.length != group.length) {
      throw new IllegalArgumentException(
          "'x' and 'g' must have the same length, got " + x.length + " and " + group.length);
    }
    double[] codes = GroupCodes.withData(group, x);
    int k = codes.length;
    if (k < 2) {
      throw new IllegalArgumentException(
          "not enough groups: one-way ANOVA needs at least 2, got " + k);
    }
    double[][] samples = new double[k][];
    int[] sizes = new int[k];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(group[i])) {
        sizes[Arrays.binarySearch(codes, group[i])]++;
      }
    }
    for (int j = 0; j < k; j++) {
      samples[j] = new double[sizes[j]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(group[i])) {
        int j = Arrays.binarySearch(codes, group[i]);
        samples[j][fill[j]++] = x[i];
      }
    }
    int n = 0;
    double total = 0;
    SampleMoments[] m = new SampleMoments[k];
    for (int j = 0; j < k; j++) {
      m[j] = SampleMoments.of(samples[j]);
      if (m[j].n() < 2) {
        throw new IllegalArgumentException(
            "not enough observations: group "
                + fmt(codes[j])
                + " has "
                + m[j].n()
                + ", one-way ANOVA needs at least 2 per group");
      }
      n += m[j].n();
      total += m[j].n() * m[j].mean();
    }
    double grand = total / n;
    double between = 0;
    double within = 0;
    for (int j = 0; j < k; j++) {
      double d = m[j].mean() - grand;
      between += m[j].n() * d * d;
      within += (m[j].n() - 1) * m[j].variance();
    }
    double df1 = k - 1.0;
    double df2 = n - (double) k;
    double f = (between / df1) / (within / df2);
    List<String> warnings = new ArrayList<>();
    if (!(within > 0)) {
      warnings.add("no variation within groups: F is undefined or infinite");
    }
    double p = Double.isNaN(f) ? Double.NaN : FDistribution.of(df1, df2).survivalProbability(f);
    return new AnovaResult(
        f, df1, df2, p, k, "One-way analysis of means (equal variances)", warnings);
  }

  private static String fmt(double code) {
    return code == Math.rint(code) ? Long.toString((long) code) : Double.toString(code);
  }
}
