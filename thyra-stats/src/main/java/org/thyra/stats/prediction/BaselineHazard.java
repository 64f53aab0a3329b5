package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.rank.SortedSearch;
import org.thyra.stats.survival.Ties;

/**
 * A Cox model's baseline cumulative hazard per stratum, as {@link BaselineSurvival} estimates it.
 * The hazard refers to a subject whose linear predictor equals {@link #reference()} (the mean
 * linear predictor of the fitting data); predictions take a linear predictor on the fit's scale.
 * Predictions never extrapolate: a time beyond the stratum's last follow-up is rejected.
 *
 * @param ties tie method of the hazard increments
 * @param reference linear predictor the cumulative hazard refers to
 * @param eventTimes per stratum, the distinct event times, ascending
 * @param cumulativeHazard per stratum, H(t) at each event time
 * @param lastFollowUp per stratum, the largest observed time (event or censoring)
 * @param warnings e.g. strata without events
 */
public record BaselineHazard(
    Ties ties,
    double reference,
    double[][] eventTimes,
    double[][] cumulativeHazard,
    double[] lastFollowUp,
    List<String> warnings) {

  /** Defensive copies. */
  public BaselineHazard {
    eventTimes = deepCopy(eventTimes);
    cumulativeHazard = deepCopy(cumulativeHazard);
    lastFollowUp = lastFollowUp.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[][] eventTimes() {
    return deepCopy(eventTimes);
  }

  @Override
  public double[][] cumulativeHazard() {
    return deepCopy(cumulativeHazard);
  }

  @Override
  public double[] lastFollowUp() {
    return lastFollowUp.clone();
  }

  /**
   * @return number of strata
   */
  public int strataCount() {
    return eventTimes.length;
  }

  /**
   * Baseline cumulative hazard H(t) (at linear predictor {@link #reference()}), a right-continuous
   * step function: the value at the last event time {@code <= t}, 0 before the first event.
   *
   * @param stratum stratum code
   * @param t time, 0 <= t <= last follow-up of the stratum
   * @return H(t)
   * @throws IllegalArgumentException for an unknown stratum, a negative or non-finite time, or a
   *     time beyond the stratum's last follow-up
   */
  public double cumulativeHazard(int stratum, double t) {
    checkStratum(stratum);
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
    if (t > lastFollowUp[stratum]) {
      throw new IllegalArgumentException(
          "horizon "
              + t
              + " is beyond the last follow-up time "
              + lastFollowUp[stratum]
              + (strataCount() > 1 ? " of stratum " + stratum : "")
              + ": survival is not estimable there (no extrapolation)");
    }
    final double[] ts = eventTimes[stratum];
    final int lo = SortedSearch.upperBound(ts, t);
    return lo == 0 ? 0 : cumulativeHazard[stratum][lo - 1];
  }

  /**
   * Predicted survival {@code S(t | lp) = exp(-H(t) exp(lp - reference))}, as {@code
   * summary(survfit(fit, newdata), times = t)$surv}.
   *
   * @param stratum stratum code
   * @param t time (see {@link #cumulativeHazard(int, double)})
   * @param linearPredictor the subject's linear predictor on the fit's scale
   * @return predicted survival probability
   */
  public double survival(int stratum, double t, double linearPredictor) {
    if (!Double.isFinite(linearPredictor)) {
      throw new IllegalArgumentException("linear predictor must be finite, got " + linearPredictor);
    }
    return Math.exp(-cumulativeHazard(stratum, t) * Math.exp(linearPredictor - reference));
  }

  /**
   * Predicted survival at several horizons.
   *
   * @param stratum stratum code
   * @param horizons times
   * @param linearPredictor the subject's linear predictor on the fit's scale
   * @return S(h | lp) per horizon
   */
  public double[] survival(int stratum, double[] horizons, double linearPredictor) {
    final double[] s = new double[horizons.length];
    for (int k = 0; k < horizons.length; k++) {
      s[k] = survival(stratum, horizons[k], linearPredictor);
    }
    return s;
  }

  /**
   * @return a description of the estimator
   */
  public String method() {
    return "baseline hazard as survfit.coxph: "
        + (ties == Ties.EFRON
            ? "Efron-adjusted increments (ctype 2)"
            : "Breslow increments (ctype 1)")
        + ", survival exp(-H) (stype 2), no extrapolation beyond the last follow-up";
  }

  private void checkStratum(int stratum) {
    if (stratum < 0 || stratum >= eventTimes.length) {
      throw new IllegalArgumentException(
          "stratum " + stratum + " is not in 0.." + (eventTimes.length - 1));
    }
  }

  private static double[][] deepCopy(double[][] a) {
    final double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
