package org.thyra.stats.matching;

import org.thyra.stats.regression.Logit;

/** The scale of the matching distance derived from a propensity score. */
public enum DistanceScale {
  /** The propensity score itself (MatchIt's default, {@code link = "logit"}). */
  PROBABILITY,
  /** Its logit, the linear predictor ({@code link = "linear.logit"}). */
  LOGIT;

  /**
   * Converts propensity scores to this scale.
   *
   * @param propensity probabilities in (0, 1)
   * @return the distance on this scale (a new array)
   */
  public double[] fromPropensity(double[] propensity) {
    double[] d = propensity.clone();
    if (this == LOGIT) {
      for (int i = 0; i < d.length; i++) {
        d[i] = Logit.of(d[i]);
      }
    }
    return d;
  }
}
