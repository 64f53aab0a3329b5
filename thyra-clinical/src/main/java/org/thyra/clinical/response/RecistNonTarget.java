package org.thyra.clinical.response;

import org.thyra.clinical.Derived;

/**
 * RECIST 1.1 non-target response (Eisenhauer 2009, §4.3.2), as seed 003 applies it to lung
 * metastases all &lt; 10 mm (marker: suppressed Tg undetectable).
 *
 * <ul>
 *   <li><b>PD</b>: unequivocal progression of existing non-target lesions (the reader's judgement,
 *       or seed 003's "number of lesions increased").
 *   <li><b>CR</b>: all non-target lesions gone, all nodes &lt; 10 mm short axis, and the tumour
 *       marker normal. A marker that was not measured does not block CR; the result then warns.
 *   <li><b>non-CR/non-PD</b>: one or more lesions persist, or the marker stays above normal.
 * </ul>
 *
 * New lesions are handled by {@link RecistOverall}.
 */
public final class RecistNonTarget {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "RECIST 1.1 non-target: PD unequivocal progression; CR all gone, nodes < 10 mm and marker (Tg) normal; otherwise non-CR/non-PD";

  private RecistNonTarget() {}

  /**
   * @param allGone every non-target lesion disappeared and every node is &lt; 10 mm short axis
   * @param markerNormal tumour marker (Tg) normal/undetectable; {@code null} when not measured
   * @param unequivocalProgression unequivocal progression of existing non-target lesions
   */
  public static Derived<RecistResponse> classify(
      boolean allGone, Boolean markerNormal, boolean unequivocalProgression) {
    return classifyDecided(allGone, markerNormal, unequivocalProgression).withMethod(METHOD);
  }

  private static Derived<RecistResponse> classifyDecided(
      boolean allGone, Boolean markerNormal, boolean unequivocalProgression) {
    if (unequivocalProgression) {
      return Derived.of(
          RecistResponse.PD, "unequivocal progression of existing non-target lesions → PD");
    }
    if (allGone && Boolean.FALSE.equals(markerNormal)) {
      return Derived.of(
          RecistResponse.NON_CR_NON_PD,
          "non-target lesions gone but tumour marker above normal → non-CR/non-PD");
    }
    if (allGone) {
      Derived<RecistResponse> cr =
          Derived.of(
              RecistResponse.CR,
              "all non-target lesions gone"
                  + (markerNormal == null ? "" : " and tumour marker normal")
                  + " → CR");
      return markerNormal == null
          ? cr.withWarning("tumour marker not measured: CR judged on imaging alone")
          : cr;
    }
    return Derived.of(
        RecistResponse.NON_CR_NON_PD,
        "non-target lesion(s) persist without unequivocal progression → non-CR/non-PD");
  }
}
