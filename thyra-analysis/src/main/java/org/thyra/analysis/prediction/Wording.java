package org.thyra.analysis.prediction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers inside messages and warnings, as R's {@code signif} prints them. The same rule as {@code
 * org.thyra.report.output.Numbers.signif}, kept here because an analysis words its warnings before
 * any report exists and may not depend on thyra-report.
 */
final class Wording {
  private Wording() {}

  static String signif(double x, int digits) {
    if (Double.isNaN(x)) {
      return "NA";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Inf" : "-Inf";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(digits));
    double ax = Math.abs(x);
    if (ax >= 1e-4 && ax < 1e15) {
      return d.stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
  }
}
