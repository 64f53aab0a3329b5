package org.thyra.clinical.response;

import java.util.ArrayList;
import java.util.List;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.Derived;

/**
 * ATA response to therapy, by edition ({@link AtaEdition}) and by the table of the initial
 * treatment ({@link InitialTherapy}). Tg in ng/mL (= µg/L); "suppressed" is the nonstimulated Tg on
 * levothyroxine.
 *
 * <h2>2015 edition</h2>
 *
 * Haugen BR et al., Thyroid 2016;26:1–133, Table 13 ("Clinical implications of response to therapy
 * reclassification ... total thyroidectomy and radioiodine remnant ablation") and the footnote of
 * Table 12 (biochemical incomplete: "suppressed Tg &gt;1 ng/mL, TSH-stimulated Tg &gt;10 ng/mL, or
 * rising anti-Tg antibody levels in the absence of structural disease"), read in the PMC full text
 * (PMC4739132, tables T12 and T13; print page numbers not verified); Tuttle RM et al., Thyroid
 * 2010; Momesso DP et al., J Clin Endocrinol Metab 2016;101:2692–2700 for the tables without RAI.
 *
 * <p><b>Total thyroidectomy and RAI</b> (Table 13):
 *
 * <ul>
 *   <li>structural incomplete: structural or functional evidence of disease (any Tg, any TgAb);
 *   <li>biochemical incomplete: negative imaging and suppressed Tg &gt; 1, or stimulated Tg &gt;
 *       10, or rising TgAb;
 *   <li>excellent: negative imaging, suppressed Tg &lt; 0.2 or stimulated Tg &lt; 1, TgAb
 *       undetectable;
 *   <li>indeterminate: nonspecific imaging, suppressed Tg "detectable but &lt; 1", stimulated Tg
 *       "detectable but &lt; 10", TgAb stable or declining.
 * </ul>
 *
 * <em>Boundaries, decided against the text</em>: exactly 0.2 (suppressed) and exactly 1
 * (stimulated) are not excellent ("&lt;") and are detectable, so indeterminate — the text closes
 * these. <em>Exactly 1 (suppressed) and exactly 10 (stimulated) fit neither definition</em> (not
 * "&gt; 1" / "&gt; 10", not "&lt; 1" / "&lt; 10"): the source leaves them open. They are decided
 * <em>indeterminate</em> — the biochemical-incomplete criterion is written strictly and is not met
 * — and the result carries a warning naming the open boundary. (Thyra before issue 17 wrote "≥ 1"
 * and "≥ 10", which some reviews reproduce; the guideline's own footnote and Table 13 say "&gt;".)
 * A rising Tg is not a criterion of this table: it is reported as a warning and not used.
 *
 * <p><b>Total thyroidectomy without RAI</b> (Momesso 2016): excellent nonstimulated Tg &lt; 0.2;
 * indeterminate nonstimulated 0.2–5 (both ends included: the range is written "0.2–5" and the next
 * row "&gt; 5", so exactly 0.2 and exactly 5 are indeterminate, closed by the text); biochemical
 * incomplete nonstimulated Tg &gt; 5, Tg rising over time at similar TSH, or rising TgAb. These
 * nonstimulated cut-offs match the study's published abstract. <em>The stimulated pair (excellent
 * &lt; 2, biochemical incomplete &gt; 10 ng/mL) is unconfirmed</em>: no public source for it was
 * found; it is kept, said so in the method text, and a result that used a stimulated Tg carries a
 * warning.
 *
 * <p><b>Lobectomy</b> (Momesso 2016): excellent needs a stable nonstimulated Tg &lt; 30 and
 * undetectable TgAb; biochemical incomplete nonstimulated Tg &gt; 30, Tg rising at similar TSH, or
 * rising TgAb. <em>Exactly 30 ng/mL fits neither row (open): decided indeterminate</em>, with a
 * warning. A stimulated Tg has no place in this table (the remaining lobe makes Tg): it is not
 * used, with a warning. An unrecorded Tg trend is read as stable, with a warning, when it would
 * decide "excellent".
 *
 * <p>Decisions common to the 2015 tables: when both a suppressed and a stimulated Tg are given the
 * worse category wins; a Tg at biochemical-incomplete level with <em>nonspecific</em> imaging is
 * biochemical incomplete (the Tg criterion is the more specific one); an unrecorded TgAb is read as
 * undetectable with a warning (a positive TgAb can make Tg falsely low).
 *
 * <h2>2025 edition</h2>
 *
 * Ringel MD et al., Thyroid 2025;35(8):841–985. Its Table 9 (response-to-therapy definitions) could
 * not be read for Thyra; what is implemented is only what the ATA 2025 pocket guide ("Adults with
 * Differentiated Thyroid Cancer – 2025 Update", Guideline Central) states: the qualitative
 * definitions on its page 3 (structurally incomplete: structural evidence of disease; biochemically
 * incomplete: elevated Tg or rising TgAb without structural disease, "in persons who have undergone
 * total thyroidectomy with or without RAI"; indeterminate: nonspecific imaging, mildly elevated Tg,
 * or positive but stable or declining TgAb) and the excellent-response cut-offs of its Table 11,
 * page 35 (unstimulated Tg &lt; 0.2 ng/mL after total thyroidectomy + RAI, &lt; 2.5 ng/mL after
 * total thyroidectomy without RAI, each with undetectable TgAb; no Tg cut-off after
 * hemithyroidectomy). {@link AtaResponse2025} applies them; what they do not decide is left
 * undetermined with the reason, never guessed:
 *
 * <ul>
 *   <li>a nonstimulated Tg at or above the excellent cut-off (the boundary between "mildly
 *       elevated" and "elevated" is in Table 9, not read);
 *   <li>a stimulated Tg (not used, with a warning);
 *   <li>after lobectomy anything but structural incomplete.
 * </ul>
 */
