package org.thyra.stats.regression;

/**
 * The logit link and its inverse, the one implementation every module uses (logistic models,
 * propensity scores, nomogram and calibration axes, imputation).
 *
 * <p>{@code expit(x) = 1 / (1 + exp(-x))} is evaluated as written for {@code x >= 0} and as {@code
 * exp(x) / (1 + exp(x))} for {@code x < 0}, so that neither branch takes the exponential of a large
 * positive number: no overflow to infinity and full relative precision for probabilities near 0
 * (the form {@code 1 / (1 + exp(-x))} alone returns 0 below x ≈ -709 and loses relative accuracy
 * far earlier). {@code glm.fit}'s own link ({@link BinomialIrls}) keeps R's thresholded form,
 * because agreeing with R's iterations bit for bit matters more there.
 */
public final class Logit {
  private Logit() {}

  /**
   * The inverse logit (logistic function).
   *
   * @param x a log-odds
   * @return the probability {@code 1 / (1 + exp(-x))}
   */
  public static double inverse(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  /**
   * The logit.
   *
   * @param p a probability
   * @return {@code log(p / (1 - p))}
   */
  public static double of(double p) {
    return Math.log(p / (1 - p));
  }
}
