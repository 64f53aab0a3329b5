package org.thyra.analysis.survival;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;

/**
 * A log-rank test of a file's groups, ready to present.
 *
 * @param source the data file's name
 * @param request what was asked
 * @param data the survival data by group
 * @param test the k-group test
 * @param pairs the pairwise tests, or null when not asked
 * @param warnings the model frame's, the test's and the pairwise tests'
 */
public record LogRankReport(
    String source,
    LogRankAnalysis.Request request,
    GroupedSurvival data,
    LogRankResult test,
    LogRankPairwiseResult pairs,
    List<String> warnings)
    implements Result {
  public LogRankReport {
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return test.method();
  }
}