public final class AtaResponseToTherapy {

  /**
   * One 2015 table's Tg thresholds, ng/mL ({@code null}: the table does not use that Tg).
   * Biochemical incomplete is always strictly above its threshold ("&gt;").
   *
   * @param suppressedOpen exactly {@code suppressedBiochemical} fits no row of the source (warned)
   * @param stimulatedOpen exactly {@code stimulatedBiochemical} fits no row of the source (warned)
   * @param stimulatedConfirmed whether a public source confirms the stimulated cut-offs
   */
  private record Table(
      InitialTherapy therapy,
      double suppressedExcellentBelow,
      double suppressedBiochemical,
      Double stimulatedExcellentBelow,
      Double stimulatedBiochemical,
      boolean suppressedOpen,
      boolean stimulatedOpen,
      boolean stimulatedConfirmed,
      boolean tgRisingCounts,
      String method) {}

  private static final Table TT_RAI =
      new Table(
          InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI,
          0.2,
          1.0,
          1.0,
          10.0,
          true,
          true,
          true,
          false,
          "ATA 2015 response to therapy after total thyroidectomy and RAI (Haugen 2016, Table 13 and Table 12 footnote; "
              + "PMC4739132, print page not verified): excellent suppressed Tg < 0.2 or stimulated Tg < 1 ng/mL with TgAb undetectable; "
              + "indeterminate suppressed Tg 0.2 to 1 or stimulated Tg 1 to 10 ng/mL (detectable), nonspecific imaging or stable TgAb; "
              + "biochemical incomplete suppressed Tg > 1 or stimulated Tg > 10 ng/mL or rising TgAb; exactly 1 (suppressed) and exactly 10 "
              + "(stimulated) fit no definition of the source (open boundary) and are decided indeterminate, with a warning");
  private static final Table TT_NO_RAI =
      new Table(
          InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI,
          0.2,
          5.0,
          2.0,
          10.0,
          false,
          false,
          false,
          true,
          "ATA 2015 response to therapy after total thyroidectomy without RAI (Haugen 2016; Momesso 2016): excellent "
              + "nonstimulated Tg < 0.2 ng/mL with TgAb undetectable; indeterminate nonstimulated 0.2–5 ng/mL (ends included); "
              + "biochemical incomplete nonstimulated Tg > 5 ng/mL, rising Tg or rising TgAb; stimulated cut-offs (excellent < 2, "
              + "biochemical incomplete > 10 ng/mL) UNCONFIRMED: no public source was found for them");
  private static final Table LOBECTOMY =
      new Table(
          InitialTherapy.LOBECTOMY,
          30.0,
          30.0,
          null,
          null,
          true,
          false,
          true,
          true,
          "ATA 2015 response to therapy after lobectomy (Haugen 2016; Momesso 2016): excellent stable nonstimulated Tg < 30 ng/mL "
              + "with TgAb undetectable; biochemical incomplete nonstimulated Tg > 30 ng/mL, rising Tg or rising TgAb; exactly 30 ng/mL "
              + "fits no row of the source (open boundary) and is decided indeterminate, with a warning; stimulated Tg not used");

  private AtaResponseToTherapy() {}

  /** The method text of the 2015 table used for a treatment. */
  public static String method(InitialTherapy therapy) {
    return table(therapy).method();
  }

  /** The method text of the table an edition uses for a treatment. */
  public static String method(AtaEdition edition, InitialTherapy therapy) {
    return edition == AtaEdition.ATA_2025 ? AtaResponse2025.method(therapy) : method(therapy);
  }

