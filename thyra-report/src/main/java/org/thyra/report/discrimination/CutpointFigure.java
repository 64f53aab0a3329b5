package org.thyra.report.discrimination;

import java.util.List;
import org.thyra.analysis.discrimination.CutpointAnalysis;
import org.thyra.frame.DecimalText;
import org.thyra.report.figure.Figure;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.KmFigure;
import org.thyra.report.figure.PValues;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.survival.KaplanMeierCurve;

/**
 * The figure of a two-group cut-point: Kaplan–Meier curves of the groups it makes (x &le; cut-point
 * is low), as maxstat's plot, with the adjusted p in the note.
 */
public final class CutpointFigure {
  private CutpointFigure() {}

  /**
   * @param report a two-group cut-point report
   * @param curves the low and high group's curves ({@code CutpointAnalysis.curves(report)}, fitted
   *     only when a figure is asked for)
   * @param spec size, style and time unit
   * @param timeColumn the follow-up time column, for the axis title
   * @param yTitle the probability axis's title, or null for "Survival probability"
   */
  public static Figure of(
      CutpointAnalysis.Report report,
      List<KaplanMeierCurve> curves,
      FigureSpec spec,
      String timeColumn,
      String yTitle) {
    MaxSelectedRankResult r = report.twoGroups();
    if (r == null) {
      throw new IllegalArgumentException("the cut-point figure draws two groups (--groups 2)");
    }
    String variable = report.request().variable();
    String cut = DecimalText.format(r.cutpoint());
    return KmFigure.builder(
            List.of(
                new KmFigure.Series(variable + " ≤ " + cut, curves.get(0)),
                new KmFigure.Series(variable + " > " + cut, curves.get(1))))
        .style(spec.style())
        .size(spec.width(170), spec.height(130))
        .xTitle(spec.timeUnit().axisTitle(timeColumn))
        .yTitle(yTitle)
        .note(
            "Maximally selected log-rank: cut-off "
                + cut
                + ", "
                + r.pMethod()
                + "-adjusted "
                + PValues.equation(r.pAdjusted()))
        .build();
  }
}
