package org.thyra.clinical.response;

import org.thyra.clinical.Derived;

/**
 * RECIST 1.1 overall response at one time point (Eisenhauer 2009, Tables 1 and 2).
 *
 * <p>With target lesions (Table 1): any new lesion → PD; target PD or non-target PD → PD; target CR
 * with non-target CR (or no non-target lesions) → CR; target CR with non-target non-CR/non-PD or
 * not evaluated → PR; target PR with non-target not PD → PR; target SD with non-target not PD → SD;
 * target NE with non-target not PD → NE.
 *
 * <p>Non-target lesions only (Table 2): new lesion or unequivocal progression → PD; CR → CR;
 * non-CR/non-PD → non-CR/non-PD; NE → NE.
 */
public final class RecistOverall {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "RECIST 1.1 overall response, Tables 1 (target ± non-target) and 2 (non-target only); any new lesion is PD";

  private RecistOverall() {}

  /**
   * @param target target response, or {@code null} when the patient has no target lesions
   * @param nonTarget non-target response, or {@code null} when there are no non-target lesions
   * @param newLesions whether one or more new lesions appeared
   */
  public static Derived<RecistResponse> combine(
      RecistResponse target, RecistResponse nonTarget, boolean newLesions) {
    return combineDecided(target, nonTarget, newLesions).withMethod(METHOD);
  }

  private static Derived<RecistResponse> combineDecided(
      RecistResponse target, RecistResponse nonTarget, boolean newLesions) {
    if (target == RecistResponse.NON_CR_NON_PD) {
      throw new IllegalArgumentException(
          "non-CR/non-PD is a non-target category, not a target response");
    }
    if (nonTarget == RecistResponse.PR || nonTarget == RecistResponse.SD) {
      throw new IllegalArgumentException(
          nonTarget + " is a target category; non-target responses are CR, non-CR/non-PD, PD, NE");
    }
    String parts =
        "target "
            + (target == null ? "none" : target.label())
            + ", non-target "
            + (nonTarget == null ? "none" : nonTarget.label())
            + ", new lesions "
            + (newLesions ? "yes" : "no");
    if (newLesions) {
      return Derived.of(RecistResponse.PD, parts + ": new lesion → PD");
    }
    if (target == RecistResponse.PD || nonTarget == RecistResponse.PD) {
      return Derived.of(RecistResponse.PD, parts + " → PD");
    }
    if (target == null) {
      if (nonTarget == null) {
        return Derived.undetermined(parts + ": no lesions to assess");
      }
      return Derived.of(nonTarget, parts + " → " + nonTarget.label() + " (non-target only)");
    }
    switch (target) {
      case CR:
        if (nonTarget == null || nonTarget == RecistResponse.CR) {
          return Derived.of(RecistResponse.CR, parts + " → CR");
        }
        return Derived.of(
            RecistResponse.PR,
            parts + ": target CR with non-target " + nonTarget.label() + " → PR");
      case PR:
        return Derived.of(RecistResponse.PR, parts + " → PR");
      case SD:
        return Derived.of(RecistResponse.SD, parts + " → SD");
      default:
        return Derived.of(RecistResponse.NE, parts + " → NE");
    }
  }
}