  // This overload's parameter list repeats the 2015 one below (duplicates tool): it only chooses
  // the
  // edition's table and passes the guideline's inputs through unchanged.
  /**
   * Classifies the response with the table of the initial treatment in the chosen edition (the
   * arguments as {@link #classify(InitialTherapy, ImagingFinding, Double, Double, TgAbTrend,
   * Boolean)}).
   */
  public static Derived<AtaResponse> classify(
      AtaEdition edition,
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double suppressedTg,
      Double stimulatedTg,
      TgAbTrend tgAb,
      Boolean tgRising) {
    if (edition == AtaEdition.ATA_2025) {
      return AtaResponse2025.classify(therapy, imaging, suppressedTg, stimulatedTg, tgAb, tgRising);
    }
    return classify(therapy, imaging, suppressedTg, stimulatedTg, tgAb, tgRising);
  }

  /** After total thyroidectomy and RAI (Table 13), Tg trend not recorded. */
  public static Derived<AtaResponse> classify(
      ImagingFinding imaging, Double suppressedTg, Double stimulatedTg, TgAbTrend tgAb) {
    return classify(
        InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI,
        imaging,
        suppressedTg,
        stimulatedTg,
        tgAb,
        null);
  }

  /**
   * Classifies the response with the 2015 table of the initial treatment.
   *
   * @param therapy the initial treatment (chooses the table; required)
   * @param imaging imaging finding (required)
   * @param suppressedTg nonstimulated Tg on levothyroxine, ng/mL, or {@code null}
   * @param stimulatedTg TSH-stimulated Tg, ng/mL, or {@code null}
   * @param tgAb TgAb status, or {@code null} when not recorded
   * @param tgRising Tg rising over time at similar TSH, or {@code null} when not judged
   */
  public static Derived<AtaResponse> classify(
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double suppressedTg,
      Double stimulatedTg,
      TgAbTrend tgAb,
      Boolean tgRising) {
    requireInputs(therapy, imaging, suppressedTg, "suppressed Tg", stimulatedTg);
    Table table = table(therapy);
    return decide(table, imaging, suppressedTg, stimulatedTg, tgAb, tgRising)
        .withMethod(table.method());
  }

  private static Table table(InitialTherapy therapy) {
    return switch (therapy) {
      case TOTAL_THYROIDECTOMY_WITH_RAI -> TT_RAI;
      case TOTAL_THYROIDECTOMY_WITHOUT_RAI -> TT_NO_RAI;
      case LOBECTOMY -> LOBECTOMY;
    };
  }

