package org.thyra.clinical.refractory;

/**
 * Seed 003's RAIR subtypes (Figure 5B), by the pattern of RAI avidity.
 *
 * <p>When several criteria fire the subtype follows the avidity pattern first: never avid → {@link
 * #NO_AVIDITY}; else mixed or lost → {@link #PARTIAL_OR_LOST_AVIDITY}; else progression despite
 * uptake (ATA iv, or the 12-month option) → {@link #PROGRESSION_DESPITE_UPTAKE}; else (only the
 * cumulative-activity option fired) → {@link #CUMULATIVE_ACTIVITY}. Seed 003's counts are mutually
 * exclusive (34 + 22 + 17 + 7 = 80), which this order reproduces.
 */
public enum RairSubtype {
  NO_AVIDITY,
  PARTIAL_OR_LOST_AVIDITY,
  PROGRESSION_DESPITE_UPTAKE,
  CUMULATIVE_ACTIVITY
}
