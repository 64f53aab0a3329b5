package org.thyra.clinical.endpoint;

/** Time zero for a time-to-event endpoint. */
public enum Origin {
  /** Diagnosis of the primary. */
  DIAGNOSIS,
  /** First radioiodine course (seed 001's PFS). */
  FIRST_RAI,
  /** First thermal ablation (seed 000's PFS). */
  FIRST_ABLATION,
  /** First detection of a lung metastasis (seed 003's PFS). */
  FIRST_LUNG_METASTASIS,
  /** First detection of any distant metastasis. */
  FIRST_DISTANT_METASTASIS
}
