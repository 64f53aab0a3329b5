package org.thyra.clinical.response;

import java.util.ArrayList;
import java.util.List;
import org.thyra.clinical.Derived;

/**
 * ATA 2015 response to therapy after total thyroidectomy and radioiodine (Haugen BR et al.,
 * Thyroid 2016;26:1–133, Table 13; Tuttle RM et al., Thyroid 2010).
 *
 * <ul>
 *   <li><b>Structural incomplete</b>: structural or functional evidence of disease (any Tg, TgAb).
 *   <li><b>Biochemical incomplete</b>: no structural disease and suppressed Tg ≥ 1 ng/mL —
 *       <em>exactly 1.0 is biochemical incomplete</em> — or TSH-stimulated Tg ≥ 10 ng/mL —
 *       <em>exactly 10 is biochemical incomplete</em> — or rising TgAb.
 *   <li><b>Excellent</b>: negative imaging and suppressed Tg &lt; 0.2 ng/mL — <em>exactly 0.2 is
 *       not excellent</em> — or stimulated Tg &lt; 1 ng/mL — <em>exactly 1.0 is not excellent</em>;
 *       TgAb undetectable.
 *   <li><b>Indeterminate</b>: everything in between: nonspecific imaging, faint thyroid-bed uptake,
 *       suppressed Tg 0.2 to &lt; 1, stimulated Tg 1 to &lt; 10, TgAb stable or declining.
 * </ul>
 * Decisions where the table is silent: when both a suppressed and a stimulated Tg are given, the
 * worse category wins (a stimulated Tg ≥ 10 makes biochemical incomplete even if the suppressed Tg
 * is &lt; 0.2); a Tg at biochemical-incomplete level with <em>nonspecific</em> imaging is
 * biochemical incomplete (the Tg criterion is the more specific one). An unrecorded TgAb is read as
 * undetectable with a warning (a positive TgAb can make Tg falsely low). Tg values are in ng/mL
 * (= µg/L).
 */
public final class AtaResponseToTherapy {

  private AtaResponseToTherapy() {}

  /**
   * Classifies the response.
   *
   * @param imaging imaging finding (required)
   * @param suppressedTg Tg on TSH suppression, ng/mL, or {@code null}
   * @param stimulatedTg TSH-stimulated Tg, ng/mL, or {@code null}
   * @param tgAb TgAb status, or {@code null} when not recorded
   */
  public static Derived<AtaResponse> classify(
      ImagingFinding imaging, Double suppressedTg, Double stimulatedTg, TgAbTrend tgAb) {
    if (imaging == null) {
      throw new IllegalArgumentException("the imaging finding is required for the ATA response to therapy");
    }
    check(suppressedTg, "suppressed Tg");
    check(stimulatedTg, "stimulated Tg");
    List<String> warnings = new ArrayList<>();
    if (tgAb == null) {
      warnings.add("TgAb not recorded: read as undetectable (a positive TgAb can make Tg falsely low)");
      tgAb = TgAbTrend.UNDETECTABLE;
    }
    if (imaging == ImagingFinding.STRUCTURAL_OR_FUNCTIONAL) {
      return new Derived<>(AtaResponse.STRUCTURAL_INCOMPLETE,
          "structural or functional evidence of disease → structural incomplete", warnings);
    }
    List<String> bio = new ArrayList<>();
    if (suppressedTg != null && suppressedTg >= 1.0) {
      bio.add("suppressed Tg " + suppressedTg + " ≥ 1 ng/mL");
    }
    if (stimulatedTg != null && stimulatedTg >= 10.0) {
      bio.add("stimulated Tg " + stimulatedTg + " ≥ 10 ng/mL");
    }
    if (tgAb == TgAbTrend.RISING) {
      bio.add("rising TgAb");
    }
    if (!bio.isEmpty()) {
      return new Derived<>(AtaResponse.BIOCHEMICAL_INCOMPLETE,
          "no structural disease; " + String.join("; ", bio) + " → biochemical incomplete", warnings);
    }
    if (suppressedTg == null && stimulatedTg == null) {
      return new Derived<>(null, "no Tg value: the response needs a suppressed or stimulated Tg", warnings);
    }
    boolean excellentTg = (suppressedTg == null || suppressedTg < 0.2) && (stimulatedTg == null || stimulatedTg < 1.0);
    List<String> indeterminate = new ArrayList<>();
    if (imaging == ImagingFinding.NONSPECIFIC) {
      indeterminate.add("nonspecific imaging findings");
    }
    if (suppressedTg != null && suppressedTg >= 0.2) {
      indeterminate.add("suppressed Tg " + suppressedTg + " in [0.2, 1) ng/mL");
    }
    if (stimulatedTg != null && stimulatedTg >= 1.0) {
      indeterminate.add("stimulated Tg " + stimulatedTg + " in [1, 10) ng/mL");
    }
    if (tgAb == TgAbTrend.STABLE_OR_DECLINING) {
      indeterminate.add("TgAb detectable, stable or declining");
    }
    if (!indeterminate.isEmpty() || !excellentTg) {
      return new Derived<>(AtaResponse.INDETERMINATE, String.join("; ", indeterminate) + " → indeterminate", warnings);
    }
    String tg = suppressedTg != null ? "suppressed Tg " + suppressedTg + " < 0.2 ng/mL" : "";
    if (stimulatedTg != null) {
      tg = (tg.isEmpty() ? "" : tg + ", ") + "stimulated Tg " + stimulatedTg + " < 1 ng/mL";
    }
    return new Derived<>(AtaResponse.EXCELLENT,
        "negative imaging, " + tg + ", TgAb undetectable → excellent", warnings);
  }

  private static void check(Double v, String what) {
    if (v != null && !(v >= 0)) {
      throw new IllegalArgumentException(what + " must be a non-negative number of ng/mL: " + v);
    }
  }
}
