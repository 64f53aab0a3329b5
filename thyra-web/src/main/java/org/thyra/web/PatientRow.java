package org.thyra.web;

import org.thyra.web.patient.StoredPatient;

/** One line of the patient list. */
public record PatientRow(
    String patientId,
    String site,
    String sex,
    String diagnosis,
    String histology,
    int raiCourses,
    String updated) {

  static PatientRow of(StoredPatient p) {
    var c = p.course();
    return new PatientRow(
        p.patientId(),
        p.site(),
        c.demographics().sex() == null ? "" : c.demographics().sex().name().toLowerCase(),
        String.valueOf(c.demographics().diagnosisDate()),
        c.primaryTumour() == null || c.primaryTumour().histology() == null
            ? ""
            : c.primaryTumour().histology().name().toLowerCase().replace('_', ' '),
        c.raiCourses().size(),
        p.updatedAt().toString().substring(0, 16).replace('T', ' ') + " " + p.updatedBy());
  }
}
