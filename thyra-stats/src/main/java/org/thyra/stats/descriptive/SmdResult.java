package org.thyra.stats.descriptive;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Standardised mean difference between groups.
 *
 * @param smd the reported value: the pairwise SMD for two groups, the mean of all pairwise SMDs for
 *     more (tableone's default summary)
 * @param pairwise SMD of each pair of groups (g1,g2), (g1,g3), ..., (g2,g3), ... in sorted group
 *     order
 * @param groups the sorted distinct group codes
 * @param method the formula used
 * @param warnings e.g. a group without data
 */
public record SmdResult(
    double smd, double[] pairwise, double[] groups, String method, List<String> warnings)
    implements Result {
  public SmdResult {
    warnings = List.copyOf(warnings);
  }
}
