package org.thyra.report.figure;

import java.util.Locale;

/**
 * A p-value as journals print it (NEJM / Lancet style): {@code p < 0.001} below 0.001, three
 * decimals below 0.1 (so 0.049 is never rounded to 0.05), two decimals otherwise, {@code p > 0.99}
 * at the top.
 */
public final class PValues {
  private PValues() {}

  /**
   * @return the value alone ("0.034", "<0.001"); "NA" when not a number
   */
  public static String format(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    if (p < 0.001) {
      return "<0.001";
    }
    if (p > 0.99) {
      return ">0.99";
    }
    return String.format(Locale.ROOT, p < 0.1 ? "%.3f" : "%.2f", p);
  }

  /**
   * @return "p = 0.034", "p < 0.001"
   */
  public static String equation(double p) {
    String s = format(p);
    return s.startsWith("<") || s.startsWith(">")
        ? "p " + s.charAt(0) + " " + s.substring(1)
        : "p = " + s;
  }
}
