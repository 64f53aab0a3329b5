package org.thyra.stats.contingency;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of Fisher's exact test.
 *
 * @param p two-sided p-value: the probability of tables as or less probable than the observed one
 *     (relative tolerance 1e-7, as R)
 * @param oddsRatio conditional maximum-likelihood odds ratio for 2×2 tables (NaN for larger tables)
 * @param tablesEnumerated number of tables (or partial tables) whose probability was evaluated
 * @param method test variant
 * @param warnings conditions worth reporting
 */
public record FisherExactResult(
    double p, double oddsRatio, long tablesEnumerated, String method, List<String> warnings)
    implements Result {
  public FisherExactResult {
    warnings = List.copyOf(warnings);
  }
}
