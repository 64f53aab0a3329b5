package org.thyra.studies.run;

import java.util.Locale;

/** Number formats of the report tables, as the seeds print them. */
final class Fmt {
  private Fmt() {}

  static String f(double x, int decimals) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + decimals + "f", x) : "—";
  }

  /** p-value: 3 decimals, "< 0.001" below. */
  static String p(double p) {
    if (!Double.isFinite(p)) {
      return "—";
    }
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** A ratio with its CI: {@code 3.85 (1.14, 12.98)}. */
  static String ratio(double r, double lo, double hi) {
    return f(r, 2) + " (" + f(lo, 2) + ", " + f(hi, 2) + ")";
  }

  /** A survival probability as a percentage with its CI: {@code 84.1 (75.3, 92.8)}. */
  static String percent(double s, double lo, double hi) {
    return f(100 * s, 1) + " (" + f(100 * lo, 1) + ", " + f(100 * hi, 1) + ")";
  }

  /** Time for headers: 12 not 12.0. */
  static String time(double t) {
    return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
  }
}
