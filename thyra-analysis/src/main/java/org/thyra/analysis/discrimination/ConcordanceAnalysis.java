package org.thyra.analysis.discrimination;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.survival.Concordance;
import org.thyra.stats.survival.ConcordanceResult;

/**
 * Harrell's C of one predictor in a data file: the workflow behind {@code thyra concordance}, as
 * {@code survival::concordance(Surv(T, E) ~ P)}.
 */
public final class ConcordanceAnalysis {
  private ConcordanceAnalysis() {}

  /**
   * @param time follow-up time column
   * @param event event column
   * @param predictor numeric predictor column
   * @param reverse concordant when the larger predictor has the shorter time
   */
  public record Request(String time, String event, String predictor, boolean reverse) {}

  /**
   * C of a file's predictor, ready to present.
   *
   * @param source the data file's name
   * @param request what was asked
   * @param frame the model frame (rows kept, dropped, event coding)
   * @param result the concordance
   * @param events number of events
   * @param warnings the frame's, and "no events" when C is undefined
   */
  public record Report(
      String source,
      Request request,
      ModelFrame frame,
      ConcordanceResult result,
      int events,
      List<String> warnings)
      implements org.thyra.stats.Result {
    public Report {
      warnings = List.copyOf(warnings);
    }

    /** How {@link #interval} is computed, for a table's note. */
    public static final String INTERVAL = "CI: C ± z·SE (normal approximation)";

    @Override
    public String method() {
      return result.method();
    }

    /**
     * The normal-approximation interval {@code C ± z·SE} (as R users compute it from {@code
     * concordance()$var}); NaN limits when the SE is undefined.
     *
     * @param level the confidence level, in (0, 1)
     * @return {lower, upper}
     */
    public double[] interval(double level) {
      double z =
          org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
              .inverseCumulativeProbability((1 + level) / 2);
      return new double[] {result.c() - z * result.se(), result.c() + z * result.se()};
    }
  }

  public static Report run(DataFile input, Request request) {
    return run(
        MarkerInput.survival(input, request.time(), request.event(), List.of(request.predictor())),
        input.source(),
        request);
  }

  /**
   * C of a predictor in a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   */
  public static Report run(DataTable table, String source, Request request) {
    return run(
        MarkerInput.survival(
            table, source, request.time(), request.event(), List.of(request.predictor())),
        source,
        request);
  }

  private static Report run(ModelFrame frame, String source, Request request) {
    String predictor = request.predictor();
    double[] x = MarkerInput.marker(frame, 0);
    ConcordanceResult c =
        DataFile.analyse(
            source,
            predictor,
            () -> Concordance.compute(frame.time(), frame.status(), x, null, request.reverse()));
    List<String> warnings = new ArrayList<>(frame.warnings());
    int events = 0;
    for (int s : frame.status()) {
      events += s;
    }
    if (events == 0) {
      warnings.add("no events: no comparable pairs, C is undefined");
    }
    return new Report(source, request, frame, c, events, warnings);
  }
}
