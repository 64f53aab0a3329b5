package org.thyra.analysis.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.Result;
import org.thyra.stats.prediction.TimeDependentAuc;
import org.thyra.stats.prediction.TimeDependentAucPoint;
import org.thyra.stats.prediction.TimeDependentAucResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;

/**
 * Cumulative/dynamic time-dependent AUC with marginal Kaplan–Meier IPCW, as {@code
 * riskRegression::Score(list(marker), Hist(time, status) ~ 1, metrics = "auc", cens.model =
 * "marginal", se.fit = TRUE)}: the workflow behind {@code thyra tdroc}.
 *
 * <p>The marker is a column, or the Cox (Efron) linear predictor of a formula fitted on the same
 * rows (apparent AUC). As Score: a time with no case (before the first event) or no control (the
 * last follow-up time itself) has AUC null with a warning; a time after the last follow-up, which
 * Score leaves out, is refused (no extrapolation).
 */
public final class TdrocAnalysis {
  private TdrocAnalysis() {}

  /**
   * @param time follow-up time column (with {@code marker})
   * @param event event column (with {@code marker})
   * @param marker numeric marker column, higher = higher risk; or null with {@code formula}
   * @param formula {@code Surv(T, E) ~ ...} whose Cox linear predictor is the marker, or null
   * @param at times t of AUC(t)
   * @param confLevel confidence level
   */
  public record Request(
      String time, String event, String marker, String formula, double[] at, double confLevel) {
    public Request {
      at = at.clone();
    }

    @Override
    public double[] at() {
      return at.clone();
    }
  }

  /**
   * The AUC per requested time.
   *
   * @param source the data's name
   * @param request what was asked
   * @param frame the model frame
   * @param markerLabel what the marker is, in words
   * @param events events in the frame
   * @param cases cases (event by t) per time
   * @param controls controls (followed beyond t) per time
   * @param points the estimate per time, null where Score gives NA (no case or no control)
   * @param description the estimator's method, or null when no time was estimable
   * @param warnings the frame's, the Cox fit's and the estimator's
   */
  public record Report(
      String source,
      Request request,
      ModelFrame frame,
      String markerLabel,
      int events,
      int[] cases,
      int[] controls,
      List<TimeDependentAucPoint> points,
      String description,
      List<String> warnings)
      implements Result {
    public Report {
      cases = cases.clone();
      controls = controls.clone();
      points = java.util.Collections.unmodifiableList(new ArrayList<>(points));
      warnings = List.copyOf(warnings);
    }

    /** The requested times. */
    public double[] times() {
      return request.at();
    }

    @Override
    public int[] cases() {
      return cases.clone();
    }

    @Override
    public int[] controls() {
      return controls.clone();
    }

    /** Whether the marker is a formula's Cox linear predictor. */
    public boolean fromFormula() {
      return request.formula() != null;
    }

    /** The estimable points as one result (for the figure). */
    public TimeDependentAucResult estimable() {
      return new TimeDependentAucResult(
          points.stream().filter(Objects::nonNull).toList(),
          request.confLevel(),
          description,
          List.of());
    }

    @Override
    public String method() {
      return (description != null
              ? description
              : "cumulative/dynamic AUC, IPCW marginal Kaplan-Meier")
          + "; events coded "
          + frame.eventCoding().description();
    }
  }

  /**
   * {@code --at} as the command line gives it: comma-separated times, finite and {@code >= 0}.
   *
   * @throws InputException naming {@code source} otherwise
   */
  public static double[] parseTimes(String source, String at) {
    String[] parts = at.split(",", -1);
    double[] times = new double[parts.length];
    for (int j = 0; j < parts.length; j++) {
      String p = parts[j].strip();
      double v;
      try {
        v = Double.parseDouble(p);
      } catch (NumberFormatException e) {
        throw new InputException(
            source, null, null, "--at must be comma-separated numbers, got \"" + at + "\"");
      }
      if (!Double.isFinite(v) || v < 0) {
        throw new InputException(
            source, null, null, "--at times must be finite and >= 0, got " + p);
      }
      times[j] = v;
    }
    return times;
  }

  /** Reads the data file and estimates. */
  public static Report run(DataFile input, Request request) {
    return run(input.source(), request, f -> input.modelFrame(f));
  }

  /**
   * Estimates on a table already read (a study's cohort), coded with {@code references}.
   *
   * @param source how messages name the data
   */
  public static Report run(
      DataTable table, String source, Map<String, String> references, Request request) {
    return run(source, request, f -> ModelFrame.build(table, f, references));
  }

