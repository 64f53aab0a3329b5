package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * The calibration slope of a Cox model's linear predictor on a data set: the coefficient of {@code
 * coxph(Surv(time, status) ~ lp)} (van Houwelingen 2000, Stat Med 19:3401). 1 is perfect; below 1
 * the predictions are too extreme (overfitting).
 */
public final class CoxCalibrationSlope {
  private CoxCalibrationSlope() {}

  /**
   * @param time follow-up times
   * @param status event indicators (1 event, 0 censored)
   * @param lp the model's linear predictor on these rows
   * @param ties tie method of the refit
   * @return the slope
   * @throws IllegalArgumentException on invalid input (as {@link CoxModel})
   * @throws ArithmeticException when the refit fails numerically
   */
  public static double of(double[] time, int[] status, double[] lp, Ties ties) {
    return CoxModel.fit(time, status, new double[][] {lp}, List.of("lp"), null, CoxOptions.of(ties))
        .coefficients()[0];
  }
}
