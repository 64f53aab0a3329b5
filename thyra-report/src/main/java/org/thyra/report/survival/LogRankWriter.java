package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.LogRankPair;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;

/** {@code thyra logrank}'s report in text (as R's print(survdiff)), JSON and CSV. */
public final class LogRankWriter {
  private LogRankWriter() {}

  /** Writes the report in one format. */
  public static void write(LogRankReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The JSON of {@code thyra logrank} (docs/CLI.md). */
  public static ObjectNode json(LogRankReport report) {
    GroupedSurvival data = report.data();
    LogRankResult r = report.test();
    LogRankPairwiseResult pairs = report.pairs();
    List<String> warnings = report.warnings();
    String group = report.request().group();
    List<String> strata = report.request().strata();
    double rho = report.request().rho();
    double confLevel = report.request().confLevel();
    ObjectNode root = Json.object();
    root.put("analysis", "log-rank");
    SurvivalJson.describe(
        root, report.source(), report.request().time(), report.request().event(), data);
    root.put("group_variable", group);
    root.set("strata", Json.strings(strata));
    root.put("n", data.frame().n());
    root.put("dropped_missing", data.frame().droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("test", rho == 0 ? "log-rank" : "G-rho");
    m.put("rho", rho);
    m.put("stratified", !strata.isEmpty());
    m.put("df", "groups with expected > 0 minus 1 (as survdiff)");
    if (pairs != null) {
      m.put("pairwise_adjustment", pairs.adjustment().rName());
      m.put(
          "pairwise_hazard_ratio",
          "Cox model on the pair's rows, Efron ties, Wald CI, level " + confLevel);
    }
    m.put("description", r.method());
    root.set("warnings", Json.strings(warnings));
    root.set("statistic", Json.number(r.statistic()));
    root.put("df", r.df());
    root.set("p", Json.number(r.p()));
    ArrayNode groups = root.putArray("groups");
    for (int g = 0; g < data.groupLevels().size(); g++) {
      ObjectNode gn = groups.addObject();
      gn.put("group", data.groupLevels().get(g));
      gn.put("n", r.n()[g]);
      gn.set("observed", Json.number(r.observed()[g]));
      gn.set("expected", Json.number(r.expected()[g]));
    }
    root.set("pairwise", pairsJson(pairs, data));
    return root;
  }

  /**
   * The JSON array {@code pairwise[]: {a, b, statistic, p, p_adjusted, hr, hr_lower, hr_upper}}
   * (empty when no pairwise tests were asked), shared by the weighted log-rank.
   */
  static ArrayNode pairsJson(LogRankPairwiseResult pairs, GroupedSurvival data) {
    ArrayNode pn = Json.object().arrayNode();
    if (pairs != null) {
      for (LogRankPair p : pairs.pairs()) {
        ObjectNode o = pn.addObject();
        o.put("a", data.groupLevels().get(p.a()));
        o.put("b", data.groupLevels().get(p.b()));
        o.set("statistic", Json.number(p.statistic()));
        o.set("p", Json.number(p.p()));
        o.set("p_adjusted", Json.number(p.pAdjusted()));
        o.set("hr", Json.number(p.hazardRatio()));
        o.set("hr_lower", Json.number(p.hazardRatioLower()));
        o.set("hr_upper", Json.number(p.hazardRatioUpper()));
      }
    }
    return pn;
  }

  /** The text table of the pairwise tests, shared by the weighted log-rank. */
  static TextTable pairsTable(LogRankPairwiseResult pairs, GroupedSurvival data, double confLevel) {
    TextTable pt =
        new TextTable(
            List.of(
                "a",
                "b",
                "Chisq",
                "p",
                "p.adj",
                "HR",
                "lower " + KaplanMeierWriter.pct(confLevel),
                "upper " + KaplanMeierWriter.pct(confLevel)));
    for (LogRankPair p : pairs.pairs()) {
      pt.row(
          List.of(
              data.label(p.a()),
              data.label(p.b()),
              Numbers.signif(p.statistic(), 5),
              Numbers.pValue(p.p()),
              Numbers.pValue(p.pAdjusted()),
              Numbers.signif(p.hazardRatio(), 4),
              Numbers.signif(p.hazardRatioLower(), 4),
              Numbers.signif(p.hazardRatioUpper(), 4)));
    }
    return pt;
  }

  public static CsvTable csv(LogRankReport report) {
    GroupedSurvival data = report.data();
    LogRankResult r = report.test();
    CsvTable t =
        new CsvTable(List.of("group", "n", "observed", "expected", "statistic", "df", "p"));
    for (int g = 0; g < data.groupLevels().size(); g++) {
      t.row(
          List.of(
              data.groupLevels().get(g),
              Integer.toString(r.n()[g]),
              Numbers.full(r.observed()[g]),
              Numbers.full(r.expected()[g]),
              Numbers.full(r.statistic()),
              Integer.toString(r.df()),
              Numbers.full(r.p())));
    }
    return t;
  }

  /** Laid out like R's print(survdiff), then the pairwise table. */
  public static void text(LogRankReport report, PrintStream out) {
    GroupedSurvival data = report.data();
    LogRankResult r = report.test();
    LogRankPairwiseResult pairs = report.pairs();
    List<String> warnings = report.warnings();
    String group = report.request().group();
    List<String> strata = report.request().strata();
    double rho = report.request().rho();
    double confLevel = report.request().confLevel();
    out.printf(
        "%s: Surv(%s, %s) ~ %s%s   data: %s%n",
        rho == 0 ? "Log-rank test" : "G-rho test (rho = " + Numbers.signif(rho, 4) + ")",
        report.request().time(),
        report.request().event(),
        group,
        strata.isEmpty() ? "" : " + strata(" + String.join(", ", strata) + ")",
        report.source());
    out.printf(
        "n = %d, %d rows dropped for missing values%n%n",
        data.frame().n(), data.frame().droppedMissing());
    TextTable t = new TextTable(List.of("", "N", "Observed", "Expected", "(O-E)^2/E", "(O-E)^2/V"));
    for (int g = 0; g < data.groupLevels().size(); g++) {
      double o = r.observed()[g];
      double e = r.expected()[g];
      double v = r.variance()[g][g];
      t.row(
          List.of(
              data.label(g),
              Integer.toString(r.n()[g]),
              Numbers.signif(o, 6),
              Numbers.signif(e, 6),
              Numbers.signif((o - e) * (o - e) / e, 4),
              Numbers.signif((o - e) * (o - e) / v, 4)));
    }
    t.print(out);
    out.printf(
        "%n Chisq= %s  on %d degrees of freedom, p= %s%n",
        Numbers.signif(r.statistic(), 6), r.df(), Numbers.pValue(r.p()));
    if (pairs != null) {
      out.printf(
          "%nPairwise comparisons (p adjusted by %s; HR of the second group vs the first)%n",
          pairs.adjustment().rName());
      TextTable pt = pairsTable(pairs, data, confLevel);
      pt.print(out);
    }
    out.println();
    out.println(
        "Method: "
            + r.method()
            + (pairs != null ? "; " + pairs.method() : "")
            + "; events coded "
            + data.frame().eventCoding().description());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
