package org.thyra.clinical.course;

/** Kinds of disease progression (seed 000's PFS events plus structural and biochemical). */
public enum ProgressionType {
  /** Local tumour progression: biopsy-confirmed new tumour adjacent to a treated lesion. */
  LOCAL_TUMOUR_PROGRESSION,
  /** A new lymph node metastasis elsewhere in the neck. */
  NEW_NODAL_METASTASIS,
  /** A new distant metastasis (outside the neck). */
  DISTANT_METASTASIS,
  /** Structural progression of known disease (RECIST PD). */
  STRUCTURAL_PROGRESSION,
  /** Biochemical progression (rising Tg or TgAb) without structural change. */
  BIOCHEMICAL_PROGRESSION
}
