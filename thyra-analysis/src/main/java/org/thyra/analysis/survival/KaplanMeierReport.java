package org.thyra.analysis.survival;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.survival.KaplanMeierCurve;

/**
 * Kaplan–Meier curves of a file, per group, ready to present.
 *
 * @param source the data file's name
 * @param request what was asked
 * @param data the survival data by group (rows used, dropped, event coding)
 * @param curves one curve per group, in the order of {@code data.groupLevels()}
 * @param method the estimator's conventions (those of the first curve; all curves share them)
 * @param warnings the model frame's and every curve's, prefixed by the group
 */
public record KaplanMeierReport(
    String source,
    KaplanMeierAnalysis.Request request,
    GroupedSurvival data,
    List<KaplanMeierCurve> curves,
    String method,
    List<String> warnings)
    implements Result {
  public KaplanMeierReport {
    curves = List.copyOf(curves);
    warnings = List.copyOf(warnings);
  }
}
