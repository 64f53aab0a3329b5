package org.thyra.clinical.ablation;

/** Permanent consequences of a complication (CIRSE grades 4 and 5). */
public enum Sequelae {
  NONE,
  /** Permanent mild sequelae: the patient resumes work and independent living. */
  MILD_PERMANENT,
  /** Permanent severe sequelae: ongoing assistance in daily life needed. */
  SEVERE_PERMANENT
}
