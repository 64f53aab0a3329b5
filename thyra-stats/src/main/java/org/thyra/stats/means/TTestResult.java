package org.thyra.stats.means;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a two-sample t-test.
 *
 * @param statistic t, for mean(x) - mean(y)
 * @param df degrees of freedom ({@code m + n - 2} or Welch–Satterthwaite)
 * @param p two-sided p-value
 * @param meanDifference mean(x) - mean(y)
 * @param method test variant, worded as R
 * @param warnings conditions that make the result undefined or fragile
 */
public record TTestResult(
    double statistic,
    double df,
    double p,
    double meanDifference,
    String method,
    List<String> warnings)
    implements Result {
  public TTestResult {
    warnings = List.copyOf(warnings);
  }
}
