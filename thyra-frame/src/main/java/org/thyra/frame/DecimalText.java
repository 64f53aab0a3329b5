package org.thyra.frame;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Decimal numbers as text: a strict, allocation-free parser for the numbers a data file may hold
 * ({@code [+-]digits[.digits][(e|E)[+-]digits]}, also {@code .5} and {@code 5.}), and R's way of
 * printing a number (15 significant digits, fixed unless scientific is shorter).
 */
public final class DecimalText {
  /** 10^0 .. 10^22 are exact doubles (Clinger's fast path). */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private DecimalText() {}

  /**
   * @param text text without surrounding whitespace
   * @return the number, or NaN when the text is not a decimal number
   */
  public static double parse(CharSequence text) {
    int n = text.length();
    char[] buf = new char[n];
    for (int i = 0; i < n; i++) {
      buf[i] = text.charAt(i);
    }
    return parse(buf, 0, n);
  }

  /**
   * Parses {@code buf[off, off+len)}. Correctly rounded: when the significand has at most 15 digits
   * and the decimal exponent is at most 22 in magnitude the result is one exact multiplication or
   * division (Clinger 1990); other inputs go through {@link Double#parseDouble}.
   *
   * @return the number, or NaN when the text is not a decimal number
   */
  public static double parse(char[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    if (i == end) {
      return Double.NaN;
    }
    boolean negative = false;
    char c = buf[i];
    if (c == '+' || c == '-') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0; // significant digits accumulated in mantissa
    int dropped = 0; // integer digits beyond what mantissa holds
    int fraction = 0; // fraction digits accumulated
    int seen = 0; // all digits of the significand
    boolean exact = true;
    while (i < end && (c = buf[i]) >= '0' && c <= '9') {
      if (digits < 18) {
        if (mantissa != 0 || c != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (c - '0');
      } else {
        dropped++;
        exact = false;
      }
      seen++;
      i++;
    }
    if (i < end && buf[i] == '.') {
      i++;
      while (i < end && (c = buf[i]) >= '0' && c <= '9') {
        if (digits < 18) {
          if (mantissa != 0 || c != '0') {
            digits++;
          }
          mantissa = mantissa * 10 + (c - '0');
          fraction++;
        } else {
          exact = false;
        }
        seen++;
        i++;
      }
    }
    if (seen == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
      i++;
      boolean negExp = false;
      if (i < end && (buf[i] == '+' || buf[i] == '-')) {
        negExp = buf[i] == '-';
        i++;
      }
      int expDigits = 0;
      while (i < end && (c = buf[i]) >= '0' && c <= '9') {
        if (exponent < 100_000) {
          exponent = exponent * 10 + (c - '0');
        }
        expDigits++;
        i++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
      if (negExp) {
        exponent = -exponent;
      }
    }
    if (i != end) {
      return Double.NaN;
    }
    int scale = exponent - fraction + dropped;
    if (exact && digits <= 15) {
      double m = mantissa;
      double v;
      if (scale == 0 || m == 0) {
        v = m;
      } else if (scale > 0 && scale <= 22) {
        v = m * POW10[scale];
      } else if (scale < 0 && scale >= -22) {
        v = m / POW10[-scale];
      } else {
        v = Double.parseDouble(new String(buf, off, len));
        return v;
      }
      return negative ? -v : v;
    }
    return Double.parseDouble(new String(buf, off, len));
  }

  /**
   * Formats a number as R's {@code as.character} does for factor labels: 15 significant digits,
   * trailing zeros dropped, fixed notation unless scientific notation is shorter ({@code 1}, {@code
   * 0.5}, {@code 1e+05}, {@code 1e-04}, {@code 123456.7}).
   *
   * @param value a finite or infinite number
   * @return the text
   */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      // integers below 10^15 have <= 15 digits: fixed unless trailing zeros make sci shorter
      String fixed = Long.toString((long) value);
      BigDecimal bd = BigDecimal.valueOf((long) value).stripTrailingZeros();
      String sci = scientific(bd);
      return sci.length() < fixed.length() ? sci : fixed;
    }
    BigDecimal bd = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
    String fixed = bd.toPlainString();
    String sci = scientific(bd);
    return sci.length() < fixed.length() ? sci : fixed;
  }

  /**
   * {@code digits} significant digits as R's {@code signif} prints them: NA, Inf and -Inf for
   * non-finite values, fixed notation without trailing zeros for 1e-4 <= |x| < 1e15, else
   * scientific with {@code digits - 1} decimals. The one rule for numbers in text output (thyra-
   * report) and in an analysis's warnings (thyra-analysis), which may not depend on the report.
   *
   * @param x the number
   * @param digits significant digits, at least 1
   * @return the text
   */
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
    return String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", x);
  }

  private static String scientific(BigDecimal bd) {
    String unscaled = bd.unscaledValue().abs().toString();
    int exp = unscaled.length() - 1 - bd.scale();
    StringBuilder sb = new StringBuilder();
    if (bd.signum() < 0) {
      sb.append('-');
    }
    sb.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      sb.append('.').append(unscaled, 1, unscaled.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    return sb.append(a).toString();
  }
}
