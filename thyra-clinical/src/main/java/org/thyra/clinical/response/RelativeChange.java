package org.thyra.clinical.response;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The change from a reference value to a current value, compared against percentage thresholds
 * exactly.
 *
 * <p>Thresholds are decided in exact decimal arithmetic by cross-multiplication ({@code (current −
 * reference) × 100} against {@code threshold × reference}), so that a recorded change of exactly
 * −30 % or +25 % lands on the boundary and is not pushed off it by binary rounding (in doubles,
 * (0.9 − 1.2)/1.2 is −0.25000000000000006).
 *
 * @param reference the reference value (baseline, nadir or pre-treatment), &gt; 0 for percentages
 * @param current the current value
 */
public record RelativeChange(BigDecimal reference, BigDecimal current) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public RelativeChange {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
  }

  /**
   * From doubles, read through their shortest decimal representation ({@link
   * BigDecimal#valueOf(double)}).
   */
  public static RelativeChange of(double reference, double current) {
    return new RelativeChange(BigDecimal.valueOf(reference), BigDecimal.valueOf(current));
  }

  /** {@code current − reference}. */
  public BigDecimal absolute() {
    return current.subtract(reference);
  }

  /**
   * The change in percent of the reference (rounded to 16 significant digits), NaN if the reference
   * is 0.
   */
  public double percent() {
    if (reference.signum() == 0) {
      return Double.NaN;
    }
    return absolute().multiply(HUNDRED).divide(reference, MathContext.DECIMAL64).doubleValue();
  }

  /**
   * Compares the percentage change with a threshold exactly: the sign of {@code change% −
   * threshold}.
   *
   * @param thresholdPercent e.g. −30 or 20
   * @return negative, zero or positive
   */
  public int comparePercentTo(BigDecimal thresholdPercent) {
    if (reference.signum() <= 0) {
      throw new IllegalArgumentException(
          "a percentage change needs a positive reference value, got " + reference);
    }
    return absolute().multiply(HUNDRED).compareTo(thresholdPercent.multiply(reference));
  }
}
