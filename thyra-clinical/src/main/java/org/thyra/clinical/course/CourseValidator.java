package org.thyra.clinical.course;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.thyra.clinical.ablation.Complication;
import org.thyra.clinical.units.TgUnit;

/**
 * Rejects impossible courses with a message naming the patient, the entry and why.
 *
 * <p>Rules: an identifier, demographics and a diagnosis date are required; nothing happens before
 * birth; diagnosis is not before birth; no treatment, laboratory value, measurement, assessment or
 * progression is dated after death; RAI courses are not before diagnosis; death is not before
 * diagnosis; the last follow-up is not before the diagnosis nor after death (a patient is not
 * followed after death) nor before any dated entry; sizes, diameters, activities, laboratory
 * values, power, energy and time are not negative; lesion ids are unique and every measurement,
 * uptake, treatment and progression names a known lesion; a lesion is not measured, treated or
 * progressing before it was detected, nor shown on a post-therapy scan more than a month before its
 * detection; ECOG is 0–5; a Tg unit is one {@link TgUnit} reads.
 */
final class CourseValidator {

  private CourseValidator() {}

  // The parameters repeat PatientCourse's components (duplicates tool): validation runs in the
  // record's compact constructor, before the record exists, so it cannot be handed `this`.
  static void validate(
      String patientId,
      Demographics demographics,
      PrimaryTumour primary,
      List<Surgery> surgeries,
      List<RaiCourse> raiCourses,
      List<LabResult> labs,
      List<Metastasis> lesions,
      List<LesionMeasurement> measurements,
      List<LocalTreatment> treatments,
      List<ResponseAssessment> assessments,
      List<ProgressionEvent> progressions,
      Death death,
      LocalDate lastFollowUp,
      Integer ecog) {
    if (patientId == null || patientId.isBlank()) {
      throw new CourseException("(no id)", "patientId", "a patient identifier is required");
    }
    Checker c = new Checker(patientId, demographics, death, lastFollowUp);
    if (demographics == null) {
      c.fail("demographics", "demographics (with the diagnosis date) are required");
    }
    if (demographics.diagnosisDate() == null) {
      c.fail("demographics.diagnosisDate", "the diagnosis date is required");
    }
    if (demographics.birthDate() != null
        && demographics.diagnosisDate().isBefore(demographics.birthDate())) {
      c.fail(
          "demographics",
          "diagnosis "
              + demographics.diagnosisDate()
              + " is before birth "
              + demographics.birthDate());
    }
    if (death != null) {
      if (death.date() == null) {
        c.fail("death", "a death needs its date");
      }
      if (death.date().isBefore(demographics.diagnosisDate())) {
        c.fail(
            "death (" + death.date() + ")",
            "death is before the diagnosis " + demographics.diagnosisDate());
      }
    }
    if (lastFollowUp != null) {
      if (lastFollowUp.isBefore(demographics.diagnosisDate())) {
        c.fail(
            "lastFollowUp (" + lastFollowUp + ")",
            "last follow-up is before the diagnosis " + demographics.diagnosisDate());
      }
      if (death != null && lastFollowUp.isAfter(death.date())) {
        c.fail(
            "lastFollowUp (" + lastFollowUp + ")",
            "last follow-up is after death on " + death.date());
      }
    }
    if (primary != null) {
      c.nonNegative("primaryTumour.sizeCm", primary.sizeCm());
      if (primary.vascularInvasionFoci() != null && primary.vascularInvasionFoci() < 0) {
        c.fail(
            "primaryTumour.vascularInvasionFoci",
            "must not be negative, got " + primary.vascularInvasionFoci());
      }
      NodalDisease n = primary.nodes();
      if (n != null) {
        c.nonNegative("primaryTumour.nodes.largestNodeCm", n.largestNodeCm());
        if (n.pathologicPositive() < 0) {
          c.fail(
              "primaryTumour.nodes.pathologicPositive",
              "must not be negative, got " + n.pathologicPositive());
        }
        if (n.examined() != null && n.examined() < n.pathologicPositive()) {
          c.fail(
              "primaryTumour.nodes",
              n.pathologicPositive() + " positive nodes but only " + n.examined() + " examined");
        }
      }
    }
    for (int i = 0; i < surgeries.size(); i++) {
      Surgery s = surgeries.get(i);
      c.dated("surgeries[" + i + "]", s.date(), false);
    }
    for (int i = 0; i < raiCourses.size(); i++) {
      RaiCourse r = raiCourses.get(i);
      String e = c.dated("raiCourses[" + i + "]", r.date(), true);
      c.nonNegative(e + ".tshMiuPerL", r.tshMiuPerL());
    }
    for (int i = 0; i < labs.size(); i++) {
      LabResult l = labs.get(i);
      String e = c.dated("labs[" + i + "]", l.date(), false);
      if (l.analyte() == null) {
        c.fail(e, "the analyte (TG, TGAB or TSH) is required");
      }
      if (l.value() == null) {
        c.fail(e, "the " + l.analyte() + " value is required");
      }
      if (!(l.value() >= 0) || !Double.isFinite(l.value())) {
        c.fail(e, l.analyte() + " value must be a finite, non-negative number, got " + l.value());
      }
      if (l.analyte() == Analyte.TG) {
        try {
          TgUnit.parse(l.unit() == null ? "ng/mL" : l.unit());
        } catch (IllegalArgumentException ex) {
          c.fail(e, ex.getMessage());
        }
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lesions.size(); i++) {
      Metastasis m = lesions.get(i);
      String e = "lesions[" + i + "]";
      if (m.lesionId() == null || m.lesionId().isBlank()) {
        c.fail(e, "a lesion needs an id");
      }
      if (!ids.add(m.lesionId())) {
        c.fail(e + " (" + m.lesionId() + ")", "lesion id " + m.lesionId() + " is used twice");
      }
      if (m.site() == null) {
        c.fail(e + " (" + m.lesionId() + ")", "the lesion site is required");
      }
      c.dated(e + " (" + m.lesionId() + ")", m.detected(), false);
    }
    for (int i = 0; i < measurements.size(); i++) {
      LesionMeasurement m = measurements.get(i);
      String e = c.dated("measurements[" + i + "] (lesion " + m.lesionId() + ")", m.date(), false);
      Metastasis lesion = c.knownLesion(e, m.lesionId(), lesions);
      if (m.date().isBefore(lesion.detected())) {
        c.fail(
            e,
            "measured on " + m.date() + ", before the lesion was detected on " + lesion.detected());
      }
      c.nonNegative(e + ".aMm", m.aMm());
      c.nonNegative(e + ".bMm", m.bMm());
      c.nonNegative(e + ".cMm", m.cMm());
      c.nonNegative(e + ".shortAxisMm", m.shortAxisMm());
    }
    for (int i = 0; i < raiCourses.size(); i++) {
      RaiCourse r = raiCourses.get(i);
      for (LesionUptake u : r.scanUptake()) {
        Metastasis lesion =
            c.knownLesion("raiCourses[" + i + "].scanUptake", u.lesionId(), lesions);
        // the post-therapy scan follows the administration by days; a lesion it shows cannot be
        // detected later than a month on
        if (lesion.detected().isAfter(r.date().plusMonths(1))) {
          c.fail(
              "raiCourses[" + i + "] (" + r.date() + ").scanUptake",
              "lesion "
                  + u.lesionId()
                  + " is on the scan but was detected only on "
                  + lesion.detected());
        }
      }
    }
    for (int i = 0; i < treatments.size(); i++) {
      LocalTreatment t = treatments.get(i);
      String e = c.dated("treatments[" + i + "] (" + t.kind() + ")", t.date(), true);
      if (t.kind() == null) {
        c.fail(e, "the treatment kind is required");
      }
      if (t.endDate() != null) {
        if (t.endDate().isBefore(t.date())) {
          c.fail(e, "ends " + t.endDate() + " before it starts " + t.date());
        }
        c.dated(e + ".endDate", t.endDate(), true);
      }
      for (String id : t.lesionIds()) {
        Metastasis lesion = c.knownLesion(e, id, lesions);
        if (t.date().isBefore(lesion.detected())) {
          c.fail(e, "treats lesion " + id + " before it was detected on " + lesion.detected());
        }
      }
      Ablation a = t.ablation();
      if (a != null) {
        c.nonNegative(e + ".ablation.powerW", a.powerW());
        c.nonNegative(e + ".ablation.energyKj", a.energyKj());
        c.nonNegative(e + ".ablation.timeS", a.timeS());
        if (a.ceusDate() != null && a.ceusDate().isBefore(t.date())) {
          c.fail(e, "CEUS " + a.ceusDate() + " is before the ablation " + t.date());
        }
        if (a.ceusDate() != null) {
          c.dated(e + ".ablation.ceusDate", a.ceusDate(), true);
        }
        for (Complication k : a.complications()) {
          if (k == null) {
            c.fail(e, "an empty complication entry");
          }
        }
      }
    }
    for (int i = 0; i < assessments.size(); i++) {
      c.dated("assessments[" + i + "]", assessments.get(i).date(), true);
    }
    for (int i = 0; i < progressions.size(); i++) {
      ProgressionEvent p = progressions.get(i);
      String e = c.dated("progressions[" + i + "]", p.date(), true);
      if (p.type() == null) {
        c.fail(e, "the progression type is required");
      }
      if (p.lesionId() != null) {
        Metastasis lesion = c.knownLesion(e, p.lesionId(), lesions);
        if (p.date().isBefore(lesion.detected())) {
          c.fail(
              e,
              "progression of lesion "
                  + p.lesionId()
                  + " before it was detected on "
                  + lesion.detected());
        }
      }
    }
    if (ecog != null && (ecog < 0 || ecog > 5)) {
      c.fail("ecog", "ECOG must be 0–5, got " + ecog);
    }
  }

  /** Shared date checks with the patient's context. */
  private static final class Checker {
    final String patientId;
    final Demographics demographics;
    final Death death;
    final LocalDate lastFollowUp;

    Checker(String patientId, Demographics demographics, Death death, LocalDate lastFollowUp) {
      this.patientId = patientId;
      this.demographics = demographics;
      this.death = death;
      this.lastFollowUp = lastFollowUp;
    }

    void fail(String entry, String why) {
      throw new CourseException(patientId, entry, why);
    }

    String dated(String entry, LocalDate date, boolean notBeforeDiagnosis) {
      if (date == null) {
        fail(entry, "the date is required");
      }
      String e = entry + " (" + date + ")";
      if (demographics.birthDate() != null && date.isBefore(demographics.birthDate())) {
        fail(e, "dated before birth " + demographics.birthDate());
      }
      if (notBeforeDiagnosis && date.isBefore(demographics.diagnosisDate())) {
        fail(e, "dated before the diagnosis " + demographics.diagnosisDate());
      }
      if (death != null && date.isAfter(death.date())) {
        fail(e, "dated after death on " + death.date());
      }
      if (lastFollowUp != null && date.isAfter(lastFollowUp) && death == null) {
        fail(e, "dated after the last follow-up " + lastFollowUp);
      }
      return e;
    }

    void nonNegative(String entry, Double v) {
      if (v != null && (!(v >= 0) || !Double.isFinite(v))) {
        fail(entry, "must be a finite, non-negative number, got " + v);
      }
    }

    Metastasis knownLesion(String entry, String id, List<Metastasis> lesions) {
      for (Metastasis m : lesions) {
        if (m.lesionId().equals(id)) {
          return m;
        }
      }
      fail(entry, "refers to unknown lesion '" + id + "'");
      return null;
    }
  }
}
