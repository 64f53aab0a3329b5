package org.thyra.stats.cutpoint;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Maximally selected log-rank statistic.
 *
 * @param cutpoint estimated cut-point; values &lt;= cutpoint form the low group
 * @param statistic maximal standardized log-rank statistic M
 * @param pAdjusted Lausen (1994) improved-Bonferroni adjusted p-value of M
 * @param pMethod name of the p-value method ("Lau94")
 * @param nLow observations with x &lt;= cutpoint
 * @param nHigh observations with x &gt; cutpoint
 * @param cuts every candidate cut-point examined
 * @param statistics the standardized statistic at each candidate
 * @param minprop smallest proportion of observations in a group
 * @param maxprop largest proportion
 * @param method conventions used
 * @param warnings warnings, never null
 */
public record MaxSelectedRankResult(
    double cutpoint,
    double statistic,
    double pAdjusted,
    String pMethod,
    int nLow,
    int nHigh,
    double[] cuts,
    double[] statistics,
    double minprop,
    double maxprop,
    String method,
    List<String> warnings)
    implements Result {
  public MaxSelectedRankResult {
    cuts = cuts.clone();
    statistics = statistics.clone();
    warnings = List.copyOf(warnings);
  }

  /** A copy of the candidate cut-points. */
  @Override
  public double[] cuts() {
    return cuts.clone();
  }

  /** A copy of the statistics at the candidate cut-points. */
  @Override
  public double[] statistics() {
    return statistics.clone();
  }
}
