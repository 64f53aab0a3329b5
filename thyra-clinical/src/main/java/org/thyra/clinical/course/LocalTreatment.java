package org.thyra.clinical.course;

import java.time.LocalDate;
import java.util.List;

/**
 * A local or systemic treatment: thermal ablation, embolisation, cementoplasty, surgery, external
 * radiation or a kinase inhibitor.
 *
 * @param date start date
 * @param endDate end date (kinase inhibitors, radiation courses), or {@code null}
 * @param kind what was done
 * @param lesionIds lesions treated
 * @param agent drug (kinase inhibitors) or technique note
 * @param ablation ablation details when {@code kind} is {@link TreatmentKind#THERMAL_ABLATION}
 */
public record LocalTreatment(
    LocalDate date,
    LocalDate endDate,
    TreatmentKind kind,
    List<String> lesionIds,
    String agent,
    Ablation ablation) {

  public LocalTreatment {
    lesionIds = lesionIds == null ? List.of() : List.copyOf(lesionIds);
  }
}
