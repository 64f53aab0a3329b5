package org.thyra.stats.survival;

import java.util.Locale;

/**
 * Transformation used for the pointwise confidence interval of a survival curve, as the {@code
 * conf.type} argument of R's {@code survfit}.
 *
 * <p>Each bound is computed from the survival estimate {@code S} and {@code se}, the standard error
 * of the cumulative hazard {@code -log S} (the square root of Greenwood's sum {@code Σ
 * d/(n(n-d))}), with {@code z} the standard normal quantile for the confidence level. Formulas,
 * limits and missing values follow {@code survival:::survfit_confint} exactly (Kalbfleisch &amp;
 * Prentice 2002; Klein &amp; Moeschberger 2003, §4.3). A bound R reports as {@code NA} or {@code
 * NaN} is {@link Double#NaN} here.
 */
public enum ConfidenceType {
  /** {@code S·exp(±z·se)}, upper bound clipped to 1; undefined when {@code S = 0}. R default. */
  LOG("log"),
  /** {@code exp(-exp(log(-log S) ∓ z·se/log S))}; undefined when {@code S} is 0 or 1. */
  LOG_LOG("log-log"),
  /** {@code S ± z·se·S}, clipped to [0, 1]. */
  PLAIN("plain"),
  /** Symmetric on the logit scale with SE {@code se/(1-S)}; undefined when {@code S} is 0 or 1. */
  LOGIT("logit"),
  /** Symmetric on the {@code asin(sqrt(S))} scale, clipped to [0, π/2]. */
  ARCSIN("arcsin");

  private final String rName;

  ConfidenceType(String rName) {
    this.rName = rName;
  }

  /** The name R uses for this type ({@code "log"}, {@code "log-log"}, ...). */
  public String rName() {
    return rName;
  }

  /**
   * Parses an R name ({@code log}, {@code log-log}, {@code plain}, {@code logit}, {@code arcsin})
   * or an enum constant name, ignoring case.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static ConfidenceType parse(String name) {
    if (name != null) {
      String s = name.trim().toLowerCase(Locale.ROOT);
      for (ConfidenceType t : values()) {
        if (t.rName.equals(s) || t.name().toLowerCase(Locale.ROOT).equals(s)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown confidence interval type '"
            + name
            + "'; expected one of log, log-log, plain, logit, arcsin");
  }

  /**
   * Lower confidence bound.
   *
   * @param s survival estimate
   * @param se standard error of {@code -log S}
   * @param z standard normal quantile
   */
  public double lower(double s, double se, double z) {
    return bound(s, se, z, true);
  }

  /**
   * Upper confidence bound.
   *
   * @param s survival estimate
   * @param se standard error of {@code -log S}
   * @param z standard normal quantile
   */
  public double upper(double s, double se, double z) {
    return bound(s, se, z, false);
  }

  private double bound(double p, double se, double z, boolean lower) {
    // R's NA (ifelse(p == 0, NA, p)) propagates as NaN; Math.max/min propagate NaN like pmax/pmin.
    switch (this) {
      case PLAIN:
        {
          double se2 = se * p * z;
          return lower ? Math.max(p - se2, 0) : Math.min(p + se2, 1);
        }
      case LOG:
        {
          if (p == 0) {
            return Double.NaN;
          }
          double se2 = z * se;
          return lower ? Math.exp(Math.log(p) - se2) : Math.min(Math.exp(Math.log(p) + se2), 1);
        }
      case LOG_LOG:
        {
          if (p == 0 || p == 1) {
            return Double.NaN;
          }
          double se2 = z * se / Math.log(p);
          double ll = Math.log(-Math.log(p));
          return Math.exp(-Math.exp(lower ? ll - se2 : ll + se2));
        }
      case LOGIT:
        {
          if (p == 0) {
            return Double.NaN;
          }
          double se2 = z * se * (1 + p / (1 - p));
          double lo = Math.log(p / (1 - p));
          // R's survfit form (1 - 1/(1 + exp(.))), kept so the limits agree with R bit for bit
          return 1 - 1 / (1 + Math.exp(lower ? lo - se2 : lo + se2));
        }
      case ARCSIN:
        {
          if (p == 0) {
            return Double.NaN;
          }
          double se2 = 0.5 * z * se * Math.sqrt(p / (1 - p));
          double a = Math.asin(Math.sqrt(p));
          double b = lower ? Math.max(0, a - se2) : Math.min(Math.PI / 2, a + se2);
          double sb = Math.sin(b);
          return sb * sb;
        }
      default:
        throw new AssertionError(this);
    }
  }
}
