package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.ResponseAssessment;
import org.thyra.clinical.course.Surgery;
import org.thyra.clinical.course.SurgeryType;
import org.thyra.clinical.course.TshState;
import org.thyra.clinical.response.AtaResponseToTherapy;
import org.thyra.clinical.response.ImagingFinding;
import org.thyra.clinical.response.InitialTherapy;
import org.thyra.clinical.response.TgAbTrend;

/**
 * The {@code ata-response} rule's one adapter: a table row ({@code thyra derive}) and each response
 * assessment of a patient course ({@code thyra classify}) go through the one {@link #derive}. The
 * guideline tables are in {@link AtaResponseToTherapy}; what is course-specific here is which table
 * applies ({@link #initialTherapy}) and which Tg values belong to an assessment (same day or up to
 * 30 days before).
 */
public final class AtaResponseAdapter {

  private AtaResponseAdapter() {}

  /**
   * The derivation both entry points share: the category, lower-case, with reason and method. Its
   * seven parameters repeat those of {@link AtaResponseToTherapy#classify(AtaEdition,
   * InitialTherapy, ImagingFinding, Double, Double, TgAbTrend, Boolean)} (duplicates tool): the
   * guideline's inputs, passed through unchanged.
   */
  static Derived<String> derive(
      AtaEdition edition,
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double suppressedTg,
      Double stimulatedTg,
      TgAbTrend tgAb,
      Boolean tgRising) {
    return AtaResponseToTherapy.classify(
            edition, therapy, imaging, suppressedTg, stimulatedTg, tgAb, tgRising)
        .lowerCase();
  }

  /** The row rule of {@code thyra derive}. */
  static Rule tableRule() {
    return new TableRule(
        "ata-response",
        "ATA response to therapy (2015 or 2025) by the table of the initial treatment "
            + "(total thyroidectomy with or without RAI, lobectomy)",
        RuleRegistry.ATA
            + ", Table 13 and Table 12 footnote (PMC4739132 tables T12, T13, print pages not"
            + " verified); Momesso DP et al., JCEM 2016;101:2692–2700 (stimulated cut-offs without"
            + " RAI unconfirmed). "
            + RuleRegistry.ATA_2025
            + ": Table 9 NOT READ; pocket guide definitions p. 3 and excellent cut-offs Table 11"
            + " p. 35 only",
        List.of(
            required("imaging", "negative, nonspecific, structural_or_functional"),
            optional("tg_suppressed", "nonstimulated Tg on levothyroxine, ng/mL"),
            optional("tg_stimulated", "TSH-stimulated Tg, ng/mL (not used after lobectomy)"),
            optional(
                "tgab",
                "undetectable, stable_or_declining, rising (missing: undetectable, with a warning)"),
            optional(
                "tg_rising",
                "Tg rising over time at similar TSH, yes/no (without RAI and after lobectomy)"),
            optional(
                "treatment",
                "total_thyroidectomy_with_rai, total_thyroidectomy_without_rai, lobectomy (missing: the parameter)")),
        List.of(
            new Parameter(
                "treatment",
                "total_thyroidectomy_with_rai",
                "treatment when the treatment role is not bound or the cell is missing"),
            RuleRegistry.EDITION),
        List.of("ata_response"),
        (row, p) -> {
          InitialTherapy therapy =
              row.has("treatment")
                  ? row.parsed("treatment", InitialTherapy::parse)
                  : RuleRegistry.parameterTherapy(p);
          return RuleRegistry.lower(
              "ata_response",
              derive(
                  RuleRegistry.edition(p),
                  therapy,
                  row.choice("imaging", ImagingFinding.class),
                  row.nonNegative("tg_suppressed"),
                  row.nonNegative("tg_stimulated"),
                  row.choice("tgab", TgAbTrend.class),
                  row.flag("tg_rising")));
        });
  }

