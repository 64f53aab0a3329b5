package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.thyra.stats.descriptive.NumericSummary;
import org.thyra.stats.rank.MidRanks;
import org.thyra.stats.regression.Logit;

/**
 * Calibration and discrimination of predicted probabilities against binary outcomes.
 *
 * <ul>
 *   <li>Calibration intercept and slope as {@code rms::val.prob}: the logistic regression {@code
 *       logit P(y = 1) = a + b lp} of the outcome on the linear predictor {@code lp = logit(p)},
 *       fitted by Newton–Raphson with step halving (perfect calibration: a = 0, b = 1).
 *   <li>Hosmer–Lemeshow test as {@code ResourceSelection::hoslem.test(y, p, g)}: groups cut at the
 *       type-7 quantiles of p at 0, 1/g, ..., 1 (lowest break included), {@code X² = Σ (O - E)² /
 *       E} over both outcome columns, df = g - 2 on the fitting data, df = g on independent
 *       validation data.
 *   <li>Somers' Dxy = 2 (C - ½), C the area under the ROC curve (ties count ½), as {@code
 *       Hmisc::somers2}.
 * </ul>
 *
 * <p>References: Cox DR (1958) Biometrika 45:562–565; Hosmer DW, Lemeshow S (1980) Commun Stat A
 * 9:1043–1069; Harrell FE (2015) Regression Modeling Strategies, §10.9.
 */
public final class LogisticCalibration {

  private static final int MAX_ITER = 50;
  private static final double EPS = 1e-12;
  private static final double SEPARATED_ETA = 30;

  private LogisticCalibration() {}

  /**
   * Calibration intercept and slope of linear predictors against outcomes.
   *
   * @param y outcomes 0/1
   * @param lp linear predictors (logits), finite
   * @return {a, b}
   * @throws IllegalArgumentException for invalid input, one outcome class, or no convergence (e.g.
   *     separation by lp)
   */
  public static double[] interceptSlope(double[] y, double[] lp) {
    validate(y, lp);
    final int n = y.length;
    double a = 0;
    double b = 1;
    double dev = deviance(y, lp, a, b);
    for (int it = 0; it < MAX_ITER; it++) {
      double g0 = 0;
      double g1 = 0;
      double h00 = 0;
      double h01 = 0;
      double h11 = 0;
      for (int i = 0; i < n; i++) {
        final double p = Logit.inverse(a + b * lp[i]);
        final double r = y[i] - p;
        final double w = p * (1 - p);
        g0 += r;
        g1 += r * lp[i];
        h00 += w;
        h01 += w * lp[i];
        h11 += w * lp[i] * lp[i];
      }
      final double det = h00 * h11 - h01 * h01;
      if (!(det > 0)) {
        throw new IllegalArgumentException(
            "calibration fit is singular (constant linear predictor?)");
      }
      double da = (h11 * g0 - h01 * g1) / det;
      double db = (h00 * g1 - h01 * g0) / det;
      double na = a + da;
      double nb = b + db;
      double nd = deviance(y, lp, na, nb);
      int halvings = 0;
      while (!(nd <= dev + 1e-12 * Math.abs(dev)) && halvings < 30) {
        da /= 2;
        db /= 2;
        na = a + da;
        nb = b + db;
        nd = deviance(y, lp, na, nb);
        halvings++;
      }
      a = na;
      b = nb;
      final double change = Math.abs(dev - nd) / (Math.abs(nd) + 0.1);
      dev = nd;
      if (change < EPS) {
        for (double v : lp) {
          // fitted probabilities of exactly 0 or 1: the outcome is separated by lp
          if (Math.abs(a + b * v) > SEPARATED_ETA) {
            throw new IllegalArgumentException(
                "calibration intercept/slope fit diverges: the outcome is"
                    + " separated by the linear predictor");
          }
        }
        return new double[] {a, b};
      }
    }
    throw new IllegalArgumentException(
        "calibration intercept/slope fit did not converge in "
            + MAX_ITER
            + " iterations (outcome separated by the linear predictor?)");
  }

  /**
   * Hosmer–Lemeshow goodness-of-fit test.
   *
   * @param y outcomes 0/1
   * @param p predicted probabilities in [0, 1]
   * @param groups number of groups g (10 as usual), >= 3
   * @return the test
   * @throws IllegalArgumentException when quantile breaks coincide (as R's {@code cut}), or for
   *     invalid input
   */
  public static HosmerLemeshowResult hosmerLemeshow(double[] y, double[] p, int groups) {
    return hosmerLemeshow(y, p, groups, true);
  }

