package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Restricted mean survival time (RMST) up to {@code tau}: the area under a Kaplan–Meier curve on
 * {@code [0, tau]}, with its variance as R's {@code print(survfit(...), rmean = tau)} ({@code
 * survmean}) and {@code survRM2::rmst1} compute it.
 *
 * <p>With distinct times {@code t_1 < ... < t_k <= tau}, survival {@code S_j} after {@code t_j} and
 * {@code A_j = ∫_{t_j}^{tau} S(u) du}:
 *
 * <pre>
 *   RMST = Σ_j (t_j − t_{j−1}) S_{j−1} + (tau − t_k) S_k          (t_0 = 0, S_0 = 1)
 *   Var  = Σ_j A_j² d_j / (n_j (n_j − d_j))                        (a term with n_j = d_j is 0)
 * </pre>
 *
 * <p>The confidence interval is the plain {@code RMST ± z·SE} of {@code survRM2::rmst1}. Two curves
 * are compared as {@code survRM2::rmst2} does (Uno et al. 2014, J Clin Oncol 32:2380): the
 * difference with {@code SE = sqrt(V_1 + V_0)} and the ratio on the log scale with {@code SE =
 * sqrt(V_1/RMST_1² + V_0/RMST_0²)}, both with two-sided normal p-values.
 */
public final class RestrictedMean {

  private RestrictedMean() {}

  /**
   * The RMST of one curve up to {@code tau}.
   *
   * @param curve a Kaplan–Meier curve of times {@code >= 0}
   * @param tau the truncation time, {@code > 0}
   * @param confLevel the confidence level of the plain interval
   */
  public static RestrictedMeanResult of(KaplanMeierCurve curve, double tau, double confLevel) {
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau must be a positive finite time, got " + tau);
    }
    checkLevel(confLevel);
    int k = 0;
    while (k < curve.size() && curve.time(k) <= tau) {
      if (curve.time(k) < 0) {
        throw new IllegalArgumentException(
            "negative follow-up time " + curve.time(k) + ": the RMST integrates from 0");
      }
      k++;
    }
    // rectangles: [t_{j-1}, t_j) with height S_{j-1}; the last one [t_k, tau) at S_k
    double[] rect = new double[k + 1];
    double prevTime = 0;
    double prevSurv = 1;
    for (int j = 0; j < k; j++) {
      rect[j] = (curve.time(j) - prevTime) * prevSurv;
      prevTime = curve.time(j);
      prevSurv = curve.survival(j);
    }
    rect[k] = (tau - prevTime) * prevSurv;
    double mean = 0;
    for (double r : rect) {
      mean += r;
    }
    // A_j = area after t_j = rect[j+1] + ... + rect[k], accumulated backwards
    double var = 0;
    double after = 0;
    for (int j = k - 1; j >= 0; j--) {
      after += rect[j + 1];
      int nr = curve.nRisk(j);
      int d = curve.nEvent(j);
      if (d > 0 && nr > d) {
        var += after * after * d / ((double) nr * (nr - d));
      }
    }
    double se = Math.sqrt(var);
    double z = z(confLevel);
    List<String> warnings = new ArrayList<>();
    double last = curve.size() == 0 ? 0 : curve.time(curve.size() - 1);
    if (tau > last) {
      warnings.add(
          "tau = "
              + tau
              + " is beyond the last follow-up time "
              + last
              + ": the curve is carried flat to tau (as survfit's rmean), survRM2 refuses this");
    }
    if (curve.events() == 0) {
      warnings.add("no events up to tau: the RMST is tau and its standard error 0");
    }
    return new RestrictedMeanResult(
        tau,
        curve.n(),
        curve.events(),
        mean,
        se,
        mean - z * se,
        mean + z * se,
        confLevel,
        List.copyOf(warnings));
  }

  /**
   * The difference {@code a − b} and ratio {@code a / b} of two RMSTs with the same {@code tau}, as
   * {@code survRM2::rmst2} (arm 1 = {@code a}, arm 0 = {@code b}).
   */
  public static RestrictedMeanComparison compare(
      RestrictedMeanResult a, RestrictedMeanResult b, double confLevel) {
    if (a.tau() != b.tau()) {
      throw new IllegalArgumentException("the two RMSTs have different tau");
    }
    checkLevel(confLevel);
    double z = z(confLevel);
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double diff = a.rmst() - b.rmst();
    double seDiff = Math.sqrt(a.se() * a.se() + b.se() * b.se());
    double pDiff = 2 * normal.survivalProbability(Math.abs(diff) / seDiff);
    double logRatio = Math.log(a.rmst()) - Math.log(b.rmst());
    double seLog =
        Math.sqrt(
            a.se() * a.se() / (a.rmst() * a.rmst()) + b.se() * b.se() / (b.rmst() * b.rmst()));
    double pRatio = 2 * normal.survivalProbability(Math.abs(logRatio) / seLog);
    List<String> warnings = new ArrayList<>();
    if (!(seDiff > 0)) {
      warnings.add("both standard errors are 0 (no events before tau): no test");
      pDiff = Double.NaN;
      pRatio = Double.NaN;
    }
    return new RestrictedMeanComparison(
        diff,
        seDiff,
        diff - z * seDiff,
        diff + z * seDiff,
        pDiff,
        Math.exp(logRatio),
        seLog,
        Math.exp(logRatio - z * seLog),
        Math.exp(logRatio + z * seLog),
        pRatio,
        confLevel,
        List.copyOf(warnings));
  }

  /** What the results computed, for a result's {@code method}. */
  public static String method() {
    return "restricted mean survival time: area under the Kaplan-Meier curve on [0, tau],"
        + " variance as survfit(rmean = tau) / survRM2::rmst1, plain (RMST ± z·SE) interval;"
        + " difference and ratio (log scale) of two groups as survRM2::rmst2";
  }

  private static double z(double confLevel) {
    return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + confLevel) / 2);
  }

  private static void checkLevel(double confLevel) {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
  }
}
