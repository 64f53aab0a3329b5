package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.stats.survival.ConfidenceType;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierOptions;

/**
 * Kaplan–Meier curves of a data file, one per level of an optional grouping column: the workflow
 * behind {@code thyra km} (SPEC §5), as R's {@code survfit(Surv(T, E) ~ G)}.
 */
public final class KaplanMeierAnalysis {
  private KaplanMeierAnalysis() {}

  /**
   * What to estimate.
   *
   * @param time follow-up time column
   * @param event event column
   * @param group grouping column, or null for one curve of all rows
   * @param confType CI type as R names it ({@code log}, {@code log-log}, ...)
   * @param confLevel confidence level
   * @param at times at which survival is reported (may be empty)
   */
  public record Request(
      String time, String event, String group, String confType, double confLevel, List<Double> at) {
    public Request {
      at = List.copyOf(at);
    }
  }

  /** Reads the file and fits one curve per group; warnings of a group are prefixed by its label. */
  public static KaplanMeierReport run(DataFile file, Request request) {
    KaplanMeierOptions options =
        new KaplanMeierOptions(ConfidenceType.parse(request.confType()), request.confLevel());
    GroupedSurvival data =
        GroupedSurvival.read(file, request.time(), request.event(), request.group(), List.of());
    List<KaplanMeierCurve> curves = new ArrayList<>();
    for (int g = 0; g < data.groupLevels().size(); g++) {
      curves.add(KaplanMeier.fit(data.time(g), data.status(g), options));
    }
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    for (int g = 0; g < curves.size(); g++) {
      for (String w : curves.get(g).warnings()) {
        warnings.add(data.label(g) + ": " + w);
      }
    }
    return new KaplanMeierReport(
        file.source(), request, data, curves, curves.get(0).method(), warnings);
  }
}
