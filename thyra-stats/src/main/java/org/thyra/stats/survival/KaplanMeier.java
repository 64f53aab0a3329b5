package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Kaplan–Meier (product-limit) estimator of the survival function for right-censored data, with
 * Greenwood's variance, exactly as R's {@code survfit(Surv(time, status) ~ 1)}.
 *
 * <p>At each distinct time {@code t_j} with {@code n_j} subjects at risk and {@code d_j} events,
 * {@code S(t) = Π_{t_j ≤ t} (1 - d_j/n_j)} (Kaplan &amp; Meier 1958) and the variance of {@code
 * -log S(t)} is Greenwood's {@code Σ_{t_j ≤ t} d_j / (n_j (n_j - d_j))} (Greenwood 1926); the
 * standard error of {@code S} is {@code S} times its square root.
 *
 * <p>The algorithm sorts two primitive copies of the times (all times, event times) once, then
 * walks them together: O(n log n) time and two {@code double[n]} of work memory, no boxing. As R's
 * default {@code timefix = TRUE}, times that differ by rounding error only are merged first (as R's
 * {@code aeqSurv}).
 */
public final class KaplanMeier {

  private KaplanMeier() {}

  /** Fits with R's defaults (log CI, 95 %). */
  public static KaplanMeierCurve fit(double[] time, int[] status) {
    return fit(time, status, KaplanMeierOptions.DEFAULT);
  }

  /**
   * Fits the Kaplan–Meier curve.
   *
   * @param time follow-up times, finite and ≥ 0
   * @param status 1 = event, 0 = censored
   * @param options confidence interval type and level
   * @throws IllegalArgumentException on invalid or empty input
   */
  public static KaplanMeierCurve fit(double[] time, int[] status, KaplanMeierOptions options) {
    Objects.requireNonNull(options, "options");
    SurvivalInput.check(time, status);
    if (time.length == 0) {
      throw new IllegalArgumentException("Kaplan-Meier needs at least one observation");
    }
    int n = time.length;
    double[] all = new double[n];
    int events = 0;
    for (int i = 0; i < n; i++) {
      all[i] = time[i] + 0.0; // -0.0 -> 0.0 so that both sort as one time
      events += status[i];
    }
    double[] ev = new double[events];
    for (int i = 0, k = 0; i < n; i++) {
      if (status[i] == 1) {
        ev[k++] = all[i];
      }
    }
    Arrays.sort(all);
    Arrays.sort(ev);
    TimeFix.applySorted(all, ev);
    return build(all, 0, n, ev, 0, events, options);
  }

  /**
   * Fits one curve per group, as {@code survfit(Surv(time, status) ~ group)}.
   *
   * @param group group code of each row, in [0, groupCount)
   * @param groupCount number of groups
   * @return one curve per group code; a group without rows gives an empty curve (n = 0)
   */
  public static List<KaplanMeierCurve> fitGroups(
      double[] time, int[] status, int[] group, int groupCount) {
    return fitGroups(time, status, group, groupCount, KaplanMeierOptions.DEFAULT);
  }

  /** As {@link #fitGroups(double[], int[], int[], int)} with the given options. */
  public static List<KaplanMeierCurve> fitGroups(
      double[] time, int[] status, int[] group, int groupCount, KaplanMeierOptions options) {
    Objects.requireNonNull(options, "options");
    SurvivalInput.check(time, status);
    if (groupCount < 1) {
      throw new IllegalArgumentException("groupCount must be >= 1, got " + groupCount);
    }
    SurvivalInput.checkCodes("group", group, time.length, groupCount);
    SortedCells cells = SortedCells.of(TimeFix.apply(time), status, group, groupCount);
    List<KaplanMeierCurve> curves = new ArrayList<>(groupCount);
    for (int g = 0; g < groupCount; g++) {
      curves.add(
          build(
              cells.all,
              cells.allStart[g],
              cells.allStart[g + 1],
              cells.events,
              cells.eventStart[g],
              cells.eventStart[g + 1],
              options));
    }
    return List.copyOf(curves);
  }

  /**
   * Builds the curve from sorted times {@code all[a0, a1)} and sorted event times {@code ev[e0,
   * e1)} (a sub-multiset of the former).
   */
  static KaplanMeierCurve build(
      double[] all, int a0, int a1, double[] ev, int e0, int e1, KaplanMeierOptions options) {
    int n = a1 - a0;
    int distinct = 0;
    for (int i = a0; i < a1; i++) {
      if (i == a0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    double[] times = new double[distinct];
    int[] nRisk = new int[distinct];
    int[] nEvent = new int[distinct];
    int[] nCensor = new int[distinct];
    double[] surv = new double[distinct];
    double[] greenwood = new double[distinct];
    double s = 1;
    double v = 0;
    int e = e0;
    int i = a0;
    for (int j = 0; j < distinct; j++) {
      double t = all[i];
      int at = n - (i - a0);
      int k = i;
      while (k < a1 && all[k] == t) {
        k++;
      }
      int d = 0;
      while (e < e1 && ev[e] == t) {
        e++;
        d++;
      }
      if (d > 0) {
        s *= (double) (at - d) / at;
        // d/(n(n-d)) is +Inf when everyone at risk dies, as in survfit (S = 0, SE NaN)
        v += (double) d / ((double) at * (at - d));
      }
      times[j] = t;
      nRisk[j] = at;
      nEvent[j] = d;
      nCensor[j] = (k - i) - d;
      surv[j] = s;
      greenwood[j] = v;
      i = k;
    }
    return new KaplanMeierCurve(
        n, e1 - e0, times, nRisk, nEvent, nCensor, surv, greenwood, options);
  }
}
