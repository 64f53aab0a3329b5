package org.thyra.clinical.response;

import java.util.ArrayList;
import java.util.List;
import org.thyra.clinical.Derived;

/**
 * ATA 2025 response to therapy, only as far as a readable source states it (see {@link
 * AtaResponseToTherapy}, "2025 edition"). Sources: Ringel MD et al., 2025 ATA Management Guidelines
 * for Adult Patients with Differentiated Thyroid Cancer, Thyroid 2025;35(8):841–985, whose Table 9
 * could not be read; the ATA pocket guide "Adults with Differentiated Thyroid Cancer – 2025 Update"
 * (Guideline Central): definitions on page 3, excellent-response cut-offs in Table 11 on page 35.
 *
 * <ul>
 *   <li>structural evidence of disease → structurally incomplete (p. 3), whatever the surgery;
 *   <li>after total thyroidectomy with or without RAI, negative imaging and rising TgAb →
 *       biochemically incomplete (p. 3);
 *   <li>unstimulated Tg below the excellent cut-off — &lt; 0.2 ng/mL after RAI, &lt; 2.5 ng/mL
 *       without RAI (Table 11, p. 35); <em>exactly 0.2 / 2.5 is not below</em> — with negative
 *       imaging and undetectable TgAb → excellent; with nonspecific imaging or detectable stable or
 *       declining TgAb → indeterminate (p. 3);
 *   <li>anything else is left undetermined with the reason: a Tg at or above the cut-off (the
 *       boundary between "mildly elevated", indeterminate, and "elevated", biochemically
 *       incomplete, is in Table 9, not read); after lobectomy (the pocket guide gives no Tg cut-off
 *       after hemithyroidectomy and defines the biochemical categories for total thyroidectomy).
 * </ul>
 *
 * A stimulated Tg and a rising-Tg judgement are not used (warned): the 2025 text about them was not
 * read. An unrecorded TgAb is read as undetectable with a warning, as in the 2015 tables.
 */
public final class AtaResponse2025 {

  /** Excellent after total thyroidectomy + RAI: unstimulated Tg below this, ng/mL (p. 35). */
  public static final double EXCELLENT_BELOW_WITH_RAI = 0.2;

  /** Excellent after total thyroidectomy without RAI: unstimulated Tg below this, ng/mL (p. 35). */
  public static final double EXCELLENT_BELOW_WITHOUT_RAI = 2.5;

  private static final String SOURCE =
      "ATA 2025 response to therapy (Ringel 2025; its Table 9 NOT READ — implemented from the ATA 2025 pocket guide: "
          + "definitions p. 3, excellent cut-offs Table 11 p. 35)";

  private AtaResponse2025() {}

  /** The method text for a treatment. */
  public static String method(InitialTherapy therapy) {
    return switch (therapy) {
      case TOTAL_THYROIDECTOMY_WITH_RAI ->
          SOURCE
              + " after total thyroidectomy and RAI: excellent unstimulated Tg < 0.2 ng/mL with TgAb undetectable and negative "
              + "imaging; indeterminate the same Tg with nonspecific imaging or stable/declining TgAb; biochemically incomplete "
              + "rising TgAb; structurally incomplete structural disease; Tg ≥ 0.2 ng/mL left undetermined (the indeterminate / "
              + "biochemically incomplete boundary was not read); stimulated Tg not used";
      case TOTAL_THYROIDECTOMY_WITHOUT_RAI ->
          SOURCE
              + " after total thyroidectomy without RAI: excellent unstimulated Tg < 2.5 ng/mL with TgAb undetectable and "
              + "negative imaging; indeterminate the same Tg with nonspecific imaging or stable/declining TgAb; biochemically "
              + "incomplete rising TgAb; structurally incomplete structural disease; Tg ≥ 2.5 ng/mL left undetermined (the "
              + "indeterminate / biochemically incomplete boundary was not read); stimulated Tg not used";
      case LOBECTOMY ->
          SOURCE
              + " after lobectomy: structurally incomplete when structural disease is seen; otherwise undetermined (no Tg "
              + "cut-off after hemithyroidectomy, Table 11 p. 35; biochemical categories defined for total thyroidectomy, p. 3)";
    };
  }

