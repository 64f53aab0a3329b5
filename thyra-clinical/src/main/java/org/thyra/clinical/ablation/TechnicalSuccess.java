package org.thyra.clinical.ablation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.thyra.clinical.Derived;

/**
 * Technical success of a thermal ablation (seed 000): absence of any enhancement in the ablated
 * lesion on contrast-enhanced ultrasound (CEUS) within 3 days after ablation.
 *
 * <p>The window counts calendar days from the ablation date: day 0 (same day) to day 3 inclusive —
 * <em>a CEUS exactly 3 days later is within the window</em>, 4 days is not, and then technical
 * success cannot be judged (undetermined). Residual enhancement on a CEUS within the window is a
 * technical failure (an additional session may follow, as in seed 000).
 */
public final class TechnicalSuccess {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "Seed 000: technical success = no enhancement on CEUS within 3 days of ablation (day 3 included)";

  /** Days after ablation within which the CEUS judges technical success. */
  public static final int WINDOW_DAYS = 3;

  private TechnicalSuccess() {}

  /** Technical success from the ablation date, the CEUS date and whether enhancement remained. */
  public static Derived<Boolean> assess(
      LocalDate ablationDate, LocalDate ceusDate, Boolean residualEnhancement) {
    return assessDecided(ablationDate, ceusDate, residualEnhancement).withMethod(METHOD);
  }

  private static Derived<Boolean> assessDecided(
      LocalDate ablationDate, LocalDate ceusDate, Boolean residualEnhancement) {
    if (ceusDate == null || residualEnhancement == null) {
      return Derived.undetermined("no CEUS result after ablation");
    }
    return assess(ChronoUnit.DAYS.between(ablationDate, ceusDate), residualEnhancement);
  }

  /** Technical success from the days between ablation and CEUS. */
  public static Derived<Boolean> assess(long daysToCeus, boolean residualEnhancement) {
    return assessDecided(daysToCeus, residualEnhancement).withMethod(METHOD);
  }

  private static Derived<Boolean> assessDecided(long daysToCeus, boolean residualEnhancement) {
    if (daysToCeus < 0) {
      throw new IllegalArgumentException(
          "the CEUS (" + daysToCeus + " days) cannot precede the ablation");
    }
    if (daysToCeus > WINDOW_DAYS) {
      return Derived.undetermined(
          "CEUS " + daysToCeus + " days after ablation is outside the 3-day window");
    }
    if (residualEnhancement) {
      return Derived.of(
          false, "residual enhancement on CEUS day " + daysToCeus + " (≤ 3) → technical failure");
    }
    return Derived.of(
        true, "no enhancement on CEUS day " + daysToCeus + " (≤ 3) → technical success");
  }
}
