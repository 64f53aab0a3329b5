package org.thyra.clinical.response;

import java.util.ArrayList;
import java.util.List;
import org.thyra.clinical.Derived;

/**
 * ATA 2015 response to therapy (Haugen BR et al., Thyroid 2016;26:1–133, Table 13 and the section
 * on response to therapy after less than total thyroidectomy or without radioiodine; Tuttle RM et
 * al., Thyroid 2010; Momesso DP et al., J Clin Endocrinol Metab 2016;101:2692–2700), in three
 * tables chosen by the {@link InitialTherapy}. Tg in ng/mL (= µg/L); "suppressed" is the
 * nonstimulated Tg on levothyroxine.
 *
 * <p><b>Total thyroidectomy and RAI</b> (Table 13):
 *
 * <ul>
 *   <li>structural incomplete: structural or functional evidence of disease (any Tg, any TgAb);
 *   <li>biochemical incomplete: negative imaging and suppressed Tg ≥ 1 — <em>exactly 1.0 is
 *       biochemical incomplete</em> — or stimulated Tg ≥ 10 — <em>exactly 10 is biochemical
 *       incomplete</em> — or rising TgAb;
 *   <li>excellent: negative imaging, suppressed Tg &lt; 0.2 — <em>exactly 0.2 is not excellent</em>
 *       — or stimulated Tg &lt; 1 — <em>exactly 1.0 is not excellent</em> — and TgAb undetectable;
 *   <li>indeterminate: in between (suppressed 0.2 to &lt; 1, stimulated 1 to &lt; 10), nonspecific
 *       imaging, TgAb stable or declining.
 * </ul>
 *
 * A rising Tg is not a criterion of this table: it is reported as a warning and not used.
 *
 * <p><b>Total thyroidectomy without RAI</b> (Momesso 2016, Table 1): excellent nonstimulated Tg
 * &lt; 0.2 or stimulated Tg &lt; 2 (<em>exactly 0.2 and exactly 2 are not excellent</em>; the
 * stimulated threshold is 2, not Table 13's 1, because thyroid tissue left without RAI makes Tg);
 * indeterminate nonstimulated Tg 0.2–5 or stimulated 2–10, <em>both upper ends included</em> (the
 * published wording is "&gt; 5" and "&gt; 10" for biochemical incomplete), so <em>exactly 5 and
 * exactly 10 are indeterminate</em>; biochemical incomplete nonstimulated Tg &gt; 5, stimulated Tg
 * &gt; 10, Tg rising over time at similar TSH, or rising TgAb.
 *
 * <p><b>Lobectomy</b>: excellent needs a stable nonstimulated Tg &lt; 30 and undetectable TgAb;
 * biochemical incomplete nonstimulated Tg &gt; 30, Tg rising at similar TSH, or rising TgAb.
 * <em>Exactly 30 ng/mL fits neither row: decided indeterminate</em>, with a warning. A stimulated
 * Tg has no place in this table (the remaining lobe makes Tg): it is not used, with a warning. An
 * unrecorded Tg trend is read as stable, with a warning, when it would decide "excellent".
 *
 * <p>Decisions common to the three tables: when both a suppressed and a stimulated Tg are given the
 * worse category wins; a Tg at biochemical-incomplete level with <em>nonspecific</em> imaging is
 * biochemical incomplete (the Tg criterion is the more specific one); an unrecorded TgAb is read as
 * undetectable with a warning (a positive TgAb can make Tg falsely low).
 */
public final class AtaResponseToTherapy {

  /** One table's Tg thresholds, ng/mL ({@code null}: the table does not use that Tg). */
  private record Table(
      InitialTherapy therapy,
      double suppressedExcellentBelow,
      double suppressedBiochemical,
      Double stimulatedExcellentBelow,
      Double stimulatedBiochemical,
      boolean biochemicalInclusive,
      boolean tgRisingCounts,
      String method) {

    boolean suppressedBio(double tg) {
      return biochemicalInclusive ? tg >= suppressedBiochemical : tg > suppressedBiochemical;
    }

    boolean stimulatedBio(double tg) {
      return biochemicalInclusive ? tg >= stimulatedBiochemical : tg > stimulatedBiochemical;
    }

    String bioSign() {
      return biochemicalInclusive ? " ≥ " : " > ";
    }
  }

