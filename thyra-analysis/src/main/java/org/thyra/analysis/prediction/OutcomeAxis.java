package org.thyra.analysis.prediction;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.prediction.BaselineHazard;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.prediction.PrettyBreaks;
import org.thyra.stats.regression.Logit;

/**
 * A nomogram's outcome axis: predicted survival at one horizon (Cox) or the predicted probability
 * (logistic), with tick values placed at the total points that give them.
 *
 * <p>Tick values as {@code rms::nomogram} without {@code fun.at}: {@code pretty(f(range(lp.at)),
 * 10)} over the reachable range of the linear predictor axis, keeping the ticks that range reaches.
 * rms places them by linear interpolation on a 1000-point grid; here the inverse is exact: survival
 * {@code lp = ref + log(-log S / H(t))}, probability {@code lp = log(p / (1 - p))}.
 *
 * @param label axis label, e.g. {@code S(36)} or {@code probability}
 * @param horizon the horizon (NaN for a probability axis)
 * @param values tick values
 * @param points total points of each tick
 */
public record OutcomeAxis(String label, double horizon, double[] values, double[] points) {

  private static final int INTERVALS = 10;

  public OutcomeAxis {
    values = values.clone();
    points = points.clone();
  }

  /** The survival axis of one horizon. */
  public static OutcomeAxis survival(
      NomogramResult nom, BaselineHazard baseline, double horizon, String label) {
    double h = baseline.cumulativeHazard(0, horizon);
    double ref = baseline.reference();
    if (!(h > 0)) {
      // no event by the horizon: survival is 1 for everybody, no axis to draw
      return new OutcomeAxis(label, horizon, new double[0], new double[0]);
    }
    return axis(
        nom,
        label,
        horizon,
        lp -> Math.exp(-h * Math.exp(lp - ref)),
        s -> ref + Math.log(-Math.log(s) / h));
  }

  /** The probability axis of a logistic model. */
  public static OutcomeAxis probability(NomogramResult nom) {
    return axis(nom, "probability", Double.NaN, Logit::inverse, Logit::of);
  }

  private static OutcomeAxis axis(
      NomogramResult nom,
      String label,
      double horizon,
      java.util.function.DoubleUnaryOperator f,
      java.util.function.DoubleUnaryOperator inverse) {
    double[] lpAt = nom.linearPredictorTicks();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : lpAt) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double f1 = f.applyAsDouble(lo);
    double f2 = f.applyAsDouble(hi);
    double fLo = Math.min(f1, f2);
    double fHi = Math.max(f1, f2);
    double[] ticks = PrettyBreaks.of(fLo, fHi, INTERVALS);
    List<double[]> kept = new ArrayList<>();
    for (double tick : ticks) {
      // seq() arithmetic leaves 0.30000000000000004: the tick is the value its label shows
      double t = Double.parseDouble(org.thyra.frame.DecimalText.format(tick));
      // rms: approx() gives NA outside the reached range; ticks at its ends stay
      if (t < fLo - 1e-12 * Math.max(1, Math.abs(fLo))
          || t > fHi + 1e-12 * Math.max(1, Math.abs(fHi))) {
        continue;
      }
      double lp = inverse.applyAsDouble(t);
      if (Double.isFinite(lp)) {
        kept.add(new double[] {t, nom.totalPoints(lp)});
      }
    }
    double[] values = new double[kept.size()];
    double[] points = new double[kept.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = kept.get(k)[0];
      points[k] = kept.get(k)[1];
    }
    return new OutcomeAxis(label, horizon, values, points);
  }
}
