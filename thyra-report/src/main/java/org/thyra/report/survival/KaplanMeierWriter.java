package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.analysis.survival.KaplanMeierReport;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierPoint;
import org.thyra.stats.survival.KaplanMeierRow;
import org.thyra.stats.survival.SurvivalQuantile;

/** {@code thyra km}'s report in text (as R's print and summary of survfit), JSON and CSV. */
public final class KaplanMeierWriter {
  private KaplanMeierWriter() {}

  /** Writes the report in one format. */
  public static void write(KaplanMeierReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The JSON of {@code thyra km} (docs/CLI.md). */
  public static ObjectNode json(KaplanMeierReport report) {
    GroupedSurvival data = report.data();
    List<KaplanMeierCurve> curves = report.curves();
    String group = report.request().group();
    double confLevel = report.request().confLevel();
    List<Double> at = report.request().at();
    ObjectNode root = Json.object();
    root.put("analysis", "kaplan-meier");
    SurvivalJson.describe(
        root, report.source(), report.request().time(), report.request().event(), data);
    if (group != null) {
      root.put("group_variable", group);
    }
    root.put("n", data.frame().n());
    root.put("dropped_missing", data.frame().droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("estimator", "Kaplan-Meier");
    m.put("variance", "Greenwood");
    m.put("conf_type", curves.get(0).options().type().rName());
    m.put("conf_level", confLevel);
    m.put("median", "quantile.survfit (curve crossing)");
    m.put("description", report.method());
    root.set("warnings", Json.strings(report.warnings()));
    ArrayNode groups = root.putArray("groups");
    for (int g = 0; g < curves.size(); g++) {
      KaplanMeierCurve c = curves.get(g);
      ObjectNode gn = groups.addObject();
      gn.put("group", data.groupLevels().get(g));
      gn.put("n", c.n());
      gn.put("events", c.events());
      SurvivalQuantile med = c.median();
      ObjectNode mn = gn.putObject("median");
      mn.set("estimate", Json.number(med.estimate()));
      mn.set("lower", Json.number(med.lower()));
      mn.set("upper", Json.number(med.upper()));
      ArrayNode an = gn.putArray("at");
      for (double t : at) {
        Optional<KaplanMeierPoint> p = c.at(t);
        if (p.isEmpty()) {
          an.addNull();
          continue;
        }
        ObjectNode pn = an.addObject();
        pn.put("time", t);
        pn.put("n_risk", p.get().nRisk());
        pn.set("survival", Json.number(p.get().survival()));
        pn.set("std_err", Json.number(p.get().stdErr()));
        pn.set("lower", Json.number(p.get().lower()));
        pn.set("upper", Json.number(p.get().upper()));
      }
      ArrayNode tn = gn.putArray("table");
      for (KaplanMeierRow r : c.rows()) {
        ObjectNode rn = tn.addObject();
        rn.put("time", r.time());
        rn.put("n_risk", r.nRisk());
        rn.put("n_event", r.nEvent());
        rn.put("n_censor", r.nCensor());
        rn.set("survival", Json.number(r.survival()));
        rn.set("std_err", Json.number(r.stdErr()));
        rn.set("lower", Json.number(r.lower()));
        rn.set("upper", Json.number(r.upper()));
      }
    }
    return root;
  }

  /** With {@code --at}: the survival at those times; otherwise the full table. */
  public static CsvTable csv(KaplanMeierReport report) {
    GroupedSurvival data = report.data();
    List<KaplanMeierCurve> curves = report.curves();
    List<Double> at = report.request().at();
    if (!at.isEmpty()) {
      CsvTable t =
          new CsvTable(List.of("group", "time", "n_risk", "survival", "std_err", "lower", "upper"));
      for (int g = 0; g < curves.size(); g++) {
        for (double time : at) {
          Optional<KaplanMeierPoint> p = curves.get(g).at(time);
          String level = data.groupLevels().get(g);
          t.row(
              p.map(
                      x ->
                          List.of(
                              level,
                              Numbers.full(time),
                              Integer.toString(x.nRisk()),
                              Numbers.full(x.survival()),
                              Numbers.full(x.stdErr()),
                              Numbers.full(x.lower()),
                              Numbers.full(x.upper())))
                  .orElse(List.of(level, Numbers.full(time), "", "", "", "", "")));
        }
      }
      return t;
    }
    CsvTable t =
        new CsvTable(
            List.of(
                "group",
                "time",
                "n_risk",
                "n_event",
                "n_censor",
                "survival",
                "std_err",
                "lower",
                "upper"));
    for (int g = 0; g < curves.size(); g++) {
      for (KaplanMeierRow r : curves.get(g).rows()) {
        t.row(
            List.of(
                data.groupLevels().get(g),
                Numbers.full(r.time()),
                Integer.toString(r.nRisk()),
                Integer.toString(r.nEvent()),
                Integer.toString(r.nCensor()),
                Numbers.full(r.survival()),
                Numbers.full(r.stdErr()),
                Numbers.full(r.lower()),
                Numbers.full(r.upper())));
      }
    }
    return t;
  }

  /** Laid out like R's print(survfit) followed by summary(fit, times = at) or summary(fit). */
  public static void text(KaplanMeierReport report, PrintStream out) {
    GroupedSurvival data = report.data();
    List<KaplanMeierCurve> curves = report.curves();
    String group = report.request().group();
    double confLevel = report.request().confLevel();
    List<Double> at = report.request().at();
    String method = report.method();
    List<String> warnings = report.warnings();
    String lvl = Numbers.signif(confLevel, 3);
    out.printf(
        "Kaplan-Meier: Surv(%s, %s)%s   data: %s%n",
        report.request().time(),
        report.request().event(),
        group == null ? " ~ 1" : " ~ " + group,
        report.source());
    out.printf(
        "n = %d, %d rows dropped for missing values%n%n",
        data.frame().n(), data.frame().droppedMissing());
    TextTable summary =
        new TextTable(List.of("", "n", "events", "median", lvl + "LCL", lvl + "UCL"));
    for (int g = 0; g < curves.size(); g++) {
      KaplanMeierCurve c = curves.get(g);
      SurvivalQuantile med = c.median();
      summary.row(
          List.of(
              data.label(g),
              Integer.toString(c.n()),
              Integer.toString(c.events()),
              Numbers.signif(med.estimate(), 6),
              Numbers.signif(med.lower(), 6),
              Numbers.signif(med.upper(), 6)));
    }
    summary.print(out);
    for (int g = 0; g < curves.size(); g++) {
      KaplanMeierCurve c = curves.get(g);
      out.println();
      if (group != null) {
        out.println("                " + data.label(g));
      }
      String lower = "lower " + pct(confLevel) + " CI";
      String upper = "upper " + pct(confLevel) + " CI";
      TextTable t;
      if (!at.isEmpty()) {
        t = new TextTable(List.of("time", "n.risk", "survival", "std.err", lower, upper));
        for (double time : at) {
          Optional<KaplanMeierPoint> p = c.at(time);
          if (p.isEmpty()) {
            t.row(List.of(Numbers.signif(time, 7), "NA", "NA", "NA", "NA", "NA"));
          } else {
            KaplanMeierPoint x = p.get();
            t.row(
                List.of(
                    Numbers.signif(time, 7),
                    Integer.toString(x.nRisk()),
                    Numbers.signif(x.survival(), 4),
                    Numbers.signif(x.stdErr(), 4),
                    Numbers.signif(x.lower(), 4),
                    Numbers.signif(x.upper(), 4)));
          }
        }
      } else {
        t =
            new TextTable(
                List.of("time", "n.risk", "n.event", "survival", "std.err", lower, upper));
        for (KaplanMeierRow r : c.rows()) {
          if (r.nEvent() > 0) {
            t.row(
                List.of(
                    Numbers.signif(r.time(), 7),
                    Integer.toString(r.nRisk()),
                    Integer.toString(r.nEvent()),
                    Numbers.signif(r.survival(), 4),
                    Numbers.signif(r.stdErr(), 4),
                    Numbers.signif(r.lower(), 4),
                    Numbers.signif(r.upper(), 4)));
          }
        }
      }
      t.print(out);
    }
    if (!at.isEmpty()) {
      out.println();
      out.println("NA: the time is beyond the group's last follow-up (no extrapolation).");
    }
    out.println();
    out.println("Method: " + method + "; events coded " + data.frame().eventCoding().description());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }

  /** A confidence level as R prints it in a column name: {@code 95%}. */
  public static String pct(double level) {
    return Numbers.signif(level * 100, 4) + "%";
  }
}
