package org.thyra.report.survival;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.report.figure.KmFigure;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.WeightedKaplanMeier;

/** The Kaplan–Meier figure's series of a grouped outcome: one curve per group, labelled. */
public final class KmSeries {
  private KmSeries() {}

  /** One series per group, labelled by its level ("All" without a grouping column). */
  public static List<KmFigure.Series> of(GroupedSurvival data, List<KaplanMeierCurve> curves) {
    List<KmFigure.Series> out = new ArrayList<>();
    for (int g = 0; g < curves.size(); g++) {
      out.add(new KmFigure.Series(data.figureLabel(g), curves.get(g)));
    }
    return out;
  }

  /** One weighted series per group ({@code thyra km --weights}), labelled as {@link #of}. */
  public static List<KmFigure.WeightedSeries> weighted(
      GroupedSurvival data, List<WeightedKaplanMeier.Curve> curves) {
    List<KmFigure.WeightedSeries> out = new ArrayList<>();
    for (int g = 0; g < curves.size(); g++) {
      out.add(new KmFigure.WeightedSeries(data.figureLabel(g), curves.get(g)));
    }
    return out;
  }
}
