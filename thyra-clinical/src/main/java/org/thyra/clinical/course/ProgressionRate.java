package org.thyra.clinical.course;

/**
 * How fast the patient's distant disease evolves, as the treating team judges it (seed 002: "slow
 * evolving disease are more likely to receive the curative rather than the palliative treatments").
 * Recorded, not derived: the seed gives no growth-rate threshold.
 */
public enum ProgressionRate {
  /** Slow-evolving disease. */
  SLOW,
  /** Rapidly progressing disease. */
  RAPID
}
