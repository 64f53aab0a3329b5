package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.rank.SortedSearch;
import org.thyra.stats.rank.StableOrder;
import org.thyra.stats.survival.SurvivalInput;

/**
 * Cumulative/dynamic time-dependent AUC with inverse probability of censoring weights from the
 * marginal (Kaplan–Meier) censoring distribution, as {@code riskRegression::Score(..., metrics =
 * "auc", cens.model = "marginal")}.
 *
 * <p>Cases at t are subjects with an event by t ({@code T_i <= t, δ_i = 1}), weighted {@code a_i =
 * 1 / G(T_i-)}; controls are subjects still event-free after t ({@code T_j > t}), weighted {@code b
 * = 1 / G(t)}; subjects censored by t are neither. G is the reverse Kaplan–Meier estimate of the
 * censoring survival, with prodlim's convention that an event at a tied time leaves the censoring
 * risk set before the censorings at that time. A higher marker means higher risk:
 *
 * <pre>
 *   AUC(t) = Σ_i Σ_j a_i b [1{M_i > M_j} + ½ 1{M_i = M_j}] / (Σ_i a_i · Σ_j b).
 * </pre>
 *
 * The standard error is {@code sd(IF) / sqrt(n)} of the influence function of the ratio {@code ν /
 * μ} (Blanche et al. 2013, appendix; Blanche, Kattan, Gerds 2019), including the term of the
 * Kaplan–Meier censoring model, {@code f_k(s) = 1{C_k <= s}/y(T_k) - Σ_{u <= min(s, T_k)}
 * dΛ_C(u)/y(u)} with {@code y(u) = #{T >= u} / n} (riskRegression's Nelson–Aalen form). The
 * interval is the Wald interval clipped to [0, 1]. Each time costs O(n log n).
 *
 * <p>References: Blanche P, Dartigues JF, Jacqmin-Gadda H (2013) Stat Med 32:5381–5397; Uno H et
 * al. (2007) JASA 102:527–537; Gerds TA, Kattan MW (2021) Medical Risk Prediction Models, CRC.
 */
public final class TimeDependentAuc {

  private TimeDependentAuc() {}