  /**
   * Hosmer–Lemeshow goodness-of-fit test on the data the model was fitted on (df = g - 2, as {@code
   * hoslem.test}) or on independent validation data (df = g: no parameter was estimated from these
   * data; Hosmer, Lemeshow &amp; Sturdivant (2013) Applied Logistic Regression, 3rd ed., §5.5).
   *
   * @param y outcomes 0/1
   * @param p predicted probabilities in [0, 1]
   * @param groups number of groups g (10 as usual), >= 3
   * @param fittedOnData whether the model producing {@code p} was fitted on these rows
   * @return the test
   * @throws IllegalArgumentException when quantile breaks coincide (as R's {@code cut}), or for
   *     invalid input
   */
  public static HosmerLemeshowResult hosmerLemeshow(
      double[] y, double[] p, int groups, boolean fittedOnData) {
    validate(y, p);
    if (groups < 3) {
      throw new IllegalArgumentException("Hosmer-Lemeshow needs at least 3 groups, got " + groups);
    }
    final int n = y.length;
    for (int i = 0; i < n; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(
            "probability must be in [0, 1]; row " + i + " is " + p[i]);
      }
    }
    final double[] sorted = p.clone();
    Arrays.sort(sorted);
    final double[] breaks = new double[groups + 1];
    for (int k = 0; k <= groups; k++) {
      breaks[k] = NumericSummary.quantile(sorted, (double) k / groups);
      if (k > 0 && !(breaks[k] > breaks[k - 1])) {
        throw new IllegalArgumentException(
            "Hosmer-Lemeshow quantile breaks are not unique (break "
                + k
                + " = "
                + breaks[k]
                + "): too many tied probabilities for "
                + groups
                + " groups");
      }
    }
    final double[] obs1 = new double[groups];
    final double[] exp1 = new double[groups];
    final int[] size = new int[groups];
    for (int i = 0; i < n; i++) {
      // intervals (b_{k-1}, b_k], the first one closed at the left
      int k = Arrays.binarySearch(breaks, p[i]);
      if (k < 0) {
        k = -k - 2;
      } else {
        k = Math.max(0, k - 1);
      }
      k = Math.min(k, groups - 1);
      obs1[k] += y[i];
      exp1[k] += p[i];
      size[k]++;
    }
    double chi = 0;
    final List<String> warnings = new ArrayList<>();
    for (int k = 0; k < groups; k++) {
      final double e0 = size[k] - exp1[k];
      final double o0 = size[k] - obs1[k];
      chi += (obs1[k] - exp1[k]) * (obs1[k] - exp1[k]) / exp1[k] + (o0 - e0) * (o0 - e0) / e0;
      if (exp1[k] < 1 || e0 < 1) {
        warnings.add(
            "group "
                + (k + 1)
                + " has an expected count below 1: the chi-squared approximation"
                + " is poor");
      }
    }
    final int df = fittedOnData ? groups - 2 : groups;
    final double pValue = ChiSquaredDistribution.of(df).survivalProbability(chi);
    return new HosmerLemeshowResult(
        chi,
        df,
        pValue,
        groups,
        size,
        obs1,
        exp1,
        fittedOnData
            ? "Hosmer-Lemeshow as ResourceSelection::hoslem.test: groups at type-7 quantiles, df = g - 2"
            : "Hosmer-Lemeshow on independent validation data: groups at type-7 quantiles, df = g"
                + " (Hosmer, Lemeshow & Sturdivant 2013, section 5.5)",
        warnings);
  }

  /**
   * Somers' Dxy of a score against a binary outcome: {@code 2 (AUC - 1/2)}, ties count ½.
   *
   * @param y outcomes 0/1
   * @param score score, higher = more likely 1
   * @return Dxy
   */
  public static double somersDxy(double[] y, double[] score) {
    validate(y, score);
    final double[] r = MidRanks.of(score).ranks();
    double sum = 0;
    double n1 = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] == 1) {
        sum += r[i];
        n1++;
      }
    }
    final double n0 = y.length - n1;
    final double auc = (sum - n1 * (n1 + 1) / 2) / (n1 * n0);
    return 2 * (auc - 0.5);
  }

  private static double deviance(double[] y, double[] lp, double a, double b) {
    double d = 0;
    for (int i = 0; i < y.length; i++) {
      final double eta = a + b * lp[i];
      // -2 log-likelihood, log(1 + e^eta) computed stably
      final double log1pExp =
          eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      d += 2 * (log1pExp - y[i] * eta);
    }
    return d;
  }

  private static void validate(double[] y, double[] x) {
    if (y == null || x == null || y.length != x.length) {
      throw new IllegalArgumentException(
          "outcome and predictions must be non-null and of equal length");
    }
    int ones = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException("outcome must be 0 or 1; row " + i + " is " + y[i]);
      }
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("prediction must be finite; row " + i + " is " + x[i]);
      }
      ones += (int) y[i];
    }
    if (ones == 0 || ones == y.length) {
      throw new IllegalArgumentException("outcome has one class only: calibration is undefined");
    }
  }
}