  /**
   * Classifies; the arguments as {@link AtaResponseToTherapy#classify(InitialTherapy,
   * ImagingFinding, Double, Double, TgAbTrend, Boolean)}.
   */
  public static Derived<AtaResponse> classify(
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double suppressedTg,
      Double stimulatedTg,
      TgAbTrend tgAb,
      Boolean tgRising) {
    AtaResponseToTherapy.requireInputs(
        therapy, imaging, suppressedTg, "unstimulated Tg", stimulatedTg);
    return decide(therapy, imaging, suppressedTg, stimulatedTg, tgAb, tgRising)
        .withMethod(method(therapy));
  }

  // Steps of this decision (TgAb not recorded read as undetectable; nonspecific imaging or stable
  // TgAb → indeterminate) repeat the shape of AtaResponseToTherapy.decide on purpose: each
  // edition's
  // table is written out as its guideline states it, so a correction to one edition can never
  // change the other (as Ajcc7Staging / Ajcc8Staging).
  private static Derived<AtaResponse> decide(
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double tg,
      Double stim,
      TgAbTrend tgAb,
      Boolean tgRising) {
    List<String> warnings = new ArrayList<>();
    String after = " after " + therapy.label() + " (ATA 2025)";
    if (stim != null) {
      warnings.add(
          "stimulated Tg "
              + stim
              + " ng/mL not used: the 2025 stimulated-Tg criteria (Table 9) were not read");
    }
    if (tgRising != null) {
      warnings.add("Tg trend not used: the 2025 Tg-trend criteria (Table 9) were not read");
    }
    if (imaging == ImagingFinding.STRUCTURAL_OR_FUNCTIONAL) {
      return new Derived<>(
          AtaResponse.STRUCTURAL_INCOMPLETE,
          "structural evidence of disease → structurally incomplete" + after,
          warnings);
    }
    if (therapy == InitialTherapy.LOBECTOMY) {
      return new Derived<>(
          null,
          "no structural disease"
              + after
              + ": the 2025 pocket guide gives no Tg cut-off after hemithyroidectomy (Table 11, p. 35) and defines the"
              + " biochemical categories for total thyroidectomy (p. 3); not classified",
          warnings);
    }
    if (tgAb == null) {
      warnings.add(
          "TgAb not recorded: read as undetectable (a positive TgAb can make Tg falsely low)");
      tgAb = TgAbTrend.UNDETECTABLE;
    }
    if (tgAb == TgAbTrend.RISING) {
      return new Derived<>(
          AtaResponse.BIOCHEMICAL_INCOMPLETE,
          "no structural disease; rising TgAb → biochemically incomplete" + after,
          warnings);
    }
    double cut =
        therapy == InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI
            ? EXCELLENT_BELOW_WITH_RAI
            : EXCELLENT_BELOW_WITHOUT_RAI;
    String c = fmt(cut);
    if (tg == null) {
      return new Derived<>(
          null, "no unstimulated Tg: the response" + after + " needs one", warnings);
    }
    if (tg >= cut) {
      return new Derived<>(
          null,
          "unstimulated Tg "
              + tg
              + " ≥ "
              + c
              + " ng/mL, not excellent"
              + after
              + "; indeterminate (\"mildly elevated\") or biochemically incomplete (\"elevated\") depends on the"
              + " cut-offs of Ringel 2025 Table 9, which could not be read: not classified",
          warnings);
    }
    List<String> indeterminate = new ArrayList<>();
    if (imaging == ImagingFinding.NONSPECIFIC) {
      indeterminate.add("nonspecific imaging findings");
    }
    if (tgAb == TgAbTrend.STABLE_OR_DECLINING) {
      indeterminate.add("TgAb positive, stable or declining");
    }
    if (!indeterminate.isEmpty()) {
      return new Derived<>(
          AtaResponse.INDETERMINATE,
          "unstimulated Tg "
              + tg
              + " < "
              + c
              + " ng/mL; "
              + String.join("; ", indeterminate)
              + " → indeterminate"
              + after,
          warnings);
    }
    return new Derived<>(
        AtaResponse.EXCELLENT,
        "negative imaging, unstimulated Tg "
            + tg
            + " < "
            + c
            + " ng/mL, TgAb undetectable → excellent"
            + after,
        warnings);
  }

  private static String fmt(double v) {
    return AtaResponseToTherapy.fmt(v);
  }
}
