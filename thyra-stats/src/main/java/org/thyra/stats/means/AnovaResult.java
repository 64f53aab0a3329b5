package org.thyra.stats.means;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a one-way analysis of variance.
 *
 * @param statistic F
 * @param dfBetween numerator df, {@code k - 1}
 * @param dfWithin denominator df, {@code n - k}
 * @param p upper-tail p-value of F
 * @param groups number of groups with data
 * @param method test variant
 * @param warnings conditions that make the result undefined
 */
public record AnovaResult(
    double statistic,
    double dfBetween,
    double dfWithin,
    double p,
    int groups,
    String method,
    List<String> warnings)
    implements Result {
  public AnovaResult {
    warnings = List.copyOf(warnings);
  }
}