  /** One finding per response assessment with imaging, by the table of the treatment before it. */
  public static List<Finding> findings(PatientCourse c, AtaEdition edition) {
    List<Finding> out = new ArrayList<>();
    for (ResponseAssessment a : c.assessments()) {
      if (a.imaging() == null) {
        continue;
      }
      Double supp = tgNear(c, a.date(), TshState.SUPPRESSED);
      Double stim = tgNear(c, a.date(), TshState.STIMULATED);
      Derived<InitialTherapy> therapy = initialTherapy(c, a.date());
      if (therapy.value() == null) {
        out.add(
            new Finding(
                "ata-response",
                a.date().toString(),
                "",
                therapy.reason(),
                therapy.warnings(),
                edition.label()
                    + " response to therapy: the table depends on the initial treatment"));
        continue;
      }
      Derived<String> d =
          derive(edition, therapy.value(), a.imaging(), supp, stim, a.tgAb(), a.tgRising());
      d =
          new Derived<>(
              d.value(),
              d.reason() + " (treatment: " + therapy.reason() + ")",
              d.warnings(),
              d.method());
      for (String w : therapy.warnings()) {
        d = d.withWarning(w);
      }
      if (a.recordedCategory() != null) {
        d = d.withWarning("recorded by the clinician as '" + a.recordedCategory() + "'");
      }
      out.add(Finding.of("ata-response", a.date().toString(), d));
    }
    return out;
  }

  /**
   * The initial treatment before an assessment, which chooses the ATA response table: RAI given
   * (strictly before the assessment) → total thyroidectomy with RAI; else a total or completion
   * thyroidectomy → without RAI; else a lobectomy or subtotal thyroidectomy → lobectomy (a subtotal
   * thyroidectomy leaves thyroid tissue that makes Tg, as a lobe does; warned); else undetermined.
   */
  public static Derived<InitialTherapy> initialTherapy(PatientCourse c, LocalDate assessment) {
    List<Surgery> before =
        c.surgeries().stream()
            .filter(s -> !s.date().isAfter(assessment))
            .sorted(Comparator.comparing(Surgery::date))
            .toList();
    Optional<Surgery> total =
        before.stream()
            .filter(
                s ->
                    s.type() == SurgeryType.TOTAL_THYROIDECTOMY
                        || s.type() == SurgeryType.COMPLETION_THYROIDECTOMY)
            .findFirst();
    Optional<Surgery> partial =
        before.stream()
            .filter(
                s ->
                    s.type() == SurgeryType.LOBECTOMY
                        || s.type() == SurgeryType.SUBTOTAL_THYROIDECTOMY)
            .findFirst();
    Optional<LocalDate> rai =
        c.raiCourses().stream()
            .map(RaiCourse::date)
            .filter(d -> d.isBefore(assessment))
            .min(Comparator.naturalOrder());
    if (rai.isPresent()) {
      Derived<InitialTherapy> d =
          Derived.of(
              InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI,
              total
                      .map(
                          s ->
                              s.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                  + " "
                                  + s.date()
                                  + ", ")
                      .orElse("")
                  + "RAI "
                  + rai.get());
      return total.isPresent()
          ? d
          : d.withWarning(
              "RAI given without a recorded total or completion thyroidectomy: the total thyroidectomy + RAI table applied");
    }
    if (total.isPresent()) {
      return Derived.of(
          InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI,
          total.get().type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " "
              + total.get().date()
              + ", no RAI");
    }
    if (partial.isPresent()) {
      Derived<InitialTherapy> d =
          Derived.of(
              InitialTherapy.LOBECTOMY,
              partial.get().type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + " "
                  + partial.get().date()
                  + ", no RAI");
      return partial.get().type() == SurgeryType.LOBECTOMY
          ? d
          : d.withWarning(
              "subtotal thyroidectomy without RAI judged by the lobectomy table (thyroid tissue left makes Tg)");
    }
    return Derived.undetermined(
        "no thyroid surgery or RAI recorded before "
            + assessment
            + ": the ATA response table depends on the treatment");
  }

  private static Double tgNear(PatientCourse c, LocalDate date, TshState state) {
    return c.labs().stream()
        .filter(
            l ->
                l.analyte() == Analyte.TG
                    && l.tshState() == state
                    && !l.date().isAfter(date)
                    && !l.date().isBefore(date.minusDays(30)))
        .max(Comparator.comparing(LabResult::date))
        .map(l -> l.tgNgPerMl().doubleValue())
        .orElse(null);
  }
}
