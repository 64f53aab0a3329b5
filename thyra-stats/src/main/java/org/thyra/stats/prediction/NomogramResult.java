package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.regression.Logit;

/**
 * A nomogram: scaled axes and the map between total points and the linear predictor ({@link
 * Nomogram}).
 *
 * @param axes one axis per term, in the order given
 * @param scale points per unit of linear predictor ({@code sc})
 * @param linearPredictorAtZeroPoints linear predictor of 0 total points
 * @param totalPointsTicks values of the total points axis
 * @param linearPredictorTicks values of the linear predictor axis
 * @param linearPredictorTickPoints total points of each linear predictor tick
 * @param method conventions used
 * @param warnings e.g. terms with no range of effect
 */
public record NomogramResult(
    List<NomogramAxis> axes,
    double scale,
    double linearPredictorAtZeroPoints,
    double[] totalPointsTicks,
    double[] linearPredictorTicks,
    double[] linearPredictorTickPoints,
    String method,
    List<String> warnings)
    implements Result {

  /** Copies. */
  public NomogramResult {
    axes = List.copyOf(axes);
    totalPointsTicks = totalPointsTicks.clone();
    linearPredictorTicks = linearPredictorTicks.clone();
    linearPredictorTickPoints = linearPredictorTickPoints.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[] totalPointsTicks() {
    return totalPointsTicks.clone();
  }

  @Override
  public double[] linearPredictorTicks() {
    return linearPredictorTicks.clone();
  }

  @Override
  public double[] linearPredictorTickPoints() {
    return linearPredictorTickPoints.clone();
  }

  /**
   * Points of an effect on axis j (linear in the effect, so a value between two ticks scores in
   * between; values beyond the axis give points below 0 or above the axis end).
   *
   * @param axis axis index
   * @param effect the term's contribution to the linear predictor
   * @return points
   */
  public double points(int axis, double effect) {
    if (axis < 0 || axis >= axes.size()) {
      throw new IllegalArgumentException("axis " + axis + " is not in 0.." + (axes.size() - 1));
    }
    if (!Double.isFinite(effect)) {
      throw new IllegalArgumentException("effect must be finite, got " + effect);
    }
    // from the axis's own tabulated first value: the axes of a group share a minimum that one
    // axis's effects need not reach
    final NomogramAxis a = axes.get(axis);
    return a.points()[0] + (effect - a.effects()[0]) * scale;
  }

  /**
   * One patient's total points.
   *
   * @param effects the patient's contribution of each term, in axis order
   * @return total points
   */
  public double totalPoints(double[] effects) {
    if (effects.length != axes.size()) {
      throw new IllegalArgumentException(effects.length + " effects for " + axes.size() + " axes");
    }
    double total = 0;
    for (int j = 0; j < effects.length; j++) {
      total += points(j, effects[j]);
    }
    return total;
  }

  /**
   * @param totalPoints total points
   * @return linear predictor {@code lp0 + P / sc}
   */
  public double linearPredictor(double totalPoints) {
    return linearPredictorAtZeroPoints + totalPoints / scale;
  }

  /**
   * @param linearPredictor linear predictor
   * @return total points {@code (lp - lp0) sc}
   */
  public double totalPoints(double linearPredictor) {
    return (linearPredictor - linearPredictorAtZeroPoints) * scale;
  }

  /**
   * Predicted probability of a logistic model at total points P: {@code 1 / (1 + exp(-lp))}.
   *
   * @param totalPoints total points
   * @return probability
   */
  public double probability(double totalPoints) {
    final double lp = linearPredictor(totalPoints);
    return Logit.inverse(lp);
  }

  /**
   * Predicted survival of a Cox model at total points P: {@code S(h | lp(P))}, from a baseline
   * estimated on the same linear predictor scale as this nomogram (e.g. {@code CoxFit}'s centred
   * linear predictor with constant {@code -means'b}).
   *
   * @param baseline baseline hazard
   * @param stratum stratum code
   * @param horizons times (never beyond the last follow-up)
   * @param totalPoints total points
   * @return survival per horizon
   */
  public double[] survival(
      BaselineHazard baseline, int stratum, double[] horizons, double totalPoints) {
    return baseline.survival(stratum, horizons, linearPredictor(totalPoints));
  }
}
