package org.thyra.studies.synth;

import org.thyra.stats.regression.Logit;

/**
 * Solves for a baseline hazard or intercept so the synthetic cohort reproduces a rate the seed
 * reports (e.g. 5-year PFS 76.8 %), given each patient's linear predictor.
 */
final class Calibration {
  private Calibration() {}

  /**
   * The exponential baseline rate λ₀ with mean over patients of exp(−λ₀·t·exp(lpᵢ)) = survival, by
   * bisection on ln λ₀ (the mean is monotone in λ₀).
   */
  static double baselineRate(double[] lp, double t, double survival) {
    double lo = -30;
    double hi = 10;
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      double rate = Math.exp(mid);
      double s = 0;
      for (double x : lp) {
        s += Math.exp(-rate * t * Math.exp(x));
      }
      s /= lp.length;
      if (s > survival) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  /** The logistic intercept β₀ with mean of expit(β₀ + lpᵢ) = proportion, by bisection. */
  static double intercept(double[] lp, double proportion) {
    double lo = -40;
    double hi = 40;
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      double m = 0;
      for (double x : lp) {
        m += Logit.inverse(mid + x);
      }
      m /= lp.length;
      if (m < proportion) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
