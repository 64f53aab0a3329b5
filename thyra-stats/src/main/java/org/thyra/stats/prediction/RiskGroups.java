package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.cutpoint.MaxSelectedRank;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;

/**
 * Low / high risk groups from a cut-off on a risk score (linear predictor or total nomogram points)
 * chosen by the maximally selected log-rank statistic on the development data ({@code maxstat} with
 * minprop 0.1, maxprop 0.9, as {@code survminer::surv_cutpoint}), then applied unchanged to any
 * other data: score {@code <= cut} is low risk (0), {@code > cut} high risk (1).
 *
 * <p>Reference: Lausen B, Schumacher M (1992) Biometrics 48:73–85; Hothorn T, Lausen B (2003) CSDA
 * 43:121–137.
 */
public final class RiskGroups {

  private RiskGroups() {}

  /**
   * Chooses the cut-off on development data.
   *
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @param score risk score per row
   * @return the maximally selected log-rank result ({@code cutpoint()} is the cut-off)
   */
  public static MaxSelectedRankResult cutoff(double[] time, int[] status, double[] score) {
    final double[] event = new double[status.length];
    for (int i = 0; i < status.length; i++) {
      event[i] = status[i];
    }
    return MaxSelectedRank.logRank(time, event, score);
  }

  /**
   * Applies a cut-off unchanged.
   *
   * @param score risk score per row (finite)
   * @param cutoff the development cut-off
   * @return the grouping (0 = low, score <= cutoff; 1 = high)
   */
  public static RiskGroupAssignment assign(double[] score, double cutoff) {
    if (!Double.isFinite(cutoff)) {
      throw new IllegalArgumentException("cut-off must be finite, got " + cutoff);
    }
    final int[] group = new int[score.length];
    int high = 0;
    for (int i = 0; i < score.length; i++) {
      if (!Double.isFinite(score[i])) {
        throw new IllegalArgumentException(
            "risk score must be finite; row " + i + " is " + score[i]);
      }
      if (score[i] > cutoff) {
        group[i] = 1;
        high++;
      }
    }
    final List<String> warnings = new ArrayList<>();
    if (high == 0 || high == score.length) {
      warnings.add(
          "every row falls in the "
              + (high == 0 ? "low" : "high")
              + "-risk group at cut-off "
              + cutoff
              + ": no comparison is possible");
    }
    return new RiskGroupAssignment(cutoff, group, score.length - high, high, warnings);
  }
}
