package org.thyra.clinical.refractory;

/** The criteria for radioiodine-refractory disease. */
public enum RairCriterion {
  /** ATA 2015 (i): no lesion concentrates RAI on the first post-therapy scan. */
  NEVER_AVID("never avid"),
  /** ATA 2015 (ii): a lesion that concentrated RAI no longer does. */
  LOST_AVIDITY("lost avidity"),
  /** ATA 2015 (iii): RAI concentrated in some lesions but not in others. */
  MIXED_AVIDITY("mixed avidity"),
  /** ATA 2015 (iv): disease progresses despite RAI uptake. */
  PROGRESSION_DESPITE_UPTAKE("progression despite uptake"),
  /** Option (seed 000): structural progression within 12 months after a course with uptake. */
  PROGRESSION_WITHIN_12_MONTHS("progression within 12 months of RAI"),
  /**
   * Option (seeds 000, 002): cumulative activity above 600 mCi, with a progression after the course
   * that crossed it.
   */
  CUMULATIVE_ACTIVITY_ABOVE_600_MCI("cumulative activity > 600 mCi");

  private final String label;

  RairCriterion(String label) {
    this.label = label;
  }

  /** Readable label. */
  public String label() {
    return label;
  }
}
