package org.thyra.clinical.course;

import java.time.LocalDate;
import java.time.Period;

/**
 * Who the patient is and when the cancer was diagnosed.
 *
 * @param sex sex
 * @param birthDate date of birth
 * @param diagnosisDate date of the histological diagnosis of the primary (usually the first
 *     surgery)
 */
public record Demographics(Sex sex, LocalDate birthDate, LocalDate diagnosisDate) {

  /** Age in completed years on a date. */
  public int ageInYearsOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  /** Age at diagnosis in completed years (as the AJCC age cut-off is applied). */
  public int ageAtDiagnosis() {
    return ageInYearsOn(diagnosisDate);
  }
}
