package org.thyra.clinical.response;

import java.math.BigDecimal;
import java.util.List;
import org.thyra.clinical.Derived;

/**
 * RECIST 1.1 target-lesion response (Eisenhauer EA et al., Eur J Cancer 2009;45:228–247, §4.3.1).
 *
 * <ul>
 *   <li><b>PD</b> (checked first, it takes precedence): the sum of diameters increased by ≥ 20 %
 *       over the smallest sum on study (the nadir, which includes the baseline) <em>and</em> by ≥ 5
 *       mm in absolute terms — <em>exactly +20 % with exactly +5 mm is PD</em>; +20 % with +4.9 mm
 *       is not. When the nadir is 0 (all target lesions had gone) any reappearance is PD.
 *   <li><b>CR</b>: every non-nodal target lesion has disappeared and every nodal target lesion has
 *       a short axis &lt; 10 mm — <em>a node of exactly 10 mm is not normal</em>.
 *   <li><b>PR</b>: the sum decreased by ≥ 30 % from the baseline sum — <em>exactly −30 % is
 *       PR</em>.
 *   <li><b>SD</b>: neither.
 * </ul>
 *
 * New lesions are not part of the target response; {@link RecistOverall} adds them. Comparisons are
 * exact in decimal arithmetic ({@link RelativeChange}).
 */
public final class RecistTarget {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "RECIST 1.1 target: PR ≤ −30 % from baseline (exactly −30 % is PR); PD ≥ +20 % and ≥ +5 mm from the nadir (both needed, exact decimal); CR all non-nodal gone and nodes < 10 mm short axis";

  /** PR: decrease of at least 30 % from baseline. */
  public static final BigDecimal PR_PERCENT = BigDecimal.valueOf(-30);

  /** PD: increase of at least 20 % from the nadir ... */
  public static final BigDecimal PD_PERCENT = BigDecimal.valueOf(20);

  /** ... and at least 5 mm in absolute terms. */
  public static final BigDecimal PD_ABSOLUTE_MM = BigDecimal.valueOf(5);

  private RecistTarget() {}

  /**
   * Target response from the lesion measurements at one assessment.
   *
   * @param baselineSum sum of diameters at baseline, mm (&gt; 0)
   * @param nadirSum smallest sum so far including baseline, mm
   * @param current the current target lesion measurements
   */
  public static Derived<RecistResponse> classify(
      BigDecimal baselineSum, BigDecimal nadirSum, List<TargetLesionDiameter> current) {
    return classifyDecided(baselineSum, nadirSum, current).withMethod(METHOD);
  }

  private static Derived<RecistResponse> classifyDecided(
      BigDecimal baselineSum, BigDecimal nadirSum, List<TargetLesionDiameter> current) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean complete = !current.isEmpty();
    for (TargetLesionDiameter d : current) {
      sum = sum.add(d.diameterMm());
      complete &= d.isNormalOrGone();
    }
    return classify(baselineSum, nadirSum, sum, complete);
  }

  /**
   * Target response from the sums.
   *
   * @param baselineSum sum of diameters at baseline, mm (&gt; 0)
   * @param nadirSum smallest sum on study including baseline, mm ({@code null}: the baseline)
   * @param currentSum current sum, mm
   * @param completeResponse all non-nodal targets gone and all nodal targets &lt; 10 mm short axis
   *     (a sum of 0 always counts as complete)
   */
  public static Derived<RecistResponse> classify(
      BigDecimal baselineSum,
      BigDecimal nadirSum,
      BigDecimal currentSum,
      boolean completeResponse) {
    return classifyDecided(baselineSum, nadirSum, currentSum, completeResponse).withMethod(METHOD);
  }

  private static Derived<RecistResponse> classifyDecided(
      BigDecimal baselineSum,
      BigDecimal nadirSum,
      BigDecimal currentSum,
      boolean completeResponse) {
    if (nadirSum == null) {
      nadirSum = baselineSum;
    }
    if (baselineSum.signum() <= 0) {
      throw new IllegalArgumentException(
          "the baseline sum of diameters must be positive (measurable disease), got "
              + baselineSum
              + " mm");
    }
    if (nadirSum.signum() < 0 || currentSum.signum() < 0) {
      throw new IllegalArgumentException(
          "sums of diameters must not be negative: nadir " + nadirSum + ", current " + currentSum);
    }
    if (nadirSum.compareTo(baselineSum) > 0) {
      throw new IllegalArgumentException(
          "the nadir "
              + nadirSum
              + " mm cannot exceed the baseline sum "
              + baselineSum
              + " mm (the nadir includes the baseline)");
    }
    completeResponse |= currentSum.signum() == 0;
    RelativeChange fromBaseline = new RelativeChange(baselineSum, currentSum);
    String sums =
        "sum "
            + plain(currentSum)
            + " mm (baseline "
            + plain(baselineSum)
            + ", nadir "
            + plain(nadirSum)
            + ")";
    if (!completeResponse) {
      if (nadirSum.signum() == 0) {
        return Derived.of(
            RecistResponse.PD, sums + ": target lesion reappeared after the sum reached 0 → PD");
      }
      RelativeChange fromNadir = new RelativeChange(nadirSum, currentSum);
      if (fromNadir.comparePercentTo(PD_PERCENT) >= 0
          && fromNadir.absolute().compareTo(PD_ABSOLUTE_MM) >= 0) {
        return Derived.of(
            RecistResponse.PD,
            sums
                + ": +"
                + TgResponse.pct(fromNadir.percent())
                + " % ≥ 20 % and +"
                + plain(fromNadir.absolute())
                + " mm ≥ 5 mm from the nadir → PD");
      }
    } else {
      return Derived.of(
          RecistResponse.CR, sums + ": all target lesions gone (nodes < 10 mm short axis) → CR");
    }
    if (fromBaseline.comparePercentTo(PR_PERCENT) <= 0) {
      return Derived.of(
          RecistResponse.PR,
          sums + ": " + TgResponse.pct(fromBaseline.percent()) + " % ≤ −30 % from baseline → PR");
    }
    RelativeChange fromNadir = new RelativeChange(nadirSum, currentSum);
    String why =
        fromNadir.absolute().signum() > 0 && fromNadir.comparePercentTo(PD_PERCENT) >= 0
            ? " (+"
                + TgResponse.pct(fromNadir.percent())
                + " % from nadir but only +"
                + plain(fromNadir.absolute())
                + " mm < 5 mm)"
            : "";
    return Derived.of(
        RecistResponse.SD,
        sums
            + ": "
            + TgResponse.pct(fromBaseline.percent())
            + " % from baseline, neither PR nor PD"
            + why
            + " → SD");
  }

  static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
