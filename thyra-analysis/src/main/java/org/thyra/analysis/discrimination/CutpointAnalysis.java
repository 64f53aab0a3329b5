package org.thyra.analysis.discrimination;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;
import org.thyra.stats.cutpoint.MaxSelectedRank;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.cutpoint.ThreeGroupScan;
import org.thyra.stats.cutpoint.ThreeGroupScanResult;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;

/**
 * A survival cut-point of a continuous variable in a data file: the workflow behind {@code thyra
 * cutpoint} — two groups by the maximally selected log-rank statistic ({@code maxstat.test}), or
 * three by an X-tile-style scan.
 */
public final class CutpointAnalysis {
  private CutpointAnalysis() {}

  /**
   * @param time follow-up time column
   * @param event event column
   * @param variable numeric variable to cut
   * @param minprop smallest proportion of rows in a group
   * @param maxprop largest proportion in the low group (two groups)
   * @param groups 2 or 3
   * @param maxCandidates three groups: at most this many candidate cut values
   */
  public record Request(
      String time,
      String event,
      String variable,
      double minprop,
      double maxprop,
      int groups,
      int maxCandidates) {}

  /**
   * A cut-point, ready to present: exactly one of {@code twoGroups} and {@code threeGroups}.
   *
   * @param source the data file's name
   * @param request what was asked
   * @param frame the model frame
   * @param twoGroups the maxstat result (two groups), or null
   * @param threeGroups the scan (three groups), or null
   * @param warnings the frame's and the method's
   */
  public record Report(
      String source,
      Request request,
      ModelFrame frame,
      MaxSelectedRankResult twoGroups,
      ThreeGroupScanResult threeGroups,
      List<String> warnings)
      implements Result {
    public Report {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return twoGroups != null ? twoGroups.method() : threeGroups.method();
    }
  }

  public static Report run(DataFile input, Request request) {
    checkGroups(request);
    return run(
        MarkerInput.survival(input, request.time(), request.event(), List.of(request.variable())),
        input.source(),
        request);
  }

  /**
   * The cut-point of a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   */
  public static Report run(DataTable table, String source, Request request) {
    checkGroups(request);
    return run(
        MarkerInput.survival(
            table, source, request.time(), request.event(), List.of(request.variable())),
        source,
        request);
  }

  private static void checkGroups(Request request) {
    if (request.groups() != 2 && request.groups() != 3) {
      throw new IllegalArgumentException("--groups must be 2 or 3, got " + request.groups());
    }
  }

  private static Report run(ModelFrame frame, String source, Request request) {
    int groups = request.groups();
    String variable = request.variable();
    double minprop = request.minprop();
    double[] x = MarkerInput.marker(frame, 0);
    double[] t = frame.time();
    double[] e = MarkerInput.doubles(frame.status());
    List<String> warnings = new ArrayList<>(frame.warnings());
    if (groups == 2) {
      MaxSelectedRankResult r =
          DataFile.analyse(
              source, variable, () -> MaxSelectedRank.logRank(t, e, x, minprop, request.maxprop()));
      warnings.addAll(r.warnings());
      return new Report(source, request, frame, r, null, warnings);
    }
    ThreeGroupScanResult r =
        DataFile.analyse(
            source, variable, () -> ThreeGroupScan.scan(t, e, x, minprop, request.maxCandidates()));
    warnings.addAll(r.warnings());
    return new Report(source, request, frame, null, r, warnings);
  }

  /**
   * The Kaplan–Meier curves of the low (x &le; cut-point) and high group of a two-group cut-point,
   * as maxstat's plot shows them (default {@code survfit} conventions); fitted on demand, for the
   * figure only.
   *
   * @throws IllegalArgumentException for a three-group report
   */
  public static List<KaplanMeierCurve> curves(Report report) {
    MaxSelectedRankResult r = report.twoGroups();
    if (r == null) {
      throw new IllegalArgumentException(
          "the cut-point curves are drawn for two groups (--groups 2)");
    }
    ModelFrame frame = report.frame();
    double[] x = MarkerInput.marker(frame, 0);
    int[] codes = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      codes[i] = x[i] <= r.cutpoint() ? 0 : 1;
    }
    return KaplanMeier.fitGroups(frame.time(), frame.status(), codes, 2);
  }
}