  /**
   * Computes AUC(t) at each time.
   *
   * @param time follow-up times, finite and >= 0
   * @param status 1 = event, 0 = censored
   * @param marker risk marker (higher = higher risk), finite
   * @param times the times t
   * @param confLevel confidence level in (0, 1), e.g. 0.95
   * @return AUC, SE and CI per time
   * @throws IllegalArgumentException for invalid data, or a time with no case or no control
   */
  public static TimeDependentAucResult compute(
      double[] time, int[] status, double[] marker, double[] times, double confLevel) {
    validate(time, status, marker, times, confLevel);
    final int n = time.length;
    // distinct times ascending, and each row's index among them
    final int[] order = StableOrder.ascending(time);
    final int[] uIdx = new int[n];
    final double[] ut = new double[n];
    int nu = 0;
    for (int r = 0; r < n; r++) {
      final int i = order[r];
      if (nu == 0 || time[i] != ut[nu - 1]) {
        ut[nu++] = time[i];
      }
      uIdx[i] = nu - 1;
    }
    final int[] censored = new int[nu];
    final int[] events = new int[nu];
    for (int i = 0; i < n; i++) {
      if (status[i] == 0) {
        censored[uIdx[i]]++;
      } else {
        events[uIdx[i]]++;
      }
    }
    // G(u) (prodlim reverse KM: events at u are not at risk of censoring at u) and the
    // Nelson–Aalen terms of the influence function with y(u) = #{T >= u} / n
    final double[] g = new double[nu];
    final double[] cumLy = new double[nu];
    final double[] invY = new double[nu];
    int atRiskGe = n;
    double surv = 1;
    double cum = 0;
    for (int p = 0; p < nu; p++) {
      final int atRiskCens = atRiskGe - events[p];
      if (censored[p] > 0) {
        surv *= 1 - (double) censored[p] / atRiskCens;
      }
      g[p] = surv;
      invY[p] = (double) n / atRiskGe;
      cum += (double) censored[p] * n / ((double) atRiskGe * atRiskGe);
      cumLy[p] = cum;
      atRiskGe -= censored[p] + events[p];
    }
    final double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + confLevel) / 2);
    final List<TimeDependentAucPoint> points = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    for (double t : times) {
      points.add(atTime(t, time, status, marker, uIdx, ut, nu, g, cumLy, invY, z, warnings));
    }
    return new TimeDependentAucResult(
        points,
        confLevel,
        "cumulative/dynamic AUC, IPCW with marginal Kaplan-Meier censoring weights (cases 1/G(T-), controls "
            + "1/G(t)), marker ties count 1/2, SE from the influence function incl. the censoring term "
            + "(as riskRegression::Score, conservative = FALSE), Wald CI clipped to [0, 1]",
        warnings);
  }

  private static TimeDependentAucPoint atTime(
      double t,
      double[] time,
      int[] status,
      double[] marker,
      int[] uIdx,
      double[] ut,
      int nu,
      double[] g,
      double[] cumLy,
      double[] invY,
      double z,
      List<String> warnings) {
    final int n = time.length;
    // lt: last distinct time <= t
    int lt = Arrays.binarySearch(ut, 0, nu, t);
    lt = lt >= 0 ? lt : -lt - 2;
    final double gt = lt >= 0 ? g[lt] : 1;
    int nCases = 0;
    int nControls = 0;
    for (int i = 0; i < n; i++) {
      if (time[i] <= t && status[i] == 1) {
        nCases++;
      } else if (time[i] > t) {
        nControls++;
      }
    }
    if (nCases == 0) {
      throw new IllegalArgumentException("no events by time " + t + ": AUC(t) is not estimable");
    }
    if (nControls == 0) {
      throw new IllegalArgumentException(
          "no subject is followed beyond time "
              + t
              + ": AUC(t) has no controls (no extrapolation)");
    }
    final double b = 1 / gt;
    final double[] caseMarker = new double[nCases];
    final double[] caseWeight = new double[nCases];
    final double[] controlMarker = new double[nControls];
    final double[] a = new double[n];
    int ci = 0;
    int cj = 0;
    for (int i = 0; i < n; i++) {
      if (time[i] <= t && status[i] == 1) {
        a[i] = uIdx[i] == 0 ? 1 : 1 / g[uIdx[i] - 1];
        caseMarker[ci] = marker[i];
        caseWeight[ci++] = a[i];
      } else if (time[i] > t) {
        controlMarker[cj++] = marker[i];
      }
    }
    Arrays.sort(controlMarker);
    // cases sorted by marker with prefix sums of their weights
    final int[] co = StableOrder.ascending(caseMarker);
    final double[] sortedCase = new double[nCases];
    final double[] prefixA = new double[nCases + 1];
    for (int k = 0; k < nCases; k++) {
      sortedCase[k] = caseMarker[co[k]];
      prefixA[k + 1] = prefixA[k] + caseWeight[co[k]];
    }
    final double sumA = prefixA[nCases];
    final double sumB = nControls * b;
    final double mu = sumA * sumB / ((double) n * n);
    final double mu1 = sumB / n;
    final double mu2 = sumA / n;
    // nu1_i = (1/n) Σ_j H_ij b (cases), nu2_k = (1/n) Σ_i H_ik a_i (controls)
    final double[] nu1 = new double[n];
    final double[] nu2 = new double[n];
    double nuSum = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] > 0) {
        final int below = SortedSearch.lowerBound(controlMarker, marker[i]);
        final int tiesCount = SortedSearch.upperBound(controlMarker, marker[i]) - below;
        nu1[i] = b * (below + 0.5 * tiesCount) / n;
        nuSum += a[i] * nu1[i];
      } else if (time[i] > t) {
        final int lo = SortedSearch.lowerBound(sortedCase, marker[i]);
        final int hi = SortedSearch.upperBound(sortedCase, marker[i]);
        nu2[i] = ((sumA - prefixA[hi]) + 0.5 * (prefixA[hi] - prefixA[lo])) / n;
      }
    }
    final double nuHat = nuSum / n;
    final double auc = nuHat / mu;
    // censoring terms: Σ_i c_i f_k(T_i-) with c_i = a_i nu1_i / n (ν) or a_i mu1 / n (μ),
    // grouped by the case's distinct time p: C[p], suffix sums and Σ_{p<=q} C[p] cumLy[p-1]
    final double[] cNu = new double[nu + 1];
    final double[] cMu = new double[nu + 1];
    for (int i = 0; i < n; i++) {
      if (a[i] > 0) {
        cNu[uIdx[i]] += a[i] * nu1[i] / n;
        cMu[uIdx[i]] += a[i] * mu1 / n;
      }
    }
    final double[] afterNu = new double[nu + 1];
    final double[] afterMu = new double[nu + 1];
    for (int p = nu - 1; p >= 0; p--) {
      afterNu[p] = afterNu[p + 1] + cNu[p + 1];
      afterMu[p] = afterMu[p + 1] + cMu[p + 1];
    }
    final double[] prefNu = new double[nu];
    final double[] prefMu = new double[nu];
    double accNu = 0;
    double accMu = 0;
    for (int p = 0; p < nu; p++) {
      final double lag = p == 0 ? 0 : cumLy[p - 1];
      accNu += cNu[p] * lag;
      accMu += cMu[p] * lag;
      prefNu[p] = accNu;
      prefMu[p] = accMu;
    }
    // influence values; their mean and sum of squares (two-pass for accuracy)
    final double[] inf = new double[n];
    double mean = 0;
    for (int k = 0; k < n; k++) {
      final int q = uIdx[k];
      final double jump = status[k] == 0 ? invY[q] : 0;
      // Σ_i c_i f_k(T_i-): jump counts for cases after T_k; the compensator up to min(T_i-, T_k)
      final double fNu = jump * afterNu[q] - (prefNu[q] + cumLy[q] * afterNu[q]);
      final double fMu = jump * afterMu[q] - (prefMu[q] + cumLy[q] * afterMu[q]);
      final double ft = (q <= lt ? jump : 0) - (lt < 0 ? 0 : cumLy[Math.min(lt, q)]);
      final double ifNu = a[k] * nu1[k] + (time[k] > t ? b * nu2[k] : 0) + fNu + nuHat * ft;
      final double ifMu = a[k] * mu1 + (time[k] > t ? b * mu2 : 0) + fMu + mu * ft;
      inf[k] = (ifNu - auc * ifMu) / mu;
      mean += inf[k];
    }
    mean /= n;
    double ss = 0;
    for (double v : inf) {
      ss += (v - mean) * (v - mean);
    }
    final double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    if (nCases < 5) {
      warnings.add("only " + nCases + " cases by time " + t + ": the normal approximation is poor");
    }
    return new TimeDependentAucPoint(
        t, auc, se, Math.max(0, auc - z * se), Math.min(1, auc + z * se), nCases, nControls);
  }

  private static void validate(
      double[] time, int[] status, double[] marker, double[] times, double confLevel) {
    if (time == null || status == null || marker == null || times == null) {
      throw new IllegalArgumentException("time, status, marker and times are required");
    }
    final int n = time.length;
    if (status.length != n || marker.length != n) {
      throw new IllegalArgumentException(
          "time, status and marker differ in length: "
              + n
              + ", "
              + status.length
              + ", "
              + marker.length);
    }
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 observations, got " + n);
    }
    if (times.length == 0) {
      throw new IllegalArgumentException("no times given");
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
    SurvivalInput.checkValues(time, status);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(marker[i])) {
        throw new IllegalArgumentException("marker must be finite; row " + i + " is " + marker[i]);
      }
    }
    for (double t : times) {
      if (!Double.isFinite(t) || t < 0) {
        throw new IllegalArgumentException("times must be finite and >= 0, got " + t);
      }
    }
  }
}
