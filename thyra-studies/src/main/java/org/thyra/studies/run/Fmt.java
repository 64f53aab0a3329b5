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
    return p < 0.001 ? "<\u00a00.001" : String.format(Locale.ROOT, "%.3f", p);
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

  private static final java.util.regex.Pattern SCIENTIFIC =
      java.util.regex.Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)[eE]([-+]?\\d+)(?![\\w.])");

  /**
   * A statistics method text with its computer-notation numbers ({@code 1.8189894035458565E-12})
   * written as a paper prints them ({@code 1.82 × 10⁻¹²}: three significant digits).
   */
  static String readable(String text) {
    java.util.regex.Matcher m = SCIENTIFIC.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      double mantissa = Double.parseDouble(m.group(1));
      int exponent = Integer.parseInt(m.group(2));
      // normalise 12.5e-3 to 1.25 × 10⁻²
      while (mantissa >= 10) {
        mantissa /= 10;
        exponent++;
      }
      String digits =
          new java.math.BigDecimal(mantissa)
              .round(new java.math.MathContext(3))
              .stripTrailingZeros()
              .toPlainString();
      String r = (digits.equals("1") ? "" : digits + " × ") + "10" + superscript(exponent);
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(r));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String superscript(int e) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder b = new StringBuilder();
    for (char c : Integer.toString(e).toCharArray()) {
      b.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
    }
    return b.toString();
  }
}
