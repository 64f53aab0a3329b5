package org.thyra.clinical.course;

/** Local and systemic treatments other than initial surgery and radioiodine. */
public enum TreatmentKind {
  THERMAL_ABLATION,
  EMBOLISATION,
  CEMENTOPLASTY,
  SURGERY,
  EXTERNAL_RADIATION,
  KINASE_INHIBITOR
}
