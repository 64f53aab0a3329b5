package org.thyra.stats.weighting;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.Result;

/**
 * Inverse probability of treatment weights from propensity scores {@code e_i = P(T = 1 | x_i)}
 * (Rosenbaum &amp; Rubin 1983; Austin &amp; Stuart 2015, Stat Med 34:3661), as WeightIt's {@code
 * get_w_from_ps}:
 *
 * <ul>
 *   <li>ATE: {@code w = 1/e} for the treated, {@code 1/(1 - e)} for the controls; stabilised
 *       (Robins et al. 2000): multiplied by the group's share {@code P(T = t)};
 *   <li>ATT: {@code w = 1} for the treated, {@code e/(1 - e)} for the controls.
 * </ul>
 *
 * The effective sample size of each group is Kish's {@code (sum w)^2 / sum w^2}.
 *
 * @param weights one weight per row
 * @param estimand the target population
 * @param stabilized whether ATE weights were multiplied by the group shares
 * @param essTreated effective sample size of the treated
 * @param essControl effective sample size of the controls
 * @param maxWeight the largest weight
 * @param warnings extreme propensities
 */
public record PropensityWeights(
    double[] weights,
    Estimand estimand,
    boolean stabilized,
    double essTreated,
    double essControl,
    double maxWeight,
    List<String> warnings)
    implements Result {

  /** A propensity outside [0.01, 0.99] gives a weight above 100 (ATE): reported. */
  static final double EXTREME = 0.01;

  public PropensityWeights {
    weights = weights.clone();
    warnings = List.copyOf(warnings);
  }

  /**
   * Computes the weights.
   *
   * @param propensity e_i in (0, 1)
   * @param treated treatment indicator per row
   * @param estimand ATE or ATT
   * @param stabilized multiply ATE weights by P(T = t) (refused for ATT, whose weights are already
   *     on the treated's scale)
   * @return the weights
   * @throws IllegalArgumentException for a propensity of 0 or 1 (an infinite weight), a group
   *     without rows, mismatched lengths, or stabilised ATT weights
   */
  public static PropensityWeights of(
      double[] propensity, boolean[] treated, Estimand estimand, boolean stabilized) {
    int n = propensity.length;
    if (treated.length != n) {
      throw new IllegalArgumentException("propensity and treatment differ in length");
    }
    if (stabilized && estimand != Estimand.ATE) {
      throw new IllegalArgumentException("stabilised weights are defined for the ATE only");
    }
    int nt = 0;
    int extreme = 0;
    for (int i = 0; i < n; i++) {
      double e = propensity[i];
      if (!(e > 0 && e < 1)) {
        throw new IllegalArgumentException(
            "propensity of row "
                + (i + 1)
                + " is "
                + e
                + ": a weight would be infinite (complete separation of the treatment)");
      }
      if (e < EXTREME || e > 1 - EXTREME) {
        extreme++;
      }
      nt += treated[i] ? 1 : 0;
    }
    if (nt == 0 || nt == n) {
      throw new IllegalArgumentException("weights need treated and control rows");
    }
    double shareT = (double) nt / n;
    double[] w = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      double e = propensity[i];
      if (estimand == Estimand.ATE) {
        w[i] = treated[i] ? 1 / e : 1 / (1 - e);
        if (stabilized) {
          w[i] *= treated[i] ? shareT : 1 - shareT;
        }
      } else {
        w[i] = treated[i] ? 1 : e / (1 - e);
      }
      max = Math.max(max, w[i]);
    }
    List<String> warnings = new ArrayList<>();
    if (extreme > 0) {
      warnings.add(
          extreme
              + " row(s) with a propensity outside [0.01, 0.99]: extreme weights (largest "
              + (float) max
              + "); consider trimming or overlap weights");
    }
    return new PropensityWeights(
        w, estimand, stabilized, ess(w, treated, true), ess(w, treated, false), max, warnings);
  }

  private static double ess(double[] w, boolean[] treated, boolean group) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < w.length; i++) {
      if (treated[i] == group) {
        s += w[i];
        s2 += w[i] * w[i];
      }
    }
    return s * s / s2;
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public String method() {
    return switch (estimand) {
          case ATE ->
              "IPTW for the ATE: 1/e (treated), 1/(1 - e) (control)"
                  + (stabilized ? ", stabilised by the group shares P(T = t)" : "");
          case ATT -> "IPTW for the ATT (odds weights): 1 (treated), e/(1 - e) (control)";
        }
        + "; e from the logistic propensity model; effective sample size (sum w)^2 / sum w^2";
  }
}
