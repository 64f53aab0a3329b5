package org.thyra.stats.survival;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.inference.PValueAdjustment;

/**
 * Pairwise G-rho tests between all pairs of groups with observations.
 *
 * @param pairs one entry per pair (a &lt; b), ordered by a then b
 * @param adjustment the p-value adjustment used over the pairs
 * @param rho the G-rho exponent
 * @param method the test variant and conventions, for display
 * @param warnings warnings (never null), each naming its pair
 */
public record LogRankPairwiseResult(
    List<LogRankPair> pairs,
    PValueAdjustment adjustment,
    double rho,
    String method,
    List<String> warnings)
    implements Result {

  /** Defensive copies. */
  public LogRankPairwiseResult {
    pairs = List.copyOf(pairs);
    warnings = List.copyOf(warnings);
  }
}
