package org.thyra.stats.prediction;

import java.util.List;

/**
 * Rows assigned to risk groups by a fixed cut-off ({@link RiskGroups#assign(double[], double)}).
 *
 * @param cutoff the cut-off (score {@code <=} cut-off is low risk)
 * @param groups 0 = low, 1 = high, per row
 * @param nLow rows in the low-risk group
 * @param nHigh rows in the high-risk group
 * @param warnings e.g. an empty group
 */
public record RiskGroupAssignment(
    double cutoff, int[] groups, int nLow, int nHigh, List<String> warnings) {

  /** Copies. */
  public RiskGroupAssignment {
    groups = groups.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public int[] groups() {
    return groups.clone();
  }
}
