package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.descriptive.NumericSummary;
import org.thyra.stats.rank.StableOrder;
import org.thyra.stats.survival.SurvivalInput;

/**
 * Calibration of predicted survival at a horizon u against Kaplan–Meier estimates in groups of
 * about m subjects, as {@code rms::calibrate(fit, cmethod = "KM", u, m)} (apparent part, {@link
 * #atHorizon}) or {@code rms::groupkm(pred, S, u, m = m)} ({@link #groupKm}).
 *
 * <p>calibrate's groups: g = max(1, floor(n / m)) intervals {@code [c_i, c_{i+1})} (the last
 * closed) between the distinct type-7 quantiles of {@code c(0, 1, predicted)} at 0, 1/g, ..., 1.
 * groupkm's groups ({@code Hmisc::cut2(m)}): with the distinct predicted values x_(k) and their
 * cumulative counts N_k, cut j is the smallest x_(k) with {@code N_k >= j n / g} (the last cut is
 * the maximum); duplicate cuts are dropped and group i holds the values above cut i-1 up to cut i.
 * Per group: mean predicted survival, the Kaplan–Meier survival at u (the last step at or before u
 * + 1e-6), its standard error of log S (Greenwood), n and events; a group of fewer than 2 subjects,
 * or whose follow-up ends before u with survival above 0, has no estimate (NaN).
 *
 * <p>References: Harrell FE (2015) Regression Modeling Strategies, §20.4; Kaplan EL, Meier P (1958)
 * JASA 53:457–481.
 */
public final class KmCalibration {

  private KmCalibration() {}

  /**
   * Groups subjects by predicted survival at u and compares with Kaplan–Meier.
   *
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @param predicted predicted survival at u per subject, in [0, 1]
   * @param u the horizon
   * @param m subjects per group, >= 1
   * @return one row per group, in increasing predicted survival
   */
  public static KmCalibrationResult atHorizon(
      double[] time, int[] status, double[] predicted, double u, int m) {
    validate(time, status, predicted, u, m);
    final double[] x = cleaned(predicted);
    return withCuts(time, status, x, calibrateCuts(x, m), u, m);
  }

  /** calibrate.cph's cuts: the distinct type-7 quantiles of c(0, 1, x) at 0, 1/g, ..., 1. */
  static double[] calibrateCuts(double[] x, int m) {
    final int n = x.length;
    // cuts = unique(quantile(c(0, 1, pred), seq(0, 1, length = g + 1))),
    // groups [c_i, c_{i+1}), the last one closed
    final int g = Math.max(1, n / m);
    final double[] all = new double[n + 2];
    System.arraycopy(x, 0, all, 0, n);
    all[n + 1] = 1;
    java.util.Arrays.sort(all);
    final List<Double> cuts = new ArrayList<>();
    for (int j = 0; j <= g; j++) {
      final double q = NumericSummary.quantile(all, (double) j / g);
      if (cuts.isEmpty() || q != cuts.get(cuts.size() - 1)) {
        cuts.add(q);
      }
    }
    return cuts.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The groups of {@link #atHorizon} for given cuts (calibrate's bootstrap keeps the original
   * cuts).
   */
  static KmCalibrationResult withCuts(
      double[] time, int[] status, double[] x, double[] cuts, double u, int m) {
    final int n = x.length;
    final int groups = Math.max(1, cuts.length - 1);
    final int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      int k = 0;
      while (k < groups - 1 && x[i] >= cuts[k + 1]) {
        k++;
      }
      group[i] = k;
    }
    final String method =
        "apparent calibration as rms::calibrate(cmethod = \"KM\"): groups at type-7 quantiles of"
            + " c(0, 1, predicted), floor(n / m) groups; Kaplan-Meier at u, Greenwood SE of log S";
    return summarise(time, status, x, group, groups, u, m, method);
  }

