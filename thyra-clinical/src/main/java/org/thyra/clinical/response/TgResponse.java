package org.thyra.clinical.response;

import java.math.BigDecimal;
import org.thyra.clinical.Derived;

/**
 * Thyroglobulin response to a radioiodine course by the relative change ΔTg = (Tg<sub>after</sub> −
 * Tg<sub>before</sub>) / Tg<sub>before</sub>, with the threshold as a parameter (25 % in seeds 001
 * and 004).
 *
 * <p>Seed 001 (CACA 2025 criteria) defines PR as a decrease "≥ 25 %"; seed 004 as a decrease or
 * increase "&gt; 25 %", with changes "within 25 %" stable. The boundary is therefore a parameter
 * too:
 *
 * <ul>
 *   <li>{@link Boundary#INCLUSIVE} (default, seed 001): <em>exactly −25 % is PR, exactly +25 % is
 *       PD</em>;
 *   <li>{@link Boundary#EXCLUSIVE} (seed 004): <em>exactly ±25 % is SD</em>.
 * </ul>
 *
 * The comparison is exact in decimal arithmetic ({@link RelativeChange}). Before and after must be
 * measured in the same unit and the same TSH state (both stimulated, as in seed 004's sTg). A
 * baseline Tg of 0 (undetectable) gives no relative change: undetermined.
 */
public final class TgResponse {

  /** Whether a change of exactly the threshold counts as a response / progression. */
  public enum Boundary {
    /** |ΔTg| ≥ threshold is PR/PD (seed 001). */
    INCLUSIVE,
    /** |ΔTg| &gt; threshold is PR/PD (seed 004). */
    EXCLUSIVE
  }

  /** The seeds' threshold, 25 %. */
  public static final BigDecimal DEFAULT_THRESHOLD_PERCENT = BigDecimal.valueOf(25);

  private TgResponse() {}

  /** With the default 25 % threshold, inclusive. */
  public static Derived<TgTrendResponse> classify(double before, double after) {
    return classifyDecided(before, after);
  }

  private static Derived<TgTrendResponse> classifyDecided(double before, double after) {
    return classify(
        BigDecimal.valueOf(before),
        BigDecimal.valueOf(after),
        DEFAULT_THRESHOLD_PERCENT,
        Boundary.INCLUSIVE);
  }

  /**
   * Classifies the Tg response.
   *
   * @param before Tg before the course (&gt; 0 for a relative change)
   * @param after Tg after the course, same unit and TSH state
   * @param thresholdPercent the threshold in percent, &gt; 0 (e.g. 25)
   * @param boundary whether exactly the threshold counts
   */
  public static Derived<TgTrendResponse> classify(
      BigDecimal before, BigDecimal after, BigDecimal thresholdPercent, Boundary boundary) {
    return classifyDecided(before, after, thresholdPercent, boundary)
        .withMethod(method(thresholdPercent, boundary));
  }

  private static Derived<TgTrendResponse> classifyDecided(
      BigDecimal before, BigDecimal after, BigDecimal thresholdPercent, Boundary boundary) {
    if (before.signum() < 0 || after.signum() < 0) {
      throw new IllegalArgumentException(
          "Tg must not be negative: before " + before + ", after " + after);
    }
    if (thresholdPercent.signum() <= 0) {
      throw new IllegalArgumentException(
          "the Tg threshold must be a positive percentage: " + thresholdPercent);
    }
    if (before.signum() == 0) {
      return Derived.undetermined("Tg before is 0: the relative change is undefined");
    }
    RelativeChange change = new RelativeChange(before, after);
    String delta =
        "ΔTg "
            + pct(change.percent())
            + " % ("
            + before.toPlainString()
            + " → "
            + after.toPlainString()
            + ")";
    int down = change.comparePercentTo(thresholdPercent.negate());
    int up = change.comparePercentTo(thresholdPercent);
    String t = thresholdPercent.stripTrailingZeros().toPlainString();
    boolean inclusive = boundary == Boundary.INCLUSIVE;
    if (inclusive ? down <= 0 : down < 0) {
      return Derived.of(TgTrendResponse.PR, delta + (inclusive ? " ≤ −" : " < −") + t + " % → PR");
    }
    if (inclusive ? up >= 0 : up > 0) {
      return Derived.of(TgTrendResponse.PD, delta + (inclusive ? " ≥ +" : " > +") + t + " % → PD");
    }
    return Derived.of(
        TgTrendResponse.SD,
        delta
            + " within ±"
            + t
            + " %"
            + (inclusive ? " (exclusive of the bounds)" : " (inclusive of the bounds)")
            + " → SD");
  }

  /** The method text for a threshold and boundary, e.g. "ΔTg ±25 % inclusive (seed 001) ...". */
  public static String method(BigDecimal thresholdPercent, Boundary boundary) {
    String t = thresholdPercent.stripTrailingZeros().toPlainString();
    return "ΔTg = (after − before) / before between Tg of the same unit and TSH state; threshold ±"
        + t
        + " % "
        + (boundary == Boundary.INCLUSIVE
            ? "inclusive (exactly ±" + t + " % is PR/PD, seed 001)"
            : "exclusive (exactly ±" + t + " % is SD, seed 004)")
        + "; exact decimal comparison";
  }

  static String pct(double p) {
    return BigDecimal.valueOf(p)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
