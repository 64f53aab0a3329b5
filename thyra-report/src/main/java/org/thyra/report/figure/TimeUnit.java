package org.thyra.report.figure;

import java.util.Locale;

/**
 * The unit of the time column, which only the user knows: it turns a horizon into words ("3-year
 * survival" for 36 months, "1-year survival" for 365 days) and names the time axis. Unknown by
 * default, when a horizon is shown as a number ("Survival at t = 36").
 */
public enum TimeUnit {
  UNKNOWN(""),
  DAYS("days"),
  WEEKS("weeks"),
  MONTHS("months"),
  YEARS("years");

  private final String word;

  TimeUnit(String word) {
    this.word = word;
  }

  /** Parses days, weeks, months or years (singular accepted). */
  public static TimeUnit parse(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    for (TimeUnit u : values()) {
      if (u != UNKNOWN && (u.word.equals(n) || u.word.equals(n + "s"))) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "--time-unit must be days, weeks, months or years, got \"" + s + "\"");
  }

  /** Axis title: "Time (months)", or the column name alone when the unit is unknown. */
  public String axisTitle(String column) {
    return this == UNKNOWN ? column : "Time (" + word + ")";
  }

  /**
   * The horizon in words: whole years as "3-year", whole months as "18-month", else the number in
   * its unit ("100-day"); "t = 36" when the unit is unknown.
   */
  public String horizon(double h) {
    double years =
        switch (this) {
          case DAYS -> wholeYearsOfDays(h);
          case WEEKS -> Double.NaN;
          case MONTHS -> h / 12;
          case YEARS -> h;
          case UNKNOWN -> Double.NaN;
        };
    if (years > 0 && Math.abs(years - Math.rint(years)) < 1e-9) {
      return (long) Math.rint(years) + "-year";
    }
    if (this == UNKNOWN) {
      return "t = " + Ticks.label(h);
    }
    String singular = word.substring(0, word.length() - 1);
    return Ticks.label(h) + "-" + singular;
  }

  private static double wholeYearsOfDays(double d) {
    for (double perYear : new double[] {365, 365.25}) {
      double y = d / perYear;
      if (Math.abs(y - Math.rint(y)) < 1e-9) {
        return y;
      }
    }
    return Double.NaN;
  }

  /** "3-year survival", or "Survival at t = 36" when the unit is unknown. */
  public String survival(double h) {
    return this == UNKNOWN ? "Survival at t = " + Ticks.label(h) : horizon(h) + " survival";
  }
}
