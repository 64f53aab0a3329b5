package org.thyra.app.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.report.figure.TimeAucFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.prediction.TimeDependentAuc;
import org.thyra.stats.prediction.TimeDependentAucPoint;
import org.thyra.stats.prediction.TimeDependentAucResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra tdroc}: cumulative/dynamic time-dependent AUC with marginal Kaplan–Meier IPCW, as
 * {@code riskRegression::Score(list(marker), Hist(time, status) ~ 1, metrics = "auc", cens.model =
 * "marginal", se.fit = TRUE)} (issue 4).
 *
 * <p>As Score: a time at which there is no case (before the first event) or no control (the last
 * follow-up time itself) has AUC {@code null} with a warning; a time after the last follow-up,
 * which Score leaves out, is refused (no extrapolation).
 */
@Command(
    name = "tdroc",
    mixinStandardHelpOptions = true,
    description =
        "Time-dependent (cumulative/dynamic) AUC at chosen times with marginal Kaplan-Meier censoring"
            + " weights, SE and CI, as riskRegression::Score(metrics = \"auc\", cens.model = \"marginal\")."
            + " A higher marker means higher risk. --formula uses the Cox linear predictor fitted on the"
            + " same data (apparent AUC).")
public final class TdrocCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(names = "--time", description = "Follow-up time column (with --marker).")
  String time;

  @Option(
      names = "--event",
      description = "Event column: 0/1, 1/2, TRUE/FALSE or yes/no (with --marker).")
  String event;

  @Option(
      names = "--marker",
      description = "Numeric risk marker column: a higher value means higher risk.")
  String marker;

  @Option(
      names = "--formula",
      description =
          "Instead of --marker: \"Surv(T, E) ~ a + factor(b)\"; the marker is the Cox (Efron) linear"
              + " predictor fitted on the same rows (apparent, optimistic AUC).")
  String formulaText;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "T[,T...]",
      description = "Times t for AUC(t), e.g. 36,60.")
  String at;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    double[] times = parseTimes();
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          input.source(), null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    ModelFrame frame;
    double[] x;
    List<String> warnings = new ArrayList<>();
    String markerLabel;
    if (formulaText != null) {
      if (marker != null || time != null || event != null) {
        throw new InputException(
            input.source(),
            null,
            null,
            "give either --formula or --time, --event and --marker, not both");
      }
      Formula formula = Formula.parse(formulaText);
      if (!(formula.response() instanceof SurvivalResponse)) {
        throw new InputException(
            input.source(),
            null,
            null,
            "tdroc --formula needs a survival response, e.g. \"Surv(time, status) ~ age\"; got \""
                + formulaText
                + "\"");
      }
      frame = input.modelFrame(formula);
      if (frame.strata() != null) {
        throw new InputException(
            input.source(),
            null,
            null,
            "strata() is not supported by tdroc --formula: linear predictors of different strata are not comparable");
      }
      warnings.addAll(frame.warnings());
      ModelFrame f = frame;
      CoxFit fit =
          input.analyse(
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
      if (marker == null || time == null || event == null) {
        throw new InputException(
            input.source(), null, null, "give --time, --event and --marker (or --formula)");
      }
      frame =
          input.modelFrame(
              new Formula(
                  new SurvivalResponse(time, event), List.of(new Term(marker, TermKind.AUTO))));
      for (Variable v : frame.variables()) {
        if (v.categorical()) {
          throw new InputException(
              input.source(),
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
    Estimate estimate = estimate(t, status, x, times, warnings);
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, estimate, markerLabel, warnings), out);
            case CSV -> csv(estimate).print(out);
            default -> text(frame, estimate, markerLabel, warnings, out);
          }
        });
    figure.write(
        spec ->
            new TimeAucFigure(
                new TimeDependentAucResult(
                    java.util.Arrays.stream(estimate.points())
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                    confLevel,
                    estimate.description(),
                    List.of()),
                formulaText != null ? "Cox linear predictor" : marker,
                spec.timeUnit()
                    .axisTitle(
                        frame.formula().response() instanceof SurvivalResponse s
                            ? s.time()
                            : "time"),
                spec));
    return 0;
  }

  /** The AUC per requested time, null where Score gives NaN (no case or no control). */
  record Estimate(
      int events,
      double[] times,
      int[] cases,
      int[] controls,
      TimeDependentAucPoint[] points,
      String description) {}

  private Estimate estimate(
      double[] t, int[] status, double[] x, double[] times, List<String> warnings) {
    int n = t.length;
    int events = 0;
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      events += status[i];
      last = Math.max(last, t[i]);
    }
    if (n == 0) {
      throw new InputException(
          input.source(), null, null, "no rows left after dropping missing values");
    }
    int k = times.length;
    int[] cases = new int[k];
    int[] controls = new int[k];
    List<Double> estimable = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (times[j] > last) {
        throw new InputException(
            input.source(),
            null,
            null,
            "--at "
                + Numbers.signif(times[j], 7)
                + " is beyond the last follow-up time "
                + Numbers.signif(last, 7)
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
                + Numbers.signif(times[j], 7)
                + ": AUC(t) has no cases and is not estimable (NA)");
      } else if (controls[j] == 0) {
        warnings.add(
            "no subject is followed beyond time "
                + Numbers.signif(times[j], 7)
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
          input.analyse(null, () -> TimeDependentAuc.compute(t, status, x, ok, confLevel));
      description = r.method();
      warnings.addAll(r.warnings());
      for (int j = 0, e = 0; j < k; j++) {
        if (cases[j] > 0 && controls[j] > 0) {
          points[j] = r.points().get(e++);
        }
      }
    }
    return new Estimate(events, times, cases, controls, points, description);
  }

  private double[] parseTimes() {
    String[] parts = at.split(",", -1);
    double[] times = new double[parts.length];
    for (int j = 0; j < parts.length; j++) {
      String p = parts[j].strip();
      double v;
      try {
        v = Double.parseDouble(p);
      } catch (NumberFormatException e) {
        throw new InputException(
            input.source(), null, null, "--at must be comma-separated numbers, got \"" + at + "\"");
      }
      if (!Double.isFinite(v) || v < 0) {
        throw new InputException(
            input.source(), null, null, "--at times must be finite and >= 0, got " + p);
      }
      times[j] = v;
    }
    return times;
  }

  private ObjectNode json(ModelFrame frame, Estimate e, String markerLabel, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "tdroc");
    root.put("data", input.source());
    if (formulaText != null) {
      root.put("formula", frame.formula().toString());
    } else {
      root.put("time", time);
      root.put("event", event);
      root.put("marker", marker);
    }
    root.put("event_coding", frame.eventCoding().description());
    root.put("n", frame.n());
    root.put("events", e.events());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("weights", "marginal Kaplan\u2013Meier (IPCW)");
    m.put("definition", "cumulative/dynamic");
    m.put(
        "marker",
        formulaText != null
            ? "Cox linear predictor fitted on the same data (Efron ties): apparent AUC, optimistic"
            : "column " + marker);
    m.put("direction", "a higher marker means higher risk (as riskRegression::Score)");
    m.put("ties", "case and control tied on the marker count 1/2");
    m.put(
        "se",
        "influence function including the Kaplan\u2013Meier censoring term (Score, conservative = FALSE)");
    m.put("ci", "Wald, clipped to [0, 1]");
    m.put("conf_level", confLevel);
    m.put(
        "not_estimable",
        "AUC null when there is no case (before the first event) or no control (at the last"
            + " follow-up); times after the last follow-up are refused");
    if (e.description() != null) {
      m.put("description", e.description());
    }
    root.set("warnings", Json.strings(warnings));
    ArrayNode arr = root.putArray("at");
    for (int j = 0; j < e.times().length; j++) {
      ObjectNode p = arr.addObject();
      p.put("time", e.times()[j]);
      TimeDependentAucPoint pt = e.points()[j];
      p.set("auc", Json.number(pt == null ? Double.NaN : pt.auc()));
      p.set("se", Json.number(pt == null ? Double.NaN : pt.se()));
      p.set("lower", Json.number(pt == null ? Double.NaN : pt.lower()));
      p.set("upper", Json.number(pt == null ? Double.NaN : pt.upper()));
      p.put("cases", e.cases()[j]);
      p.put("controls", e.controls()[j]);
    }
    return root;
  }

  private static CsvTable csv(Estimate e) {
    CsvTable t = new CsvTable(List.of("time", "auc", "se", "lower", "upper", "cases", "controls"));
    for (int j = 0; j < e.times().length; j++) {
      TimeDependentAucPoint p = e.points()[j];
      t.row(
          List.of(
              Numbers.full(e.times()[j]),
              full(p == null ? Double.NaN : p.auc()),
              full(p == null ? Double.NaN : p.se()),
              full(p == null ? Double.NaN : p.lower()),
              full(p == null ? Double.NaN : p.upper()),
              Integer.toString(e.cases()[j]),
              Integer.toString(e.controls()[j])));
    }
    return t;
  }

  private static String full(double v) {
    return Numbers.full(v);
  }

  private static String signif(double v) {
    return Numbers.signif(v, 4);
  }

  /** Laid out like print(Score(...)$AUC$score). */
  private void text(
      ModelFrame frame, Estimate e, String markerLabel, List<String> warnings, PrintStream out) {
    out.printf(
        "Time-dependent AUC (cumulative/dynamic, IPCW marginal Kaplan-Meier)   data: %s%n",
        input.source());
    out.printf("marker: %s (higher = higher risk)%n", markerLabel);
    out.printf(
        "n= %d, events= %d%s%n%n",
        frame.n(),
        e.events(),
        frame.droppedMissing() > 0
            ? "   (" + frame.droppedMissing() + " observations deleted due to missingness)"
            : "");
    int pct = (int) Math.round(confLevel * 100);
    TextTable t =
        new TextTable(
            List.of(
                "times",
                "AUC",
                "se",
                "lower " + pct + "%",
                "upper " + pct + "%",
                "cases",
                "controls"));
    for (int j = 0; j < e.times().length; j++) {
      TimeDependentAucPoint p = e.points()[j];
      t.row(
          List.of(
              Numbers.signif(e.times()[j], 7),
              signif(p == null ? Double.NaN : p.auc()),
              signif(p == null ? Double.NaN : p.se()),
              signif(p == null ? Double.NaN : p.lower()),
              signif(p == null ? Double.NaN : p.upper()),
              Integer.toString(e.cases()[j]),
              Integer.toString(e.controls()[j])));
    }
    t.print(out);
    out.println();
    out.println(
        "Method: "
            + (e.description() != null
                ? e.description()
                : "cumulative/dynamic AUC, IPCW marginal Kaplan-Meier")
            + "; events coded "
            + frame.eventCoding().description());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