  private static Derived<AtaResponse> decide(
      Table t, ImagingFinding imaging, Double supp, Double stim, TgAbTrend tgAb, Boolean tgRising) {
    List<String> warnings = new ArrayList<>();
    String after = " after " + t.therapy().label();
    if (tgAb == null) {
      warnings.add(
          "TgAb not recorded: read as undetectable (a positive TgAb can make Tg falsely low)");
      tgAb = TgAbTrend.UNDETECTABLE;
    }
    if (t.stimulatedBiochemical() == null && stim != null) {
      warnings.add(
          "stimulated Tg "
              + stim
              + " ng/mL not used: the lobectomy table judges the nonstimulated Tg only");
      stim = null;
    }
    if (stim != null && !t.stimulatedConfirmed()) {
      warnings.add(
          "stimulated Tg judged by the cut-offs < "
              + fmt(t.stimulatedExcellentBelow())
              + " and > "
              + fmt(t.stimulatedBiochemical())
              + " ng/mL"
              + after
              + ", which no public source confirms");
    }
    if (!t.tgRisingCounts() && Boolean.TRUE.equals(tgRising)) {
      warnings.add(
          "rising Tg is not a criterion of the total thyroidectomy + RAI table (Table 13): not used");
      tgRising = null;
    }
    if (imaging == ImagingFinding.STRUCTURAL_OR_FUNCTIONAL) {
      return new Derived<>(
          AtaResponse.STRUCTURAL_INCOMPLETE,
          "structural or functional evidence of disease → structural incomplete" + after,
          warnings);
    }
    List<String> bio = new ArrayList<>();
    if (supp != null && supp > t.suppressedBiochemical()) {
      bio.add("suppressed Tg " + supp + " > " + fmt(t.suppressedBiochemical()) + " ng/mL");
    }
    if (stim != null && stim > t.stimulatedBiochemical()) {
      bio.add("stimulated Tg " + stim + " > " + fmt(t.stimulatedBiochemical()) + " ng/mL");
    }
    if (Boolean.TRUE.equals(tgRising)) {
      bio.add("Tg rising over time at similar TSH");
    }
    if (tgAb == TgAbTrend.RISING) {
      bio.add("rising TgAb");
    }
    if (!bio.isEmpty()) {
      return new Derived<>(
          AtaResponse.BIOCHEMICAL_INCOMPLETE,
          "no structural disease; " + String.join("; ", bio) + " → biochemical incomplete" + after,
          warnings);
    }
    if (supp == null && stim == null) {
      return new Derived<>(
          null,
          "no Tg value: the response"
              + after
              + " needs a "
              + (t.stimulatedBiochemical() == null ? "nonstimulated" : "suppressed or stimulated")
              + " Tg",
          warnings);
    }
    List<String> indeterminate = new ArrayList<>();
    if (imaging == ImagingFinding.NONSPECIFIC) {
      indeterminate.add("nonspecific imaging findings");
    }
    if (supp != null && supp >= t.suppressedExcellentBelow()) {
      String name = t.stimulatedBiochemical() == null ? "nonstimulated" : "suppressed";
      if (supp == t.suppressedBiochemical() && t.suppressedOpen()) {
        indeterminate.add(
            name
                + " Tg exactly "
                + fmt(supp)
                + " ng/mL: neither > nor < "
                + fmt(supp)
                + " (open boundary)");
        warnings.add(openBoundary(name, t.suppressedBiochemical(), t));
      } else {
        indeterminate.add(
            name
                + " Tg "
                + supp
                + " in ["
                + fmt(t.suppressedExcellentBelow())
                + ", "
                + fmt(t.suppressedBiochemical())
                + "] ng/mL");
      }
    }
    if (stim != null && stim >= t.stimulatedExcellentBelow()) {
      if (stim.equals(t.stimulatedBiochemical()) && t.stimulatedOpen()) {
        indeterminate.add(
            "stimulated Tg exactly "
                + fmt(stim)
                + " ng/mL: neither > nor < "
                + fmt(stim)
                + " (open boundary)");
        warnings.add(openBoundary("stimulated", t.stimulatedBiochemical(), t));
      } else {
        indeterminate.add(
            "stimulated Tg "
                + stim
                + " in ["
                + fmt(t.stimulatedExcellentBelow())
                + ", "
                + fmt(t.stimulatedBiochemical())
                + "] ng/mL");
      }
    }
    if (tgAb == TgAbTrend.STABLE_OR_DECLINING) {
      indeterminate.add("TgAb detectable, stable or declining");
    }
    if (!indeterminate.isEmpty()) {
      return new Derived<>(
          AtaResponse.INDETERMINATE,
          String.join("; ", indeterminate) + " → indeterminate" + after,
          warnings);
    }
    String tg =
        supp != null
            ? "suppressed Tg " + supp + " < " + fmt(t.suppressedExcellentBelow()) + " ng/mL"
            : "";
    if (stim != null) {
      tg =
          (tg.isEmpty() ? "" : tg + ", ")
              + "stimulated Tg "
              + stim
              + " < "
              + fmt(t.stimulatedExcellentBelow())
              + " ng/mL";
    }
    if (t.tgRisingCounts() && tgRising == null && t.therapy() == InitialTherapy.LOBECTOMY) {
      warnings.add(
          "Tg trend not recorded: read as stable (excellent after lobectomy needs a stable Tg)");
    }
    return new Derived<>(
        AtaResponse.EXCELLENT,
        "negative imaging, " + tg + ", TgAb undetectable → excellent" + after,
        warnings);
  }

  /** The warning on a value exactly on a boundary the 2015 source leaves open. */
  private static String openBoundary(String which, double cut, Table t) {
    String c = fmt(cut);
    String lower =
        t.therapy() == InitialTherapy.LOBECTOMY
            ? "excellent (< " + c + ")"
            : "indeterminate (detectable but < " + c + ")";
    return "a "
        + which
        + " Tg of exactly "
        + c
        + " ng/mL after "
        + t.therapy().label()
        + " fits neither the "
        + lower
        + " nor the biochemical incomplete (> "
        + c
        + ") definition of the source: decided indeterminate";
  }

  /**
   * The checks every edition makes before its table: the treatment and imaging are required, Tg
   * values are non-negative numbers.
   */
  static void requireInputs(
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double nonstimulated,
      String nonstimulatedName,
      Double stimulated) {
    if (therapy == null) {
      throw new IllegalArgumentException(
          "the initial treatment is required for the ATA response to therapy");
    }
    if (imaging == null) {
      throw new IllegalArgumentException(
          "the imaging finding is required for the ATA response to therapy");
    }
    check(nonstimulated, nonstimulatedName);
    check(stimulated, "stimulated Tg");
  }

  /** A threshold as written in a reason ({@code 0.2}, {@code 10}). */
  static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void check(Double v, String what) {
    if (v != null && !(v >= 0)) {
      throw new IllegalArgumentException(what + " must be a non-negative number of ng/mL: " + v);
    }
  }
}
