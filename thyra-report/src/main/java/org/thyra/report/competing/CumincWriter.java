package org.thyra.report.competing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.competing.CompetingOutcome;
import org.thyra.analysis.competing.CumincAnalysis;
import org.thyra.analysis.competing.CumincReport;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.competing.GrayTestResult;
import org.thyra.stats.competing.IncidenceCurve;

/** {@code thyra cuminc}'s report in text, JSON and CSV. */
public final class CumincWriter {
  private CumincWriter() {}

  /** Writes the report in one format. */
  public static void write(CumincReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The JSON of {@code thyra cuminc} (docs/CLI.md). */
  public static ObjectNode json(CumincReport report) {
    CompetingOutcome data = report.data();
    List<String> levels = report.levels();
    List<Integer> present = report.present();
    List<List<IncidenceCurve>> curves = report.curves();
    CumincAnalysis.Request request = report.request();
    String group = request.group();
    List<Double> at = request.at();
    String strata = request.strata();
    double confLevel = request.confLevel();
    ObjectNode root = Json.object();
    root.put("analysis", "cumulative-incidence");
    root.put("data", report.source());
    root.put("time", request.time());
    root.put("event", request.event());
    root.put("censor_code", data.censorCode());
    if (group != null) {
      root.put("group_variable", group);
    }
    if (strata != null) {
      root.put("strata_variable", strata);
    }
    root.put("n", data.time().length);
    root.put("dropped_missing", data.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("estimator", "Aalen-Johansen cumulative incidence (cmprsk::cuminc)");
    m.put("variance", "Gray's delta-method variance (cmprsk::cuminc)");
    m.put("conf_type", "log-log: F^exp(±z·SE/(F·|log F|)) (as tidycmprsk)");
    m.put("conf_level", confLevel);
    m.put(
        "test",
        "Gray's k-sample test, weight (1 - F(t-))^rho, rho = "
            + Numbers.signif(request.rho(), 6)
            + (strata == null ? "" : ", stratified by " + strata));
    root.set("warnings", Json.strings(report.warnings()));
    ArrayNode causes = root.putArray("causes");
    for (int k = 0; k < curves.size(); k++) {
      ObjectNode cn = causes.addObject();
      cn.put("cause", data.causes().get(k));
      ArrayNode gs = cn.putArray("groups");
      for (int g : present) {
        IncidenceCurve c = curves.get(k).get(g);
        ObjectNode gn = gs.addObject();
        gn.put("group", levels.get(g));
        gn.put("n", c.n());
        gn.put("events", c.events());
        ArrayNode an = gn.putArray("at");
        for (double t : at) {
          if (!(t <= c.lastTime())) {
            an.addNull();
            continue;
          }
          point(report, an.addObject(), t, c.estimateAt(t), c.varianceAt(t));
        }
        ArrayNode tn = gn.putArray("table");
        for (int j = 0; j < c.jumpTimes().length; j++) {
          point(report, tn.addObject(), c.jumpTimes()[j], c.estimate()[j], c.variance()[j]);
        }
      }
      GrayTestResult r = report.gray().get(k);
      if (r == null) {
        cn.putNull("gray");
      } else {
        ObjectNode gn = cn.putObject("gray");
        gn.set("statistic", Json.number(r.statistic()));
        gn.put("df", r.df());
        gn.set("p", Json.number(r.p()));
      }
    }
    return root;
  }

  private static void point(
      CumincReport report, ObjectNode node, double t, double estimate, double variance) {
    double[] ci = report.interval(estimate, variance);
    node.put("time", t);
    node.set("estimate", Json.number(estimate));
    node.set("variance", Json.number(variance));
    node.set("lower", Json.number(ci[0]));
    node.set("upper", Json.number(ci[1]));
  }

  /** With {@code --at}: the incidence at those times; otherwise at every jump. */
  public static CsvTable csv(CumincReport report) {
    CompetingOutcome data = report.data();
    List<String> levels = report.levels();
    List<Integer> present = report.present();
    List<List<IncidenceCurve>> curves = report.curves();
    CumincAnalysis.Request request = report.request();
    String group = request.group();
    List<Double> at = request.at();
    CsvTable t =
        new CsvTable(List.of("cause", "group", "time", "estimate", "variance", "lower", "upper"));
    for (int k = 0; k < curves.size(); k++) {
      for (int g : present) {
        IncidenceCurve c = curves.get(k).get(g);
        double[] times = at.isEmpty() ? c.jumpTimes() : at.stream().mapToDouble(d -> d).toArray();
        for (double x : times) {
          double e = c.estimateAt(x);
          double v = c.varianceAt(x);
          double[] ci = report.interval(e, v);
          t.row(
              List.of(
                  data.causes().get(k),
                  levels.get(g),
                  Numbers.full(x),
                  Numbers.full(e),
                  Numbers.full(v),
                  Numbers.full(ci[0]),
                  Numbers.full(ci[1])));
        }
      }
    }
    return t;
  }

  public static void text(CumincReport report, PrintStream out) {
    CompetingOutcome data = report.data();
    List<String> levels = report.levels();
    List<Integer> present = report.present();
    List<List<IncidenceCurve>> curves = report.curves();
    CumincAnalysis.Request request = report.request();
    String group = request.group();
    List<Double> at = request.at();
    List<GrayTestResult> gray = report.gray();
    double confLevel = request.confLevel();
    out.printf(
        "Cumulative incidence: time %s, status %s (censored = %s)%s   data: %s%n",
        request.time(),
        request.event(),
        data.censorCode(),
        group == null ? "" : ", by " + group,
        report.source());
    int[] counts = data.counts();
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < data.causes().size(); k++) {
      sb.append(", cause ").append(data.causes().get(k)).append(": ").append(counts[k + 1]);
    }
    out.printf(
        "n = %d (censored %d%s), %d rows dropped for missing values%n",
        data.time().length, counts[0], sb, data.droppedMissing());
    String pct = Numbers.signif(confLevel * 100, 4) + "%";
    for (int k = 0; k < curves.size(); k++) {
      out.println();
      out.println("Cause " + data.causes().get(k));
      if (gray.get(k) != null) {
        out.printf(
            "  Gray's test: chisq = %s on %d df, p = %s%n",
            Numbers.signif(gray.get(k).statistic(), 6),
            gray.get(k).df(),
            Numbers.pValue(gray.get(k).p()));
      }
      TextTable t =
          new TextTable(
              List.of("", "time", "estimate", "variance", "lower " + pct, "upper " + pct));
      for (int g : present) {
        IncidenceCurve c = curves.get(k).get(g);
        double[] times = at.isEmpty() ? c.jumpTimes() : at.stream().mapToDouble(d -> d).toArray();
        for (double x : times) {
          double e = c.estimateAt(x);
          double v = c.varianceAt(x);
          double[] ci = report.interval(e, v);
          t.row(
              List.of(
                  report.label(g),
                  Numbers.signif(x, 7),
                  Numbers.signif(e, 4),
                  Numbers.signif(v, 4),
                  Numbers.signif(ci[0], 4),
                  Numbers.signif(ci[1], 4)));
        }
      }
      t.print(out);
    }
    out.println();
    out.println("Method: " + report.method());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
