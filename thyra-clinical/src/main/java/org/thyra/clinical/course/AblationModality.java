package org.thyra.clinical.course;

/** Thermal ablation techniques. */
public enum AblationModality {
  /** Microwave ablation. */
  MWA,
  /** Radiofrequency ablation. */
  RFA,
  /** Laser ablation. */
  LASER,
  /** High-intensity focused ultrasound. */
  HIFU,
  CRYOABLATION
}
