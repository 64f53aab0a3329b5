package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.LocalDiseaseStatus;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.MetastasisTiming;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.Surgery;

/**
 * The course-timing rules' one adapter ({@code metastasis-timing}, {@code local-disease}): a table
 * row ({@code thyra derive}) and a patient course ({@code thyra classify}) are each read into dates
 * here and both go through {@link #metastasisTiming} and {@link #localDisease}. The logic is in
 * {@link MetastasisTiming} and {@link LocalDiseaseStatus}.
 */
public final class TimingAdapter {

  private TimingAdapter() {}

  /** Synchronous or metachronous from the two dates. */
  static Derived<MetastasisTiming.Timing> metastasisTiming(
      LocalDate diagnosis, LocalDate detected) {
    return MetastasisTiming.classify(diagnosis, detected);
  }

  /** Recurrence or persistence from the two dates. */
  static Derived<LocalDiseaseStatus.Status> localDisease(
      LocalDate diseaseFreeFrom, LocalDate detected, boolean everDiseaseFree) {
    return LocalDiseaseStatus.classify(diseaseFreeFrom, detected, everDiseaseFree);
  }

  /** The row rules of {@code thyra derive}: metastasis timing, then local disease. */
  // The two rules have the same shape (two dates, or an interval in months) on purpose: seed 001
  // defines both as "more than 12 months between two events"; their roles and classes differ.
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "metastasis-timing",
            "Synchronous (≤ 12 months from diagnosis) vs metachronous metastasis",
            "Seed 001",
            List.of(
                optional("diagnosis_date", "primary diagnosis, yyyy-MM-dd"),
                optional("metastasis_date", "metastasis detection, yyyy-MM-dd"),
                optional(
                    "interval_months", "interval in months (used when the dates are not given)")),
            List.of(),
            List.of("metastasis_timing"),
            (row, p) -> {
              LocalDate dx = row.date("diagnosis_date");
              LocalDate mx = row.date("metastasis_date");
              if (dx != null && mx != null) {
                return RuleRegistry.lower(
                    "metastasis_timing",
                    RuleRegistry.guarded("metastasis_date", row, () -> metastasisTiming(dx, mx)));
              }
              if (row.has("interval_months")) {
                return RuleRegistry.lower(
                    "metastasis_timing",
                    RuleRegistry.guarded(
                        "interval_months",
                        row,
                        () -> MetastasisTiming.classify(row.number("interval_months"))));
              }
              return RuleOutput.missing(
                  List.of("metastasis_timing"),
                  "diagnosis_date and metastasis_date, or interval_months, missing");
            }),
        new TableRule(
            "local-disease",
            "Local recurrence (> 12 months disease-free) vs persistent disease",
            "Seed 001",
            List.of(
                optional("disease_free_from", "date made disease-free (surgery), yyyy-MM-dd"),
                optional("local_disease_date", "detection of local disease, yyyy-MM-dd"),
                optional(
                    "disease_free_months",
                    "disease-free interval in months (used when the dates are not given)"),
                optional(
                    "ever_disease_free", "documented disease-free status, yes/no (missing: yes)")),
            List.of(),
            List.of("local_disease"),
            (row, p) -> {
              LocalDate from = row.date("disease_free_from");
              LocalDate at = row.date("local_disease_date");
              boolean free = row.flag("ever_disease_free", true);
              if (from != null && at != null) {
                return RuleRegistry.lower(
                    "local_disease",
                    RuleRegistry.guarded(
                        "local_disease_date", row, () -> localDisease(from, at, free)));
              }
              if (row.has("disease_free_months")) {
                return RuleRegistry.lower(
                    "local_disease",
                    RuleRegistry.guarded(
                        "disease_free_months",
                        row,
                        () ->
                            LocalDiseaseStatus.classify(row.number("disease_free_months"), free)));
              }
              return RuleOutput.missing(
                  List.of("local_disease"),
                  "disease_free_from and local_disease_date, or disease_free_months, missing");
            }));
  }

  /**
   * The course's timing: synchronous/metachronous for the first distant lesion; recurrence or
   * persistence for the first thyroid-bed or cervical-node lesion detected after the first surgery,
   * disease-free from that surgery (the course does not record "never disease-free"; a warning says
   * so).
   */
  public static List<Finding> findings(PatientCourse c) {
    List<Finding> out = new ArrayList<>();
    LocalDate dx = c.demographics().diagnosisDate();
    c.lesions().stream()
        .filter(m -> m.site().isDistant())
        .min(Comparator.comparing(Metastasis::detected))
        .ifPresent(
            m -> {
              Derived<MetastasisTiming.Timing> d;
              try {
                d = metastasisTiming(dx, m.detected());
              } catch (IllegalArgumentException e) {
                throw new CourseException(c.patientId(), "lesion " + m.lesionId(), e.getMessage());
              }
              out.add(Finding.of("metastasis-timing", "lesion " + m.lesionId(), d.lowerCase()));
            });
    Optional<Surgery> firstSurgery =
        c.surgeries().stream().min(Comparator.comparing(Surgery::date));
    if (firstSurgery.isPresent()) {
      LocalDate s = firstSurgery.get().date();
      c.lesions().stream()
          .filter(
              m ->
                  (m.site() == LesionSite.THYROID_BED || m.site() == LesionSite.CERVICAL_NODE)
                      && m.detected().isAfter(s))
          .min(Comparator.comparing(Metastasis::detected))
          .ifPresent(
              m ->
                  out.add(
                      Finding.of(
                          "local-disease",
                          "lesion " + m.lesionId(),
                          localDisease(s, m.detected(), true)
                              .lowerCase()
                              .withWarning(
                                  "disease-free status assumed from the first surgery " + s))));
    }
    return out;
  }
}
