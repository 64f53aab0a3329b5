package org.thyra.stats.contingency;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a chi-squared test.
 *
 * @param statistic X-squared
 * @param df degrees of freedom
 * @param p upper-tail p-value
 * @param expected expected counts under the null (rows × columns); null for McNemar
 * @param method test variant, worded as R (names the continuity correction when applied)
 * @param warnings e.g. "Chi-squared approximation may be incorrect" when an expected count is below
 *     5
 */
public record ChiSquareResult(
    double statistic,
    double df,
    double p,
    double[][] expected,
    String method,
    List<String> warnings)
    implements Result {
  public ChiSquareResult {
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether every expected count is at least 5 (gtsummary's rule for choosing χ² over Fisher).
   *
   * @return true when all expected counts are ≥ 5
   */
  public boolean expectedAtLeastFive() {
    if (expected == null) {
      return true;
    }
    for (double[] row : expected) {
      for (double e : row) {
        if (!(e >= 5)) {
          return false;
        }
      }
    }
    return true;
  }
}
