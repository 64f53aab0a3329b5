package org.thyra.registry.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thyra.clinical.CourseClassifier;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.ResponseAssessment;
import org.thyra.clinical.course.Surgery;
import org.thyra.clinical.course.SurgeryType;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.clinical.units.TgUnit;

/**
 * The registry's data-quality rules. The course validator already refuses impossible courses on the
 * way in; these rules flag what is possible but suspicious, or incomplete, or contradicts itself:
 *
 * <ul>
 *   <li><b>lab-range</b>: Tg above {@value #TG_MAX_NG_ML} ng/mL (after unit conversion), TgAb above
 *       {@value #TGAB_MAX} IU/mL, TSH above {@value #TSH_MAX} mIU/L — values no assay reports,
 *       usually a unit or decimal-point error;
 *   <li><b>activity-range</b>: one RAI course above {@value #ACTIVITY_MAX_MCI} mCi or below {@value
 *       #ACTIVITY_MIN_MCI} mCi (therapeutic <sup>131</sup>I lies between; beyond is usually GBq
 *       typed as mCi or the reverse);
 *   <li><b>size-range</b>: a primary above {@value #PRIMARY_MAX_CM} cm, a lesion diameter above
 *       {@value #LESION_MAX_MM} mm, age at diagnosis above {@value #AGE_MAX} years;
 *   <li><b>date-order</b>: an RAI course before any thyroid surgery; a diagnosis dated after the
 *       first thyroid surgery (diagnosis is histological, i.e. at or before it);
 *   <li><b>missing</b>: an item a guideline rule needs is not recorded — each rule that could not
 *       decide (AJCC 8th stage, ATA risk, endpoints) says what it lacked;
 *   <li><b>recorded-vs-derived</b>: a value the source recorded disagrees with what the rule
 *       derives — a recorded AJCC stage ({@code recorded.ajcc8-stage} / {@code ajcc7-stage})
 *       against the staging rule, an assessment's recorded category against the ATA response.
 * </ul>
 */
public final class QualityCheck {

  private QualityCheck() {}

  public static final double TG_MAX_NG_ML = 100_000;
  public static final double TGAB_MAX = 100_000;
  public static final double TSH_MAX = 500;
  public static final int ACTIVITY_MAX_MCI = 1000;
  public static final int ACTIVITY_MIN_MCI = 1;
  public static final double PRIMARY_MAX_CM = 20;
  public static final double LESION_MAX_MM = 300;
  public static final int AGE_MAX = 110;

