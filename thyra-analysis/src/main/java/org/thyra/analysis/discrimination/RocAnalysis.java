package org.thyra.analysis.discrimination;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;
import org.thyra.stats.roc.DeLongTest;
import org.thyra.stats.roc.DeLongTestResult;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;
import org.thyra.stats.roc.RocResult;
import org.thyra.stats.roc.ThresholdPerformance;

/**
 * The ROC curve of a marker for a binary outcome in a data file, with an optional threshold and an
 * optional paired comparison: the workflow behind {@code thyra roc}, as pROC 1.18.
 */
public final class RocAnalysis {
  private RocAnalysis() {}

  /**
   * @param outcome binary outcome column
   * @param marker numeric marker column
   * @param direction {@code auto}, {@code <} or {@code >}
   * @param at threshold at which sensitivity and specificity are reported, or null
   * @param compare second marker for DeLong's paired test, or null
   * @param confLevel confidence level
   */
  public record Request(
      String outcome,
      String marker,
      String direction,
      Double at,
      String compare,
      double confLevel) {}

  /**
   * A ROC analysis, ready to present.
   *
   * @param source the data file's name
   * @param request what was asked
   * @param frame the model frame
   * @param roc the curve's result
   * @param atThreshold performance at {@code request.at()}, or null
   * @param test the paired comparison, or null
   * @param warnings the frame's, the curve's and the test's
   */
  public record Report(
      String source,
      Request request,
      ModelFrame frame,
      RocResult roc,
      ThresholdPerformance atThreshold,
      DeLongTestResult test,
      List<String> warnings)
      implements Result {
    public Report {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return roc.method();
    }
  }

  public static Report run(DataFile input, Request request) {
    String marker = request.marker();
    String compare = request.compare();
    Double at = request.at();
    double confLevel = request.confLevel();
    RocDirection dir = direction(request.direction());
    List<String> markers = compare == null ? List.of(marker) : List.of(marker, compare);
    ModelFrame frame = MarkerInput.binary(input, request.outcome(), markers);
    double[] y = MarkerInput.doubles(frame.binaryResponse());
    double[] m = MarkerInput.marker(frame, 0);
    RocCurve curve = input.analyse(marker, () -> RocCurve.of(y, m, dir));
    RocResult roc = input.analyse(marker, () -> curve.result(confLevel));
    ThresholdPerformance atThreshold =
        at == null ? null : input.analyse(marker, () -> curve.at(at, confLevel));
    DeLongTestResult test = null;
    if (compare != null) {
      double[] m2 = MarkerInput.marker(frame, 1);
      test =
          input.analyse(
              compare, () -> DeLongTest.paired(y, m, m2, dir, RocDirection.AUTO, confLevel));
    }
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(roc.warnings());
    if (test != null) {
      warnings.addAll(test.warnings());
    }
    return new Report(input.source(), request, frame, roc, atThreshold, test, warnings);
  }

  /** {@code auto}, {@code <} or {@code >} as pROC's {@code direction}. */
  public static RocDirection direction(String s) {
    return switch (s.trim()) {
      case "auto", "AUTO" -> RocDirection.AUTO;
      case "<" -> RocDirection.CONTROLS_LOWER;
      case ">" -> RocDirection.CONTROLS_HIGHER;
      default ->
          throw new IllegalArgumentException(
              "--direction must be auto, \"<\" or \">\", got \"" + s + "\"");
    };
  }
}
