package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.Result;

/**
 * The Kaplan–Meier estimator with case weights, as R's survival 3.5 {@code survfit(Surv(time,
 * status) ~ 1, weights = w)}: at each distinct time the weighted number at risk {@code n_j =
 * sum_{t_i >= t_j} w_i} and weighted events {@code d_j}, {@code S(t) = prod (1 - d_j / n_j)}.
 *
 * <p>Variance as survfit chooses it by default: with any non-integer weight the robust
 * (infinitesimal jackknife) variance {@code var S(t) = sum_i (w_i dS(t)/dw_i)^2}, where {@code
 * dS(t)/dw_i = S(t) sum_{t_j <= t} (Y_i(t_j) d_j - dN_i(t_j) n_j) / (n_j (n_j - d_j))}; with whole
 * weights (frequencies) Greenwood's {@code var(-log S) = sum d_j / (n_j (n_j - d_j))}. The
 * confidence interval uses {@code se(-log S) = se(S) / S} on the chosen scale, as survfit. Zero
 * weights are allowed (the row's time stays a time of the curve, with nothing at risk added), as
 * survfit; negative weights are refused. Times that differ by rounding only are merged first.
 *
 * <p>Cost: one sort, O(n log n).
 *
 * <p>References: Xie J, Liu C (2005) Stat Med 24:3089–3110 (adjusted KM with IPTW weights);
 * Therneau TM, survival vignette "Robust variance" / survfitKM.
 */
public final class WeightedKaplanMeier {

  private WeightedKaplanMeier() {}

