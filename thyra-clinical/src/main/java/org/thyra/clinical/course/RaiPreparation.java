package org.thyra.clinical.course;

/** How TSH was raised before a radioiodine course. */
public enum RaiPreparation {
  /** Thyroid hormone withdrawal. */
  WITHDRAWAL,
  /** Recombinant human TSH. */
  RHTSH
}
