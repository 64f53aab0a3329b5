package org.thyra.stats.matching;

/** How a caliper width is expressed. */
public enum CaliperScale {
  /**
   * In standard deviations of the distance over all units (MatchIt's {@code std.caliper = TRUE}:
   * {@code caliper * sd(distance)}, sd with divisor n - 1).
   */
  STANDARD_DEVIATIONS,
  /** On the raw scale of the distance ({@code std.caliper = FALSE}). */
  RAW
}