  private static final Table TT_RAI =
      new Table(
          InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI,
          0.2,
          1.0,
          1.0,
          10.0,
          true,
          false,
          "ATA 2015 response to therapy after total thyroidectomy and RAI (Haugen 2016, Table 13): excellent suppressed Tg < 0.2 or "
              + "stimulated Tg < 1 ng/mL with TgAb undetectable; biochemical incomplete suppressed Tg ≥ 1 or stimulated Tg ≥ 10 ng/mL "
              + "or rising TgAb; exactly 0.2, 1 and 10 ng/mL go to the worse category");
  private static final Table TT_NO_RAI =
      new Table(
          InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI,
          0.2,
          5.0,
          2.0,
          10.0,
          false,
          true,
          "ATA 2015 response to therapy after total thyroidectomy without RAI (Haugen 2016; Momesso 2016, Table 1): excellent "
              + "nonstimulated Tg < 0.2 or stimulated Tg < 2 ng/mL with TgAb undetectable; indeterminate nonstimulated 0.2–5 or stimulated 2–10 ng/mL "
              + "(ends included); biochemical incomplete nonstimulated Tg > 5 or stimulated Tg > 10 ng/mL, rising Tg or rising TgAb");
  private static final Table LOBECTOMY =
      new Table(
          InitialTherapy.LOBECTOMY,
          30.0,
          30.0,
          null,
          null,
          false,
          true,
          "ATA 2015 response to therapy after lobectomy (Haugen 2016; Momesso 2016): excellent stable nonstimulated Tg < 30 ng/mL "
              + "with TgAb undetectable; biochemical incomplete nonstimulated Tg > 30 ng/mL, rising Tg or rising TgAb; exactly 30 ng/mL "
              + "decided indeterminate; stimulated Tg not used");

  private AtaResponseToTherapy() {}

  /** The method text of the table used for a treatment. */
  public static String method(InitialTherapy therapy) {
    return table(therapy).method();
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
   * Classifies the response with the table of the initial treatment.
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
    if (therapy == null) {
      throw new IllegalArgumentException(
          "the initial treatment is required for the ATA response to therapy");
    }
    if (imaging == null) {
      throw new IllegalArgumentException(
          "the imaging finding is required for the ATA response to therapy");
    }
    check(suppressedTg, "suppressed Tg");
    check(stimulatedTg, "stimulated Tg");
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
    if (supp != null && t.suppressedBio(supp)) {
      bio.add("suppressed Tg " + supp + t.bioSign() + fmt(t.suppressedBiochemical()) + " ng/mL");
    }
    if (stim != null && t.stimulatedBio(stim)) {
      bio.add("stimulated Tg " + stim + t.bioSign() + fmt(t.stimulatedBiochemical()) + " ng/mL");
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
      if (t.therapy() == InitialTherapy.LOBECTOMY) {
        indeterminate.add("nonstimulated Tg " + supp + " ng/mL, exactly 30: neither < 30 nor > 30");
        warnings.add(
            "a nonstimulated Tg of exactly 30 ng/mL after lobectomy fits neither the excellent (< 30) nor the "
                + "biochemical incomplete (> 30) row: decided indeterminate");
      } else {
        indeterminate.add(
            "suppressed Tg "
                + supp
                + " in ["
                + fmt(t.suppressedExcellentBelow())
                + ", "
                + fmt(t.suppressedBiochemical())
                + (t.biochemicalInclusive() ? ")" : "]")
                + " ng/mL");
      }
    }
    if (stim != null && stim >= t.stimulatedExcellentBelow()) {
      indeterminate.add(
          "stimulated Tg "
              + stim
              + " in ["
              + fmt(t.stimulatedExcellentBelow())
              + ", "
              + fmt(t.stimulatedBiochemical())
              + (t.biochemicalInclusive() ? ")" : "]")
              + " ng/mL");
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

  private static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void check(Double v, String what) {
    if (v != null && !(v >= 0)) {
      throw new IllegalArgumentException(what + " must be a non-negative number of ng/mL: " + v);
    }
  }
}
