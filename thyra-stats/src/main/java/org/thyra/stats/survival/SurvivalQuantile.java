package org.thyra.stats.survival;

/**
 * A quantile of the survival time with its confidence interval, as R's {@code quantile.survfit}. A
 * value the curve (or the corresponding confidence limit curve) never reaches is {@link Double#NaN}
 * (R's {@code NA}).
 *
 * @param estimate smallest time at which the survival curve reaches {@code 1 - p}
 * @param lower the same time read from the lower confidence limit curve
 * @param upper the same time read from the upper confidence limit curve
 */
public record SurvivalQuantile(double estimate, double lower, double upper) {

  /** Whether the estimate is reached (not NaN). */
  public boolean isReached() {
    return !Double.isNaN(estimate);
  }
}