  /**
   * As {@link #atHorizon(double[], double[], double[], double, int)} but with the groups of {@code
   * rms::groupkm(pred, S, u, m = m)}, i.e. {@code Hmisc::cut2(pred, m = m)}.
   *
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @param predicted predicted survival at u per subject, in [0, 1]
   * @param u the horizon
   * @param m subjects per group, >= 1
   * @return one row per group, in increasing predicted survival
   */
  public static KmCalibrationResult groupKm(
      double[] time, int[] status, double[] predicted, double u, int m) {
    final int n = validate(time, status, predicted, u, m);
    final double[] x = cleaned(predicted);
    final int g = Math.max(1, n / m);
    final int[] order = StableOrder.ascending(x);
    // distinct values and cumulative counts
    final double[] xx = new double[n];
    final int[] cum = new int[n];
    int nd = 0;
    for (int r = 0; r < n; r++) {
      final double v = x[order[r]];
      if (nd == 0 || v != xx[nd - 1]) {
        xx[nd++] = v;
      }
      cum[nd - 1] = r + 1;
    }
    final double[] cuts = new double[g];
    for (int j = 1; j <= g; j++) {
      final double target = (double) j * n / g;
      int k = 0;
      while (k < nd - 1 && cum[k] < target) {
        k++;
      }
      cuts[j - 1] = xx[k];
    }
    cuts[g - 1] = xx[nd - 1];
    final List<Double> upper = new ArrayList<>();
    for (double c : cuts) {
      if (upper.isEmpty() || c != upper.get(upper.size() - 1)) {
        upper.add(c);
      }
    }
    final int groups = upper.size();
    final int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      int k = 0;
      while (x[i] > upper.get(k)) {
        k++;
      }
      group[i] = k;
    }
    final String method =
        "groups as rms::groupkm / Hmisc::cut2(m); Kaplan-Meier at u, Greenwood SE of log S";
    return summarise(time, status, x, group, groups, u, m, method);
  }

  private static double[] cleaned(double[] predicted) {
    final double[] x = predicted.clone();
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i]) < 1e-10) {
        x[i] = 0; // as groupkm
      }
    }
    return x;
  }

  private static KmCalibrationResult summarise(
      double[] time,
      int[] status,
      double[] x,
      int[] group,
      int groups,
      double u,
      int m,
      String method) {
    final int n = x.length;
    final List<KmCalibrationGroup> rows = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final int[] byTime = StableOrder.ascending(time);
    for (int k = 0; k < groups; k++) {
      int size = 0;
      int events = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (group[i] == k) {
          size++;
          events += status[i];
          sum += x[i];
        }
      }
      if (size < 2) {
        warnings.add("group " + (k + 1) + " has fewer than 2 subjects: no Kaplan-Meier estimate");
        rows.add(
            new KmCalibrationGroup(size == 1 ? sum : Double.NaN, 0, 0, Double.NaN, Double.NaN));
        continue;
      }
      // Kaplan-Meier of the group at u
      double s = 1;
      double greenwood = 0;
      int atRisk = size;
      double lastTime = 0;
      int r = 0;
      while (r < n) {
        final double t = time[byTime[r]];
        int d = 0;
        int leaving = 0;
        while (r < n && time[byTime[r]] == t) {
          if (group[byTime[r]] == k) {
            d += status[byTime[r]];
            leaving++;
          }
          r++;
        }
        if (leaving == 0) {
          continue;
        }
        lastTime = t;
        if (t <= u + 1e-6 && d > 0) {
          s *= 1 - (double) d / atRisk;
          greenwood +=
              d < atRisk ? (double) d / ((double) atRisk * (atRisk - d)) : Double.POSITIVE_INFINITY;
        }
        atRisk -= leaving;
      }
      double km = s;
      double se = Math.sqrt(greenwood);
      if (u > lastTime + 1e-6 && s > 0) {
        km = Double.NaN;
        se = Double.NaN;
        warnings.add(
            "group " + (k + 1) + " has no follow-up to " + u + ": no Kaplan-Meier estimate");
      }
      rows.add(new KmCalibrationGroup(sum / size, size, events, km, se));
    }
    if (groups < 2) {
      warnings.add("only one group: too few subjects for groups of " + m);
    }
    return new KmCalibrationResult(u, m, rows, method, warnings);
  }

  private static int validate(double[] time, int[] status, double[] predicted, double u, int m) {
    if (time == null || status == null || predicted == null) {
      throw new IllegalArgumentException("time, status and predicted survival are required");
    }
    final int n = time.length;
    if (status.length != n || predicted.length != n) {
      throw new IllegalArgumentException("time, status and predicted survival differ in length");
    }
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 subjects, got " + n);
    }
    if (m < 1) {
      throw new IllegalArgumentException("group size must be >= 1, got " + m);
    }
    if (!(u > 0) || !Double.isFinite(u)) {
      throw new IllegalArgumentException("horizon must be finite and > 0, got " + u);
    }
    SurvivalInput.checkValues(time, status);
    for (int i = 0; i < n; i++) {
      if (!(predicted[i] >= 0 && predicted[i] <= 1)) {
        throw new IllegalArgumentException(
            "predicted survival must be in [0, 1]; row " + i + " is " + predicted[i]);
      }
    }
    return n;
  }
}
