package org.thyra.report.output;

import org.thyra.frame.DecimalText;

/** Number formatting for text and CSV output. */
public final class Numbers {
  private Numbers() {}

  /** {@code digits} significant digits, R-style ({@link DecimalText#signif}). */
  public static String signif(double x, int digits) {
    return DecimalText.signif(x, digits);
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
