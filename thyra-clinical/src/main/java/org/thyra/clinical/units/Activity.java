package org.thyra.clinical.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * An administered radioactivity with its unit, e.g. 5.55 GBq or 150 mCi.
 *
 * <p>The value is kept as a {@link BigDecimal} so that thresholds such as "cumulative activity &gt;
 * 600 mCi" are decided exactly: 22.2 GBq is exactly 600 mCi (22 200 MBq = 600 × 37 MBq) and is
 * therefore <em>not</em> above 600 mCi. Comparisons are made in MBq, where every conversion is an
 * exact integer multiplication.
 *
 * @param value the amount, not negative
 * @param unit the unit
 */
public record Activity(BigDecimal value, ActivityUnit unit) implements Comparable<Activity> {

  public Activity {
    Objects.requireNonNull(value, "activity value");
    Objects.requireNonNull(unit, "activity unit");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          "activity must not be negative: " + value + " " + unit.symbol());
    }
  }

  /** An activity from a decimal string or number, e.g. {@code Activity.of("5.55", GBQ)}. */
  public static Activity of(String value, ActivityUnit unit) {
    try {
      return new Activity(new BigDecimal(value.trim()), unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("activity '" + value + "' is not a number", e);
    }
  }

  /** An activity from a double, read through its shortest decimal representation. */
  public static Activity of(double value, ActivityUnit unit) {
    return new Activity(BigDecimal.valueOf(value), unit);
  }

  /** The activity in MBq, exact. */
  public BigDecimal megabecquerel() {
    return value.multiply(unit.megabecquerelPerUnit());
  }

  /** The activity in the given unit (exact to 34 significant digits). */
  public BigDecimal in(ActivityUnit target) {
    return megabecquerel()
        .divide(target.megabecquerelPerUnit(), MathContext.DECIMAL128)
        .stripTrailingZeros();
  }

  /** The activity expressed in another unit. */
  public Activity to(ActivityUnit target) {
    return new Activity(in(target), target);
  }

  /** The sum of two activities, in this activity's unit. */
  public Activity plus(Activity other) {
    if (other.unit == unit) {
      return new Activity(value.add(other.value), unit);
    }
    return new Activity(megabecquerel().add(other.megabecquerel()), ActivityUnit.MBQ).to(unit);
  }

  @Override
  public int compareTo(Activity other) {
    return megabecquerel().compareTo(other.megabecquerel());
  }

  /** True when this activity is strictly greater than {@code other} (compared exactly in MBq). */
  public boolean exceeds(Activity other) {
    return compareTo(other) > 0;
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + unit.symbol();
  }
}
