package org.thyra.stats.weighting;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.means.SampleMoments;

/**
 * Covariate balance before and after weighting: standardised mean differences {@code (m_t - m_c) /
 * s}, the means weighted (after) or not (before), with one denominator {@code s} for both, computed
 * on the unweighted full sample as cobalt does by default: for the ATE the pooled {@code s =
 * sqrt((s_t^2 + s_c^2) / 2)}, for the ATT the treated group's {@code s_t}. A group's variance is
 * the sample variance (n - 1) of a numeric covariate, {@code p (1 - p)} of a 0/1 one (cobalt's
 * {@code col_w_sd} for binary variables). Reference: Austin PC, Stuart EA (2015) Stat Med
 * 34:3661–3679; Greifer N, cobalt vignette "Balance statistics".
 *
 * @param rows one row per covariate column
 * @param estimand which denominator was used
 */
public record WeightedBalance(List<Row> rows, Estimand estimand) implements Result {

  /**
   * Balance of one covariate column.
   *
   * @param covariate name (a categorical variable's level as {@code var=level})
   * @param binary whether the column holds only 0 and 1
   * @param meanTreatedBefore unweighted mean among the treated
   * @param meanControlBefore unweighted mean among the controls
   * @param smdBefore unweighted standardised mean difference
   * @param meanTreatedAfter weighted mean among the treated
   * @param meanControlAfter weighted mean among the controls
   * @param smdAfter weighted standardised mean difference
   */
  public record Row(
      String covariate,
      boolean binary,
      double meanTreatedBefore,
      double meanControlBefore,
      double smdBefore,
      double meanTreatedAfter,
      double meanControlAfter,
      double smdAfter) {}

  public WeightedBalance {
    rows = List.copyOf(rows);
  }

  /**
   * Computes the table.
   *
   * @param columns covariate columns, column-major
   * @param names one name per column
   * @param treated treatment indicator per row
   * @param weights weight per row
   * @param estimand ATE (pooled SD) or ATT (treated SD)
   * @return the balance table
   */
  public static WeightedBalance of(
      double[][] columns,
      List<String> names,
      boolean[] treated,
      double[] weights,
      Estimand estimand) {
    if (columns.length != names.size()) {
      throw new IllegalArgumentException("one name per column is needed");
    }
    int n = treated.length;
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < columns.length; j++) {
      double[] x = columns[j];
      if (x.length != n || weights.length != n) {
        throw new IllegalArgumentException("column " + names.get(j) + " differs in length");
      }
      boolean binary = true;
      for (double v : x) {
        binary &= v == 0 || v == 1;
      }
      double vt = variance(x, treated, true, binary);
      double vc = variance(x, treated, false, binary);
      double sd = estimand == Estimand.ATE ? Math.sqrt((vt + vc) / 2) : Math.sqrt(vt);
      double mtb = SampleMoments.weightedMean(x, treated, true, ones);
      double mcb = SampleMoments.weightedMean(x, treated, false, ones);
      double mta = SampleMoments.weightedMean(x, treated, true, weights);
      double mca = SampleMoments.weightedMean(x, treated, false, weights);
      rows.add(
          new Row(
              names.get(j), binary, mtb, mcb, smd(mtb - mcb, sd), mta, mca, smd(mta - mca, sd)));
    }
    return new WeightedBalance(rows, estimand);
  }

  private static double smd(double diff, double sd) {
    return sd > 0 ? diff / sd : Double.NaN;
  }

  private static double variance(double[] x, boolean[] treated, boolean group, boolean binary) {
    double s = 0;
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (treated[i] == group) {
        s += x[i];
        k++;
      }
    }
    double m = s / k;
    if (binary) {
      return m * (1 - m);
    }
    double ss = 0;
    for (int i = 0; i < x.length; i++) {
      if (treated[i] == group) {
        ss += (x[i] - m) * (x[i] - m);
      }
    }
    return ss / (k - 1);
  }

  @Override
  public String method() {
    return "standardised mean differences (m_t - m_c)/s, means weighted after, unweighted before;"
        + " s from the unweighted sample, "
        + (estimand == Estimand.ATE
            ? "pooled sqrt((s_t^2 + s_c^2)/2) (cobalt's default for the ATE)"
            : "SD of the treated (cobalt's default for the ATT)")
        + "; variance n - 1 for numeric covariates, p(1 - p) for 0/1 ones";
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }
}
