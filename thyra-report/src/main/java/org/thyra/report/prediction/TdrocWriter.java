package org.thyra.report.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.prediction.TdrocAnalysis;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.TimeAucFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.prediction.TimeDependentAucPoint;

/** {@code thyra tdroc}'s report in text (as {@code print(Score(...)$AUC$score)}), JSON and CSV. */
public final class TdrocWriter {
  private final TdrocAnalysis.Report report;

  public TdrocWriter(TdrocAnalysis.Report report) {
    this.report = report;
  }

  /** Writes the report in one format. */
  public void write(OutputFormat format, PrintStream out) throws IOException {
    switch (format) {
      case JSON -> Json.write(json(), out);
      case CSV -> csv().print(out);
      default -> text(out);
    }
  }

  /** AUC(t) with its CI over time. */
  public TimeAucFigure figure(FigureSpec spec) {
    ModelFrame frame = report.frame();
    return new TimeAucFigure(
        report.estimable(),
        report.fromFormula() ? "Cox linear predictor" : report.request().marker(),
        spec.timeUnit()
            .axisTitle(
                frame.formula().response() instanceof SurvivalResponse s ? s.time() : "time"),
        spec);
  }

  /** The JSON of SPEC §5: {@code at[]:{time, auc, se, lower, upper, cases, controls}}. */
  public ObjectNode json() {
    TdrocAnalysis.Request q = report.request();
    ModelFrame frame = report.frame();
    ObjectNode root = Json.object();
    root.put("analysis", "tdroc");
    root.put("data", report.source());
    if (report.fromFormula()) {
      root.put("formula", frame.formula().toString());
    } else {
      root.put("time", q.time());
      root.put("event", q.event());
      root.put("marker", q.marker());
    }
    root.put("event_coding", frame.eventCoding().description());
    root.put("n", frame.n());
    root.put("events", report.events());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("weights", "marginal Kaplan\u2013Meier (IPCW)");
    m.put("definition", "cumulative/dynamic");
    m.put(
        "marker",
        report.fromFormula()
            ? "Cox linear predictor fitted on the same data (Efron ties): apparent AUC, optimistic"
            : "column " + q.marker());
    m.put("direction", "a higher marker means higher risk (as riskRegression::Score)");
    m.put("ties", "case and control tied on the marker count 1/2");
    m.put(
        "se",
        "influence function including the Kaplan\u2013Meier censoring term (Score, conservative = FALSE)");
    m.put("ci", "Wald, clipped to [0, 1]");
    m.put("conf_level", q.confLevel());
    m.put(
        "not_estimable",
        "AUC null when there is no case (before the first event) or no control (at the last"
            + " follow-up); times after the last follow-up are refused");
    if (report.description() != null) {
      m.put("description", report.description());
    }
    root.set("warnings", Json.strings(report.warnings()));
    ArrayNode arr = root.putArray("at");
    double[] times = report.times();
    int[] cases = report.cases();
    int[] controls = report.controls();
    for (int j = 0; j < times.length; j++) {
      ObjectNode p = arr.addObject();
      p.put("time", times[j]);
      TimeDependentAucPoint pt = report.points().get(j);
      p.set("auc", Json.number(pt == null ? Double.NaN : pt.auc()));
      p.set("se", Json.number(pt == null ? Double.NaN : pt.se()));
      p.set("lower", Json.number(pt == null ? Double.NaN : pt.lower()));
      p.set("upper", Json.number(pt == null ? Double.NaN : pt.upper()));
      p.put("cases", cases[j]);
      p.put("controls", controls[j]);
    }
    return root;
  }

  private CsvTable csv() {
    CsvTable t = new CsvTable(List.of("time", "auc", "se", "lower", "upper", "cases", "controls"));
    double[] times = report.times();
    int[] cases = report.cases();
    int[] controls = report.controls();
    for (int j = 0; j < times.length; j++) {
      TimeDependentAucPoint p = report.points().get(j);
      t.row(
          List.of(
              Numbers.full(times[j]),
              Numbers.full(p == null ? Double.NaN : p.auc()),
              Numbers.full(p == null ? Double.NaN : p.se()),
              Numbers.full(p == null ? Double.NaN : p.lower()),
              Numbers.full(p == null ? Double.NaN : p.upper()),
              Integer.toString(cases[j]),
              Integer.toString(controls[j])));
    }
    return t;
  }

  private static String signif(double v) {
    return Numbers.signif(v, 4);
  }

  /** Laid out like print(Score(...)$AUC$score). */
  private void text(PrintStream out) {
    ModelFrame frame = report.frame();
    out.printf(
        "Time-dependent AUC (cumulative/dynamic, IPCW marginal Kaplan-Meier)   data: %s%n",
        report.source());
    out.printf("marker: %s (higher = higher risk)%n", report.markerLabel());
    out.printf(
        "n= %d, events= %d%s%n%n",
        frame.n(),
        report.events(),
        frame.droppedMissing() > 0
            ? "   (" + frame.droppedMissing() + " observations deleted due to missingness)"
            : "");
    int pct = (int) Math.round(report.request().confLevel() * 100);
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
    double[] times = report.times();
    int[] cases = report.cases();
    int[] controls = report.controls();
    for (int j = 0; j < times.length; j++) {
      TimeDependentAucPoint p = report.points().get(j);
      t.row(
          List.of(
              Numbers.signif(times[j], 7),
              signif(p == null ? Double.NaN : p.auc()),
              signif(p == null ? Double.NaN : p.se()),
              signif(p == null ? Double.NaN : p.lower()),
              signif(p == null ? Double.NaN : p.upper()),
              Integer.toString(cases[j]),
              Integer.toString(controls[j])));
    }
    t.print(out);
    out.println();
    out.println("Method: " + report.method());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
