package org.thyra.clinical.course;

import java.time.LocalDate;
import java.util.List;
import org.thyra.clinical.comorbidity.CharlsonCondition;

/**
 * One patient's course of differentiated thyroid cancer: who, the primary tumour, every treatment,
 * laboratory value, lesion and measurement, the response assessments, the outcomes and the last
 * follow-up. Immutable; constructing one validates it ({@link CourseValidator}) and throws a {@link
 * CourseException} naming the entry for an impossible sequence.
 *
 * @param patientId study identifier (not a name or hospital number)
 * @param demographics sex, birth date, diagnosis date
 * @param primaryTumour the primary tumour
 * @param surgeries operations
 * @param raiCourses radioiodine courses with post-therapy scans
 * @param labs Tg, TgAb and TSH values
 * @param lesions known lesions (metastases, locoregional disease)
 * @param measurements lesion measurements over time
 * @param treatments local and systemic treatments (ablation, embolisation, ..., kinase inhibitors)
 * @param assessments response assessments
 * @param progressions documented progressions
 * @param death death, or {@code null}
 * @param lastFollowUp date of last follow-up (censoring date)
 * @param comorbidities Charlson conditions
 * @param ecog ECOG performance status at baseline, or {@code null}
 * @param lifeExpectancyMonths the treating team's estimate of life expectancy, whole months, or
 *     {@code null} (seed 002, local treatment of distant metastases)
 * @param progressionRate how fast the distant disease evolves (team's judgement), or {@code null}
 */
public record PatientCourse(
    String patientId,
    Demographics demographics,
    PrimaryTumour primaryTumour,
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
    List<CharlsonCondition> comorbidities,
    Integer ecog,
    Integer lifeExpectancyMonths,
    ProgressionRate progressionRate) {

  public PatientCourse {
    surgeries = copy(surgeries);
    raiCourses = copy(raiCourses);
    labs = copy(labs);
    lesions = copy(lesions);
    measurements = copy(measurements);
    treatments = copy(treatments);
    assessments = copy(assessments);
    progressions = copy(progressions);
    comorbidities = copy(comorbidities);
    CourseValidator.validate(
        patientId,
        demographics,
        primaryTumour,
        surgeries,
        raiCourses,
        labs,
        lesions,
        measurements,
        treatments,
        assessments,
        progressions,
        death,
        lastFollowUp,
        ecog);
    if (lifeExpectancyMonths != null && lifeExpectancyMonths < 0) {
      throw new CourseException(
          patientId,
          "lifeExpectancyMonths",
          "life expectancy must be 0 or more months, got " + lifeExpectancyMonths);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** The end of observation: the death date if dead, else the last follow-up. */
  public LocalDate endOfObservation() {
    if (death != null) {
      return death.date();
    }
    return lastFollowUp;
  }

  /** The lesion with this id, or {@code null}. */
  public Metastasis lesion(String lesionId) {
    for (Metastasis m : lesions) {
      if (m.lesionId().equals(lesionId)) {
        return m;
      }
    }
    return null;
  }
}
