package org.thyra.report.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for text and CSV output. */
public final class Numbers {
  private Numbers() {}

  /** {@code digits} significant digits, R-style: NA for non-finite, no trailing zeros. */
  public static String signif(double x, int digits) {
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

  /** A p-value as R's format.pval: "< 2e-16" below machine precision, else 3 significant digits. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    if (p < 2.220446e-16) {
      return "<2e-16";
    }
    return signif(p, 3);
  }

  /** Full precision for machine-readable output (CSV); empty for non-finite. */
  public static String full(double x) {
    return Double.isFinite(x) ? Double.toString(x) : "";
  }
}
