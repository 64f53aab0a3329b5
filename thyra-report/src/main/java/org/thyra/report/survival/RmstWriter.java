package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.analysis.survival.RmstAnalysis;
import org.thyra.analysis.survival.RmstReport;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.RestrictedMeanComparison;
import org.thyra.stats.survival.RestrictedMeanResult;

/** {@code thyra rmst}'s report in text, JSON and CSV. */
public final class RmstWriter {
  private RmstWriter() {}

  /** Writes the report in one format. */
  public static void write(RmstReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The JSON of {@code thyra rmst} (docs/CLI.md). */
  public static ObjectNode json(RmstReport report) {
    GroupedSurvival data = report.data();
    List<RestrictedMeanResult> results = report.groups();
    List<RestrictedMeanComparison> comparisons = report.comparisons();
    RmstAnalysis.Request request = report.request();
    String group = request.group();
    double tau = request.tau();
    double confLevel = request.confLevel();
    ObjectNode root = Json.object();
    root.put("analysis", "rmst");
    SurvivalJson.describe(root, report.source(), request.time(), request.event(), data);
    if (group != null) {
      root.put("group_variable", group);
    }
    root.put("tau", tau);
    root.put("n", data.frame().n());
    root.put("dropped_missing", data.frame().droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("estimator", "area under the Kaplan-Meier curve on [0, tau]");
    m.put("variance", "survfit(rmean = tau) / survRM2::rmst1 (Greenwood-type sum)");
    m.put("conf_type", "plain (RMST ± z·SE)");
    m.put("conf_level", confLevel);
    m.put(
        "comparison",
        "survRM2::rmst2: each group minus / over the reference (first) group; difference SE"
            + " sqrt(V1 + V0), ratio on the log scale; two-sided normal p-values");
    m.put("description", report.method());
    root.set("warnings", Json.strings(report.warnings()));
    ArrayNode groups = root.putArray("groups");
    for (int g = 0; g < results.size(); g++) {
      RestrictedMeanResult r = results.get(g);
      ObjectNode gn = groups.addObject();
      gn.put("group", data.groupLevels().get(g));
      gn.put("n", r.n());
      gn.put("events", r.events());
      gn.set("rmst", Json.number(r.rmst()));
      gn.set("se", Json.number(r.se()));
      gn.set("lower", Json.number(r.lower()));
      gn.set("upper", Json.number(r.upper()));
    }
    ArrayNode cn = root.putArray("comparisons");
    for (int g = 0; g < comparisons.size(); g++) {
      ObjectNode c = cn.addObject();
      c.put("group", data.groupLevels().get(g + 1));
      c.put("reference", data.groupLevels().get(0));
      fill(c, comparisons.get(g));
    }
    if (comparisons.size() == 1) {
      fill(root, comparisons.get(0));
    }
    return root;
  }

  private static void fill(ObjectNode node, RestrictedMeanComparison c) {
    ObjectNode d = node.putObject("difference");
    d.set("estimate", Json.number(c.difference()));
    d.set("se", Json.number(c.differenceSe()));
    d.set("lower", Json.number(c.differenceLower()));
    d.set("upper", Json.number(c.differenceUpper()));
    d.set("p", Json.number(c.differenceP()));
    ObjectNode r = node.putObject("ratio");
    r.set("estimate", Json.number(c.ratio()));
    r.set("lower", Json.number(c.ratioLower()));
    r.set("upper", Json.number(c.ratioUpper()));
    r.set("p", Json.number(c.ratioP()));
  }

  public static CsvTable csv(RmstReport report) {
    GroupedSurvival data = report.data();
    List<RestrictedMeanResult> results = report.groups();
    List<RestrictedMeanComparison> comparisons = report.comparisons();
    double tau = report.request().tau();
    CsvTable t =
        new CsvTable(List.of("row", "group", "estimate", "se", "lower", "upper", "p", "tau"));
    for (int g = 0; g < results.size(); g++) {
      RestrictedMeanResult r = results.get(g);
      t.row(
          List.of(
              "rmst",
              data.groupLevels().get(g),
              Numbers.full(r.rmst()),
              Numbers.full(r.se()),
              Numbers.full(r.lower()),
              Numbers.full(r.upper()),
              "",
              Numbers.full(tau)));
    }
    for (int g = 0; g < comparisons.size(); g++) {
      RestrictedMeanComparison c = comparisons.get(g);
      String label = data.groupLevels().get(g + 1) + " vs " + data.groupLevels().get(0);
      t.row(
          List.of(
              "difference",
              label,
              Numbers.full(c.difference()),
              Numbers.full(c.differenceSe()),
              Numbers.full(c.differenceLower()),
              Numbers.full(c.differenceUpper()),
              Numbers.full(c.differenceP()),
              Numbers.full(tau)));
      t.row(
          List.of(
              "ratio",
              label,
              Numbers.full(c.ratio()),
              "",
              Numbers.full(c.ratioLower()),
              Numbers.full(c.ratioUpper()),
              Numbers.full(c.ratioP()),
              Numbers.full(tau)));
    }
    return t;
  }

  /** Laid out like R's print(survfit, rmean = tau) followed by rmst2's contrast table. */
  public static void text(RmstReport report, PrintStream out) {
    GroupedSurvival data = report.data();
    List<RestrictedMeanResult> results = report.groups();
    List<RestrictedMeanComparison> comparisons = report.comparisons();
    RmstAnalysis.Request request = report.request();
    String group = request.group();
    double tau = request.tau();
    double confLevel = request.confLevel();
    String pct = KaplanMeierWriter.pct(confLevel);
    out.printf(
        "Restricted mean survival time up to tau = %s: Surv(%s, %s)%s   data: %s%n",
        Numbers.signif(tau, 7),
        request.time(),
        request.event(),
        group == null ? " ~ 1" : " ~ " + group,
        report.source());
    out.printf(
        "n = %d, %d rows dropped for missing values%n%n",
        data.frame().n(), data.frame().droppedMissing());
    TextTable t =
        new TextTable(List.of("", "n", "events", "rmean", "se(rmean)", "lower " + pct, "upper"));
    for (int g = 0; g < results.size(); g++) {
      RestrictedMeanResult r = results.get(g);
      t.row(
          List.of(
              data.label(g),
              Integer.toString(r.n()),
              Integer.toString(r.events()),
              Numbers.signif(r.rmst(), 6),
              Numbers.signif(r.se(), 6),
              Numbers.signif(r.lower(), 6),
              Numbers.signif(r.upper(), 6)));
    }
    t.print(out);
    if (!comparisons.isEmpty()) {
      out.println();
      TextTable c =
          new TextTable(List.of("", "estimate", "lower " + pct, "upper", "p", "vs reference"));
      for (int g = 0; g < comparisons.size(); g++) {
        RestrictedMeanComparison x = comparisons.get(g);
        String vs = data.label(g + 1) + " vs " + data.label(0);
        c.row(
            List.of(
                "RMST difference",
                Numbers.signif(x.difference(), 6),
                Numbers.signif(x.differenceLower(), 6),
                Numbers.signif(x.differenceUpper(), 6),
                Numbers.pValue(x.differenceP()),
                vs));
        c.row(
            List.of(
                "RMST ratio",
                Numbers.signif(x.ratio(), 6),
                Numbers.signif(x.ratioLower(), 6),
                Numbers.signif(x.ratioUpper(), 6),
                Numbers.pValue(x.ratioP()),
                vs));
      }
      c.print(out);
    }
    out.println();
    out.println(
        "Method: "
            + report.method()
            + "; events coded "
            + data.frame().eventCoding().description());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
