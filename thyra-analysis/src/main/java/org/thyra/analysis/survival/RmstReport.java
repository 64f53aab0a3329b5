package org.thyra.analysis.survival;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.survival.RestrictedMean;
import org.thyra.stats.survival.RestrictedMeanComparison;
import org.thyra.stats.survival.RestrictedMeanResult;

/**
 * Restricted mean survival times of a file's groups, ready to present.
 *
 * @param source the data file's name
 * @param request what was asked
 * @param data the survival data by group
 * @param groups the RMST of each group, in the order of {@code data.groupLevels()}
 * @param comparisons each later group against the first (reference) group
 * @param warnings the model frame's, then each group's and comparison's, prefixed by its label
 */
public record RmstReport(
    String source,
    RmstAnalysis.Request request,
    GroupedSurvival data,
    List<RestrictedMeanResult> groups,
    List<RestrictedMeanComparison> comparisons,
    List<String> warnings)
    implements Result {
  public RmstReport {
    groups = List.copyOf(groups);
    comparisons = List.copyOf(comparisons);
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return RestrictedMean.method();
  }
}
