package org.thyra.stats.prediction;

/**
 * The Brier score of predicted probabilities, {@code (1/n) Σ (p_i − y_i)²}, as {@code
 * rms::val.prob}'s {@code Brier} (Brier 1950, Mon Weather Rev 78:1).
 */
public final class BrierScore {
  private BrierScore() {}

  /**
   * @param p predicted probabilities
   * @param y observed outcomes, 0 or 1
   * @return the mean squared difference
   * @throws IllegalArgumentException when the lengths differ or there are no rows
   */
  public static double of(double[] p, double[] y) {
    if (p.length != y.length || p.length == 0) {
      throw new IllegalArgumentException(
          "Brier score needs as many predictions as outcomes, at least one: "
              + p.length
              + " and "
              + y.length);
    }
    double brier = 0;
    for (int i = 0; i < p.length; i++) {
      brier += (p[i] - y[i]) * (p[i] - y[i]);
    }
    return brier / p.length;
  }
}