  /** Every finding for one course and its recorded values (item → value). */
  public static List<QualityFinding> check(PatientCourse c, Map<String, String> recorded) {
    List<QualityFinding> out = new ArrayList<>();
    String id = c.patientId();
    for (int i = 0; i < c.labs().size(); i++) {
      LabResult l = c.labs().get(i);
      String entry = "labs[" + i + "] (" + l.date() + ")";
      if (l.analyte() == Analyte.TG) {
        double ngMl;
        try {
          ngMl =
              TgUnit.parse(l.unit() == null ? "ng/mL" : l.unit())
                  .toNgPerMl(BigDecimal.valueOf(l.value()))
                  .doubleValue();
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (ngMl > TG_MAX_NG_ML) {
          out.add(
              new QualityFinding(
                  id,
                  entry,
                  "lab-range",
                  "Tg "
                      + l.value()
                      + " "
                      + unit(l)
                      + " = "
                      + ngMl
                      + " ng/mL is above "
                      + (long) TG_MAX_NG_ML
                      + " ng/mL: unit or decimal error?"));
        }
      } else if (l.analyte() == Analyte.TGAB && l.value() > TGAB_MAX) {
        out.add(
            new QualityFinding(
                id, entry, "lab-range", "TgAb " + l.value() + " is above " + (long) TGAB_MAX));
      } else if (l.analyte() == Analyte.TSH && l.value() > TSH_MAX) {
        out.add(
            new QualityFinding(
                id,
                entry,
                "lab-range",
                "TSH " + l.value() + " mIU/L is above " + (long) TSH_MAX + " mIU/L"));
      }
    }
    for (int i = 0; i < c.raiCourses().size(); i++) {
      RaiCourse r = c.raiCourses().get(i);
      if (r.activity() == null) {
        continue;
      }
      BigDecimal mci = r.activity().in(ActivityUnit.MCI);
      if (mci.compareTo(BigDecimal.valueOf(ACTIVITY_MAX_MCI)) > 0
          || mci.compareTo(BigDecimal.valueOf(ACTIVITY_MIN_MCI)) < 0) {
        out.add(
            new QualityFinding(
                id,
                "raiCourses[" + i + "] (" + r.date() + ")",
                "activity-range",
                "activity "
                    + r.activity()
                    + " = "
                    + mci.stripTrailingZeros().toPlainString()
                    + " mCi is outside "
                    + ACTIVITY_MIN_MCI
                    + "–"
                    + ACTIVITY_MAX_MCI
                    + " mCi: GBq and mCi swapped?"));
      }
    }
    if (c.primaryTumour() != null
        && c.primaryTumour().sizeCm() != null
        && c.primaryTumour().sizeCm() > PRIMARY_MAX_CM) {
      out.add(
          new QualityFinding(
              id,
              "primaryTumour",
              "size-range",
              "primary "
                  + c.primaryTumour().sizeCm()
                  + " cm is above "
                  + (int) PRIMARY_MAX_CM
                  + " cm: mm typed as cm?"));
    }
    for (int i = 0; i < c.measurements().size(); i++) {
      LesionMeasurement m = c.measurements().get(i);
      for (Double d : new Double[] {m.aMm(), m.bMm(), m.cMm(), m.shortAxisMm()}) {
        if (d != null && d > LESION_MAX_MM) {
          out.add(
              new QualityFinding(
                  id,
                  "measurements[" + i + "] (" + m.date() + ")",
                  "size-range",
                  "lesion "
                      + m.lesionId()
                      + " diameter "
                      + d
                      + " mm is above "
                      + (int) LESION_MAX_MM
                      + " mm: cm vs mm?"));
          break;
        }
      }
    }
    if (c.demographics().birthDate() != null && c.demographics().ageAtDiagnosis() > AGE_MAX) {
      out.add(
          new QualityFinding(
              id,
              "demographics",
              "size-range",
              "age at diagnosis " + c.demographics().ageAtDiagnosis() + " is above " + AGE_MAX));
    }
    dateOrder(c, out);
    List<Finding> findings = CourseClassifier.classify(c, CourseClassifier.Options.defaults());
    missing(c, findings, out);
    recordedVsDerived(c, recorded, findings, out);
    return out;
  }

  private static String unit(LabResult l) {
    return l.unit() == null ? "ng/mL" : l.unit();
  }

  private static boolean thyroidSurgery(Surgery s) {
    return s.type() == SurgeryType.TOTAL_THYROIDECTOMY
        || s.type() == SurgeryType.SUBTOTAL_THYROIDECTOMY
        || s.type() == SurgeryType.LOBECTOMY
        || s.type() == SurgeryType.COMPLETION_THYROIDECTOMY;
  }

  private static void dateOrder(PatientCourse c, List<QualityFinding> out) {
    Optional<LocalDate> firstSurgery =
        c.surgeries().stream()
            .filter(QualityCheck::thyroidSurgery)
            .map(Surgery::date)
            .filter(d -> d != null)
            .min(Comparator.naturalOrder());
    for (int i = 0; i < c.raiCourses().size(); i++) {
      RaiCourse r = c.raiCourses().get(i);
      if (firstSurgery.isPresent() && r.date().isBefore(firstSurgery.get())) {
        out.add(
            new QualityFinding(
                c.patientId(),
                "raiCourses[" + i + "] (" + r.date() + ")",
                "date-order",
                "RAI course before the first thyroid surgery on " + firstSurgery.get()));
      }
    }
    LocalDate dx = c.demographics().diagnosisDate();
    if (firstSurgery.isPresent() && dx.isAfter(firstSurgery.get())) {
      out.add(
          new QualityFinding(
              c.patientId(),
              "demographics.diagnosisDate (" + dx + ")",
              "date-order",
              "diagnosis after the first thyroid surgery on "
                  + firstSurgery.get()
                  + " (the diagnosis is histological)"));
    }
  }

  private static void missing(PatientCourse c, List<Finding> findings, List<QualityFinding> out) {
    for (Finding f : findings) {
      boolean needed =
          f.rule().equals("ajcc8-stage")
              || f.rule().equals("ata-risk")
              || f.rule().equals("endpoints");
      if (needed && (f.value() == null || f.value().isEmpty())) {
        out.add(
            new QualityFinding(
                c.patientId(), f.subject(), "missing", f.rule() + " undetermined: " + f.reason()));
      }
    }
    if (c.lastFollowUp() == null && c.death() == null) {
      // the endpoints rule says so already; nothing more to add
      return;
    }
  }

  private static void recordedVsDerived(
      PatientCourse c,
      Map<String, String> recorded,
      List<Finding> findings,
      List<QualityFinding> out) {
    for (Map.Entry<String, String> e : recorded.entrySet()) {
      String rule = e.getKey();
      Optional<Finding> derived =
          findings.stream()
              .filter(f -> f.rule().equals(rule) && f.subject().equals("patient"))
              .findFirst();
      if (derived.isEmpty() || derived.get().value() == null || derived.get().value().isEmpty()) {
        continue;
      }
      if (!same(e.getValue(), derived.get().value())) {
        out.add(
            new QualityFinding(
                c.patientId(),
                "recorded." + rule,
                "recorded-vs-derived",
                "recorded "
                    + rule
                    + " '"
                    + e.getValue()
                    + "' but the rule derives '"
                    + derived.get().value()
                    + "': "
                    + derived.get().reason()));
      }
    }
    for (int i = 0; i < c.assessments().size(); i++) {
      ResponseAssessment a = c.assessments().get(i);
      if (a.recordedCategory() == null || a.recordedCategory().isBlank()) {
        continue;
      }
      String date = a.date().toString();
      Optional<Finding> derived =
          findings.stream()
              .filter(f -> f.rule().equals("ata-response") && f.subject().equals(date))
              .findFirst();
      if (derived.isPresent()
          && derived.get().value() != null
          && !derived.get().value().isEmpty()
          && !same(a.recordedCategory(), derived.get().value())) {
        out.add(
            new QualityFinding(
                c.patientId(),
                "assessments[" + i + "] (" + date + ")",
                "recorded-vs-derived",
                "recorded category '"
                    + a.recordedCategory()
                    + "' but the ATA response rule derives '"
                    + derived.get().value()
                    + "': "
                    + derived.get().reason()));
      }
    }
  }

  /** Same category, ignoring case, spaces, underscores, hyphens and a leading "stage". */
  static boolean same(String recorded, String derived) {
    return norm(recorded).equals(norm(derived));
  }

  private static String norm(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    if (t.startsWith("stage")) {
      t = t.substring(5);
    }
    return t;
  }
}