  private static Report run(
      String source, Request request, java.util.function.Function<Formula, ModelFrame> frames) {
    double[] times = request.at();
    for (double v : times) {
      if (!Double.isFinite(v) || v < 0) {
        throw new InputException(
            source, null, null, "--at times must be finite and >= 0, got " + DecimalText.format(v));
      }
    }
    double confLevel = request.confLevel();
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          source, null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    ModelFrame frame;
    double[] x;
    List<String> warnings = new ArrayList<>();
    String markerLabel;
    String marker = request.marker();
    if (request.formula() != null) {
      if (marker != null || request.time() != null || request.event() != null) {
        throw new InputException(
            source, null, null, "give either --formula or --time, --event and --marker, not both");
      }
      Formula formula = Formula.parse(request.formula());
      if (!(formula.response() instanceof SurvivalResponse)) {
        throw new InputException(
            source,
            null,
            null,
            "tdroc --formula needs a survival response, e.g. \"Surv(time, status) ~ age\"; got \""
                + request.formula()
                + "\"");
      }
      frame = frames.apply(formula);
      if (frame.strata() != null) {
        throw new InputException(
            source,
            null,
            null,
            "strata() is not supported by tdroc --formula: linear predictors of different strata are not comparable");
      }
      warnings.addAll(frame.warnings());
      ModelFrame f = frame;
      CoxFit fit =
          DataFile.analyse(
              source,
              null,
              () ->
                  CoxModel.fit(
                      f.time(),
                      f.status(),
                      f.design().columns(),
                      f.design().columnNames(),
                      null,
                      CoxOptions.defaults()));
      for (String w : fit.warnings()) {
        warnings.add("Cox model: " + w);
      }
      x = fit.linearPredictor();
      markerLabel = "Cox linear predictor of " + frame.formula();
    } else {
      if (marker == null || request.time() == null || request.event() == null) {
        throw new InputException(
            source, null, null, "give --time, --event and --marker (or --formula)");
      }
      frame =
          frames.apply(
              new Formula(
                  new SurvivalResponse(request.time(), request.event()),
                  List.of(new Term(marker, TermKind.AUTO))));
      for (Variable v : frame.variables()) {
        if (v.categorical()) {
          throw new InputException(
              source,
              null,
              v.name(),
              "must be numeric, but it has non-numeric values (levels " + v.levels() + ")");
        }
      }
      warnings.addAll(frame.warnings());
      x = frame.design().column(frame.variables().get(0).firstColumn()).clone();
      markerLabel = marker;
    }
    double[] t = frame.time();
    int[] status = frame.status();
    int n = t.length;
    int events = 0;
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      events += status[i];
      last = Math.max(last, t[i]);
    }
    if (n == 0) {
      throw new InputException(source, null, null, "no rows left after dropping missing values");
    }
    int k = times.length;
    int[] cases = new int[k];
    int[] controls = new int[k];
    List<Double> estimable = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (times[j] > last) {
        throw new InputException(
            source,
            null,
            null,
            "--at "
                + DecimalText.signif(times[j], 7)
                + " is beyond the last follow-up time "
                + DecimalText.signif(last, 7)
                + ": AUC(t) is not estimated there (no extrapolation)");
      }
      for (int i = 0; i < n; i++) {
        if (t[i] <= times[j] && status[i] == 1) {
          cases[j]++;
        } else if (t[i] > times[j]) {
          controls[j]++;
        }
      }
      if (cases[j] == 0) {
        warnings.add(
            "no events by time "
                + DecimalText.signif(times[j], 7)
                + ": AUC(t) has no cases and is not estimable (NA)");
      } else if (controls[j] == 0) {
        warnings.add(
            "no subject is followed beyond time "
                + DecimalText.signif(times[j], 7)
                + ": AUC(t) has no controls and is not estimable (NA)");
      } else {
        estimable.add(times[j]);
      }
    }
    TimeDependentAucPoint[] points = new TimeDependentAucPoint[k];
    String description = null;
    if (!estimable.isEmpty()) {
      double[] ok = estimable.stream().mapToDouble(Double::doubleValue).toArray();
      TimeDependentAucResult r =
          DataFile.analyse(
              source, null, () -> TimeDependentAuc.compute(t, status, x, ok, confLevel));
      description = r.method();
      warnings.addAll(r.warnings());
      for (int j = 0, e = 0; j < k; j++) {
        if (cases[j] > 0 && controls[j] > 0) {
          points[j] = r.points().get(e++);
        }
      }
    }
    return new Report(
        source,
        request,
        frame,
        markerLabel,
        events,
        cases,
        controls,
        Arrays.asList(points),
        description,
        warnings);
  }
}
