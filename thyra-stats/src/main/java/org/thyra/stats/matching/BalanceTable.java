package org.thyra.stats.matching;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.means.SampleMoments;

/**
 * Covariate balance before and after matching, as MatchIt 4.5's {@code summary(m, standardize =
 * TRUE)} for the ATT.
 *
 * <p>Weighted mean {@code sum(w x)/sum(w)}; weighted variance with normalised weights {@code v =
 * sum(w (x - m)^2) / (1 - sum(w^2))} (continuous) or {@code p(1 - p)} (binary). The SMD denominator
 * is the SD of the treated units with unit weights in the full sample, so it is the same before and
 * after matching; if it is below sqrt(eps) the pooled SD of both groups is used instead, and if the
 * mean difference itself is below sqrt(eps) the raw difference is reported (MatchIt's rules).
 * Variance ratios are reported for non-binary covariates only.
 *
 * <p>Reference: Stuart (2010), Stat Sci 25:1–21; MatchIt {@code summary.matchit}.
 *
 * @param before balance in the full sample
 * @param after balance in the matched sample (matching weights)
 * @param method the conventions used
 */
public record BalanceTable(List<BalanceRow> before, List<BalanceRow> after, String method)
    implements Result {
  /** None: this result has nothing to warn about (see {@link Result#warnings()}). */
  @Override
  public List<String> warnings() {
    return List.of();
  }

  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

  public BalanceTable {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /**
   * Balance of each covariate.
   *
   * @param covariates covariate columns (each of length n; factors as 0/1 indicator columns)
   * @param names covariate names, one per column
   * @param treated treatment indicator per row
   * @param weights matching weights per row ({@link MatchResult#weights()})
   * @return balance before and after matching
   */
  public static BalanceTable of(
      double[][] covariates, String[] names, boolean[] treated, double[] weights) {
    if (covariates.length != names.length) {
      throw new IllegalArgumentException(
          "one name per covariate column is needed, got "
              + names.length
              + " names for "
              + covariates.length
              + " columns");
    }
    double[] ones = new double[treated.length];
    java.util.Arrays.fill(ones, 1.0);
    List<BalanceRow> b = new ArrayList<>();
    List<BalanceRow> a = new ArrayList<>();
    for (int j = 0; j < covariates.length; j++) {
      double[] x = covariates[j];
      if (x.length != treated.length || weights.length != treated.length) {
        throw new IllegalArgumentException(
            "covariate "
                + names[j]
                + " has "
                + x.length
                + " values, treatment has "
                + treated.length
                + ", weights "
                + weights.length);
      }
      boolean binary = true;
      for (double v : x) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("covariate " + names[j] + " has missing values");
        }
        binary &= v == 0 || v == 1;
      }
      double sdTreated = Math.sqrt(variance(x, treated, true, ones, binary));
      if (!Double.isFinite(sdTreated) || sdTreated < SQRT_EPS) {
        sdTreated = pooledSd(x, treated, binary);
      }
      b.add(row(names[j], x, treated, ones, binary, sdTreated));
      a.add(row(names[j], x, treated, weights, binary, sdTreated));
    }
    return new BalanceTable(
        b,
        a,
        "ATT; SMD denominator: SD of treated units in the full sample; "
            + "weighted means and variances with matching weights; variance ratio for non-binary covariates");
  }

  private static BalanceRow row(
      String name, double[] x, boolean[] treated, double[] w, boolean binary, double sd) {
    double mt = SampleMoments.weightedMean(x, treated, true, w);
    double mc = SampleMoments.weightedMean(x, treated, false, w);
    double diff = mt - mc;
    double smd = Math.abs(diff) > SQRT_EPS ? diff / sd : diff;
    double vr = Double.NaN;
    if (!binary && !tooSmall(treated, w)) {
      vr = variance(x, treated, true, w, false) / variance(x, treated, false, w, false);
    }
    return new BalanceRow(name, mt, mc, smd, vr, binary);
  }

  private static boolean tooSmall(boolean[] treated, double[] w) {
    int t = 0;
    int c = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        if (treated[i]) {
          t++;
        } else {
          c++;
        }
      }
    }
    return t < 2 && c < 2;
  }

  /**
   * MatchIt's wvar: normalised weights, p(1 - p) for binary, else sum(w (x - m)^2)/(1 - sum(w^2)).
   */
  private static double variance(
      double[] x, boolean[] treated, boolean group, double[] w, boolean binary) {
    double sw = 0;
    for (int i = 0; i < x.length; i++) {
      if (treated[i] == group) {
        sw += w[i];
      }
    }
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      if (treated[i] == group) {
        m += w[i] / sw * x[i];
      }
    }
    if (binary) {
      return m * (1 - m);
    }
    double ss = 0;
    double w2 = 0;
    for (int i = 0; i < x.length; i++) {
      if (treated[i] == group) {
        double wi = w[i] / sw;
        ss += wi * (x[i] - m) * (x[i] - m);
        w2 += wi * wi;
      }
    }
    return ss / (1 - w2);
  }

  /** MatchIt's pooled_sd with proportional contribution, unit weights. */
  private static double pooledSd(double[] x, boolean[] treated, boolean binary) {
    int n = x.length;
    double v = 0;
    for (int g = 0; g < 2; g++) {
      boolean group = g == 1;
      double s = 0;
      int ng = 0;
      for (int i = 0; i < n; i++) {
        if (treated[i] == group) {
          s += x[i];
          ng++;
        }
      }
      if (binary) {
        v += s * (1 - s / ng) / n;
      } else {
        double m = s / ng;
        for (int i = 0; i < n; i++) {
          if (treated[i] == group) {
            v += (x[i] - m) * (x[i] - m);
          }
        }
      }
    }
    return Math.sqrt(binary ? v : v / (n - 2));
  }
}
