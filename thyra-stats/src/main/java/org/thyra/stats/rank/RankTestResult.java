package org.thyra.stats.rank;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a rank test.
 *
 * @param statistic the test statistic as R reports it (W, V or Kruskal–Wallis chi-squared)
 * @param df degrees of freedom of the chi-squared reference (Kruskal–Wallis), NaN otherwise
 * @param p two-sided p-value
 * @param exact whether the p-value comes from the exact null distribution
 * @param n number of observations used (after removing missing values and zero differences)
 * @param method the test variant, worded as R's {@code htest$method}
 * @param warnings conditions R would warn about (e.g. ties prevent an exact p-value)
 */
public record RankTestResult(
    double statistic,
    double df,
    double p,
    boolean exact,
    int n,
    String method,
    List<String> warnings)
    implements Result {
  public RankTestResult {
    warnings = List.copyOf(warnings);
  }
}