  /**
   * Fits the weighted curve.
   *
   * @param time follow-up times, finite and >= 0
   * @param status 1 = event, 0 = censored
   * @param weights case weights, finite and >= 0, not all 0
   * @param options CI type and level
   * @return the curve
   */
  public static Curve fit(
      double[] time, int[] status, double[] weights, KaplanMeierOptions options) {
    SurvivalInput.check(time, status);
    int n = time.length;
    if (weights == null || weights.length != n) {
      throw new IllegalArgumentException("one weight per row is needed");
    }
    boolean integer = true;
    double total = 0; // only checked: the numbers at risk are suffix sums
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(Double.isFinite(w) && w >= 0)) {
        throw new IllegalArgumentException(
            "row "
                + (i + 1)
                + ": weight "
                + w
                + " is not allowed; weights must be finite and >= 0");
      }
      integer &= w == Math.floor(w);
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("every weight is 0");
    }
    double[] t = TimeFix.apply(time);
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(t[a], t[b]));
    double[] unique = Arrays.stream(t).sorted().distinct().toArray();
    int m = unique.length;
    double[] nRisk = new double[m];
    double[] nEvent = new double[m];
    double[] nCensor = new double[m];
    int[] rowTime = new int[n];
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(unique, t[i]);
      rowTime[i] = k;
      if (status[i] == 1) {
        nEvent[k] += weights[i];
      } else {
        nCensor[k] += weights[i];
      }
    }
    // suffix sums, as survfit: at the last time with no censoring n - d is exactly 0
    double atRisk = 0;
    for (int k = m - 1; k >= 0; k--) {
      atRisk += nEvent[k] + nCensor[k];
      nRisk[k] = atRisk;
    }
    double[] surv = new double[m];
    double[] greenwood = new double[m]; // C(t) = sum d/(n(n-d))
    double s = 1;
    double c = 0;
    for (int k = 0; k < m; k++) {
      if (nEvent[k] > 0) {
        s *= (nRisk[k] - nEvent[k]) / nRisk[k];
        c += nEvent[k] / (nRisk[k] * (nRisk[k] - nEvent[k]));
      }
      surv[k] = s;
      greenwood[k] = c;
    }
    double[] seLog = new double[m];
    if (integer) {
      for (int k = 0; k < m; k++) {
        seLog[k] = Math.sqrt(greenwood[k]);
      }
    } else {
      // var S(t) / S(t)^2 = C(t)^2 sum_{T_i > t} w_i^2 + sum_{T_i <= t} w_i^2 q_i^2,
      // q_i = C(T_i) - status_i / (n(T_i) - d(T_i))
      double[] w2AtTime = new double[m];
      double[] qAtTime = new double[m];
      for (int i = 0; i < n; i++) {
        int k = rowTime[i];
        double q = greenwood[k] - (status[i] == 1 ? 1 / (nRisk[k] - nEvent[k]) : 0);
        w2AtTime[k] += weights[i] * weights[i];
        qAtTime[k] += weights[i] * weights[i] * q * q;
      }
      double w2Later = 0;
      for (double v : w2AtTime) {
        w2Later += v;
      }
      double past = 0;
      for (int k = 0; k < m; k++) {
        w2Later -= w2AtTime[k];
        past += qAtTime[k];
        seLog[k] = Math.sqrt(greenwood[k] * greenwood[k] * w2Later + past);
      }
    }
    return new Curve(n, unique, nRisk, nEvent, nCensor, surv, seLog, integer, options);
  }

  /**
   * A weighted Kaplan–Meier curve.
   *
   * @param n rows
   * @param times distinct times
   * @param nRisk weighted number at risk
   * @param nEvent weighted events
   * @param nCensor weighted censorings
   * @param survival S(t)
   * @param seLog standard error of -log S(t)
   * @param greenwood whether the variance is Greenwood's (whole weights) rather than robust
   * @param options CI settings
   */
  public record Curve(
      int n,
      double[] times,
      double[] nRisk,
      double[] nEvent,
      double[] nCensor,
      double[] survival,
      double[] seLog,
      boolean greenwood,
      KaplanMeierOptions options)
      implements Result {

    private double z() {
      return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + options.level()) / 2);
    }

    /** Number of distinct times. */
    public int size() {
      return times.length;
    }

    /** Weighted events in total. */
    public double events() {
      double e = 0;
      for (double d : nEvent) {
        e += d;
      }
      return e;
    }

    /** Standard error of S at row i (summary.survfit's std.err). */
    public double stdErr(int i) {
      // S = 0 once everyone at risk has died: survfit reports a standard error of 0
      return survival[i] == 0 ? 0 : survival[i] * seLog[i];
    }

    /** Lower limit at row i. */
    public double lower(int i) {
      return options.type().lower(survival[i], seLog[i], z());
    }

    /** Upper limit at row i. */
    public double upper(int i) {
      return options.type().upper(survival[i], seLog[i], z());
    }

    /**
     * The estimate at time t as summary(fit, times = t): empty beyond the last time.
     *
     * @return {time, weighted n at risk, S, se(S), lower, upper}
     */
    public Optional<double[]> at(double t) {
      int m = times.length;
      if (m == 0 || t > times[m - 1]) {
        return Optional.empty();
      }
      int ge = 0;
      while (ge < m && times[ge] < t) {
        ge++;
      }
      int le = (ge < m && times[ge] == t) ? ge : ge - 1;
      if (le < 0) {
        return Optional.of(new double[] {t, nRisk[ge], 1, 0, 1, 1});
      }
      return Optional.of(
          new double[] {t, nRisk[ge], survival[le], stdErr(le), lower(le), upper(le)});
    }

    /** Median and its CI by curve crossing, as quantile.survfit. */
    public SurvivalQuantile median() {
      int m = times.length;
      double[] x = new double[m + 1];
      double[] y = new double[m + 1];
      System.arraycopy(times, 0, x, 1, m);
      for (int i = 0; i < m; i++) {
        y[i + 1] = 1 - survival[i];
      }
      double est = KaplanMeierCurve.findQuantile(x, y, 0.5);
      for (int i = 0; i < m; i++) {
        y[i + 1] = 1 - lower(i);
      }
      double lo = KaplanMeierCurve.findQuantile(x, y, 0.5);
      for (int i = 0; i < m; i++) {
        y[i + 1] = 1 - upper(i);
      }
      double up = KaplanMeierCurve.findQuantile(x, y, 0.5);
      return new SurvivalQuantile(est, lo, up);
    }

    @Override
    public String method() {
      return "weighted Kaplan-Meier as survfit(weights = ): weighted numbers at risk and events; "
          + (greenwood
              ? "Greenwood variance on the weighted counts (every weight a whole number, as survfit)"
              : "robust infinitesimal-jackknife variance (non-integer weights, survfit's default)")
          + "; CI "
          + options.type().rName()
          + " "
          + options.level();
    }

    @Override
    public List<String> warnings() {
      return new ArrayList<>();
    }
  }
}
