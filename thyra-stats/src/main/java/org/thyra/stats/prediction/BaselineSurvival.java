package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.rank.StableOrder;
import org.thyra.stats.survival.SurvivalInput;
import org.thyra.stats.survival.Ties;

/**
 * Baseline cumulative hazard of a fitted Cox model and the predicted survival it implies, as R's
 * {@code survfit.coxph} (right-censored data, unit case weights).
 *
 * <p>With risk scores {@code r_i = exp(lp_i - c)} (c the mean linear predictor, a centring that
 * cancels in every prediction), at each distinct event time t of a stratum with d events, risk set
 * sum {@code R = Σ_{time_i >= t} r_i} and event risk sum {@code D = Σ_{events at t} r_i}, the
 * hazard increment is
 *
 * <ul>
 *   <li>Breslow (Nelson–Aalen type, {@code ctype = 1}): {@code dH = d / R};
 *   <li>Efron ({@code ctype = 2}, survfit.coxph's default for an Efron fit): {@code dH =
 *       Σ_{k=0}^{d-1} 1 / (R - (k/d) D)}.
 * </ul>
 *
 * The predicted survival of a new subject with linear predictor lp is {@code S(t | lp) = exp(-H(t)
 * exp(lp - c))} ({@code stype = 2}), i.e. {@code S0(t)^exp(lp)}.
 *
 * <p>References: Breslow NE (1974) Biometrics 30:89–99; Efron B (1977) JASA 72:557–565; Therneau
 * TM, Grambsch PM (2000) Modeling Survival Data, §10.2; survival package {@code survfit.coxph} /
 * {@code agsurv}.
 */
public final class BaselineSurvival {

  private BaselineSurvival() {}

  /**
   * Estimates the baseline cumulative hazard per stratum.
   *
   * @param time follow-up times, finite and >= 0
   * @param status 1 = event, 0 = censored
   * @param linearPredictor the fit's linear predictor per row (any centring; predictions must use
   *     the same scale)
   * @param strata stratum codes 0..k-1 per row, or null for one stratum
   * @param ties the tie method of the fit (Efron or Breslow)
   * @return the baseline hazard
   * @throws IllegalArgumentException for mismatched lengths, empty input, invalid times, status,
   *     linear predictors or strata
   */
  public static BaselineHazard estimate(
      double[] time, int[] status, double[] linearPredictor, int[] strata, Ties ties) {
    if (time == null || status == null || linearPredictor == null || ties == null) {
      throw new IllegalArgumentException("time, status, linear predictor and ties are required");
    }
    final int n = time.length;
    if (n == 0) {
      throw new IllegalArgumentException("no observations");
    }
    if (status.length != n
        || linearPredictor.length != n
        || (strata != null && strata.length != n)) {
      throw new IllegalArgumentException(
          "time, status, linear predictor and strata differ in length: "
              + n
              + ", "
              + status.length
              + ", "
              + linearPredictor.length
              + ", "
              + (strata == null ? n : strata.length));
    }
    int nStrata = 1;
    double centre = 0;
    SurvivalInput.checkValues(time, status);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(linearPredictor[i])) {
        throw new IllegalArgumentException(
            "linear predictor must be finite; row " + i + " is " + linearPredictor[i]);
      }
      if (strata != null) {
        if (strata[i] < 0) {
          throw new IllegalArgumentException(
              "stratum codes must be >= 0; row " + i + " is " + strata[i]);
        }
        nStrata = Math.max(nStrata, strata[i] + 1);
      }
      centre += linearPredictor[i];
    }
    centre /= n;

    // rows sorted by stratum, then time descending (a tied time is handled as one block)
    final int[] order = sortedRows(time, status, strata, n, nStrata);
    final double[][] times = new double[nStrata][];
    final double[][] hazards = new double[nStrata][];
    final double[] lastTime = new double[nStrata];
    final int[] atRiskAtStart = new int[nStrata];
    java.util.Arrays.fill(lastTime, Double.NaN);
    final List<String> warnings = new ArrayList<>();
    int pos = 0;
    final double[] evTime = new double[n];
    final double[] evInc = new double[n];
    while (pos < n) {
      final int s = strata == null ? 0 : strata[order[pos]];
      int end = pos;
      while (end < n && (strata == null ? 0 : strata[order[end]]) == s) {
        end++;
      }
      lastTime[s] = time[order[pos]];
      atRiskAtStart[s] = end - pos;
      int nEv = 0;
      double riskSum = 0;
      int i = pos;
      while (i < end) {
        final double t = time[order[i]];
        double deathRisk = 0;
        int deaths = 0;
        int j = i;
        while (j < end && time[order[j]] == t) {
          final double r = Math.exp(linearPredictor[order[j]] - centre);
          riskSum += r;
          if (status[order[j]] == 1) {
            deaths++;
            deathRisk += r;
          }
          j++;
        }
        if (deaths > 0) {
          double inc;
          if (ties == Ties.EFRON && deaths > 1) {
            inc = 0;
            for (int k = 0; k < deaths; k++) {
              inc += 1.0 / (riskSum - (double) k / deaths * deathRisk);
            }
          } else {
            inc = deaths / riskSum;
          }
          evTime[nEv] = t;
          evInc[nEv] = inc;
          nEv++;
        }
        i = j;
      }
      // the increments were found from the last time backwards: accumulate forwards
      final double[] ts = new double[nEv];
      final double[] hs = new double[nEv];
      double cum = 0;
      for (int k = 0; k < nEv; k++) {
        ts[k] = evTime[nEv - 1 - k];
        cum += evInc[nEv - 1 - k];
        hs[k] = cum;
      }
      times[s] = ts;
      hazards[s] = hs;
      if (nEv == 0) {
        warnings.add("stratum " + s + " has no events: its baseline hazard is 0");
      }
      pos = end;
    }
    for (int s = 0; s < nStrata; s++) {
      if (times[s] == null) {
        throw new IllegalArgumentException(
            "stratum " + s + " has no rows (codes must be 0.." + (nStrata - 1) + " without gaps)");
      }
    }
    return new BaselineHazard(ties, centre, times, hazards, lastTime, warnings);
  }

  private static int[] sortedRows(double[] time, int[] status, int[] strata, int n, int nStrata) {
    final int[] byTime = StableOrder.descending(time);
    if (strata == null) {
      return byTime;
    }
    // stable counting sort by stratum keeps the descending time order within each stratum
    final int[] start = new int[nStrata + 1];
    for (int i = 0; i < n; i++) {
      start[strata[i] + 1]++;
    }
    for (int s = 0; s < nStrata; s++) {
      start[s + 1] += start[s];
    }
    final int[] order = new int[n];
    for (int i : byTime) {
      order[start[strata[i]]++] = i;
    }
    return order;
  }
}
