package org.thyra.clinical.course;

/** Where a metastasis or recurrence lies. */
public enum LesionSite {
  THYROID_BED,
  CERVICAL_NODE,
  MEDIASTINAL_NODE,
  LUNG,
  BONE,
  LIVER,
  BRAIN,
  OTHER;

  /** Lymph node sites: measured by short axis in RECIST. */
  public boolean isNodal() {
    return this == CERVICAL_NODE || this == MEDIASTINAL_NODE;
  }

  /** Sites outside the neck and upper mediastinal nodes: distant metastases. */
  public boolean isDistant() {
    return this == LUNG || this == BONE || this == LIVER || this == BRAIN || this == OTHER;
  }
}
