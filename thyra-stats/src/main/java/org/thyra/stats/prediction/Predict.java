package org.thyra.stats.prediction;

import org.thyra.stats.regression.Logit;

/**
 * Predictions of a fitted Cox or logistic model for new rows, on the three scales of R's {@code
 * predict}: the linear predictor ({@code type = "lp"} / {@code "link"}), the risk of a logistic
 * model ({@code type = "response"}) and a Cox model's survival at a horizon ({@code
 * summary(survfit(fit, newdata), times = t)$surv}).
 *
 * <ul>
 *   <li>linear predictor {@code lp_i = b0 + Σ_j b_j x_ij}; an aliased coefficient (R's {@code NA})
 *       counts 0, as {@code predict} drops the column;
 *   <li>risk {@code p = 1 / (1 + exp(-lp))}, by the overflow-free {@link Logit#inverse};
 *   <li>survival {@code S(t | lp) = exp(-H0(t) exp(lp - ref))} from the baseline of the fit ({@link
 *       BaselineHazard#survival}).
 * </ul>
 */
public final class Predict {
  private Predict() {}

  /**
   * The linear predictor of each row.
   *
   * @param columns design columns, {@code columns[j][i]} the value of column j in row i
   * @param coefficients one per column; NaN (aliased) counts 0
   * @param constant {@code b0}: a logistic intercept, or a Cox model's centring {@code -mean(x'b)}
   * @return {@code lp} per row
   * @throws IllegalArgumentException when the counts of columns and coefficients differ
   */
  public static double[] linearPredictor(
      double[][] columns, double[] coefficients, double constant) {
    if (columns.length != coefficients.length) {
      throw new IllegalArgumentException(
          columns.length + " design columns for " + coefficients.length + " coefficients");
    }
    int n = columns.length == 0 ? 0 : columns[0].length;
    double[] lp = new double[n];
    java.util.Arrays.fill(lp, constant);
    for (int j = 0; j < columns.length; j++) {
      double b = Double.isNaN(coefficients[j]) ? 0 : coefficients[j];
      double[] col = columns[j];
      if (col.length != n) {
        throw new IllegalArgumentException(
            "design column " + j + " has " + col.length + " rows, column 0 has " + n);
      }
      for (int i = 0; i < n; i++) {
        lp[i] += b * col[i];
      }
    }
    return lp;
  }

  /** A logistic model's predicted probability at a linear predictor. */
  public static double risk(double linearPredictor) {
    return Logit.inverse(linearPredictor);
  }

  /**
   * A Cox model's predicted survival at each horizon (first stratum).
   *
   * @throws IllegalArgumentException for a horizon beyond the last follow-up (no extrapolation)
   */
  public static double[] survival(
      BaselineHazard baseline, double[] horizons, double linearPredictor) {
    return baseline.survival(0, horizons, linearPredictor);
  }
}
