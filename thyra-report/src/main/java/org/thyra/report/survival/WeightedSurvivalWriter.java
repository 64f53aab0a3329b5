package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.analysis.survival.WeightedSurvivalAnalysis;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.SurvivalQuantile;
import org.thyra.stats.survival.WeightedKaplanMeier;
import org.thyra.stats.survival.WeightedLogRank;

/**
 * {@code thyra km --weights} and {@code thyra logrank --weights}: the fields of the unweighted
 * commands, with weighted counts (n_risk, n_event, n_censor, events, observed, expected are sums of
 * weights) and the variance / test stated in {@code method}.
 */
public final class WeightedSurvivalWriter {
  private WeightedSurvivalWriter() {}

  /** Writes the weighted KM report. */
  public static void write(
      WeightedSurvivalAnalysis.KmReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** Writes the weighted log-rank report. */
  public static void write(
      WeightedSurvivalAnalysis.LogRankReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  private static double weightSum(GroupedSurvival data, double[] w, int g) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      if (data.groupCodes()[i] == g) {
        s += w[i];
      }
    }
    return s;
  }

  /** JSON of a weighted KM. */
  public static ObjectNode json(WeightedSurvivalAnalysis.KmReport r) {
    GroupedSurvival data = r.data();
    ObjectNode root = Json.object();
    root.put("analysis", "kaplan-meier");
    SurvivalJson.describe(root, r.source(), r.request().time(), r.request().event(), data);
    root.put("group_variable", r.request().group());
    root.put("n", data.frame().n());
    root.put("dropped_missing", r.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("weights", r.weightColumn());
    m.put(
        "variance",
        r.curves().get(0).greenwood()
            ? "Greenwood on weighted counts (whole-number weights, as survfit)"
            : "robust infinitesimal jackknife (non-integer weights, as survfit's default)");
    m.put("conf_type", r.request().confType());
    m.put("conf_level", r.request().confLevel());
    m.put("description", r.curves().get(0).method());
    root.set("warnings", Json.strings(r.warnings()));
    ArrayNode groups = root.putArray("groups");
    for (int g = 0; g < r.curves().size(); g++) {
      WeightedKaplanMeier.Curve c = r.curves().get(g);
      ObjectNode gn = groups.addObject();
      gn.put("group", data.groupLevels().get(g));
      gn.put("n", c.n());
      gn.set("weighted_n", Json.number(weightSum(data, r.weights(), g)));
      gn.set("events", Json.number(c.events()));
      SurvivalQuantile med = c.median();
      ObjectNode mn = gn.putObject("median");
      mn.set("estimate", Json.number(med.estimate()));
      mn.set("lower", Json.number(med.lower()));
      mn.set("upper", Json.number(med.upper()));
      ArrayNode at = gn.putArray("at");
      for (double t : r.request().at()) {
        Optional<double[]> p = c.at(t);
        if (p.isEmpty()) {
          at.addNull();
          continue;
        }
        double[] v = p.get();
        ObjectNode pn = at.addObject();
        pn.put("time", t);
        pn.set("n_risk", Json.number(v[1]));
        pn.set("survival", Json.number(v[2]));
        pn.set("std_err", Json.number(v[3]));
        pn.set("lower", Json.number(v[4]));
        pn.set("upper", Json.number(v[5]));
      }
      ArrayNode tn = gn.putArray("table");
      for (int i = 0; i < c.size(); i++) {
        ObjectNode rn = tn.addObject();
        rn.put("time", c.times()[i]);
        rn.set("n_risk", Json.number(c.nRisk()[i]));
        rn.set("n_event", Json.number(c.nEvent()[i]));
        rn.set("n_censor", Json.number(c.nCensor()[i]));
        rn.set("survival", Json.number(c.survival()[i]));
        rn.set("std_err", Json.number(c.stdErr(i)));
        rn.set("lower", Json.number(c.lower(i)));
        rn.set("upper", Json.number(c.upper(i)));
      }
    }
    return root;
  }

  private static CsvTable csv(WeightedSurvivalAnalysis.KmReport r) {
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
    for (int g = 0; g < r.curves().size(); g++) {
      WeightedKaplanMeier.Curve c = r.curves().get(g);
      for (int i = 0; i < c.size(); i++) {
        t.row(
            List.of(
                r.data().groupLevels().get(g),
                Numbers.full(c.times()[i]),
                Numbers.full(c.nRisk()[i]),
                Numbers.full(c.nEvent()[i]),
                Numbers.full(c.nCensor()[i]),
                Numbers.full(c.survival()[i]),
                Numbers.full(c.stdErr(i)),
                Numbers.full(c.lower(i)),
                Numbers.full(c.upper(i))));
      }
    }
    return t;
  }

  private static void text(WeightedSurvivalAnalysis.KmReport r, PrintStream out) {
    GroupedSurvival data = r.data();
    String group = r.request().group();
    out.printf(
        "Weighted Kaplan-Meier: Surv(%s, %s)%s, weights %s   data: %s%n",
        r.request().time(),
        r.request().event(),
        group == null ? " ~ 1" : " ~ " + group,
        r.weightColumn(),
        r.source());
    out.printf(
        "n = %d, %d rows dropped for missing values%n%n", data.frame().n(), r.droppedMissing());
    String lvl = Numbers.signif(r.request().confLevel(), 3);
    TextTable summary =
        new TextTable(List.of("", "n", "weighted n", "events", "median", lvl + "LCL", lvl + "UCL"));
    for (int g = 0; g < r.curves().size(); g++) {
      WeightedKaplanMeier.Curve c = r.curves().get(g);
      SurvivalQuantile med = c.median();
      summary.row(
          List.of(
              data.label(g),
              Integer.toString(c.n()),
              Numbers.signif(weightSum(data, r.weights(), g), 6),
              Numbers.signif(c.events(), 6),
              Numbers.signif(med.estimate(), 6),
              Numbers.signif(med.lower(), 6),
              Numbers.signif(med.upper(), 6)));
    }
    summary.print(out);
    for (int g = 0; g < r.curves().size(); g++) {
      WeightedKaplanMeier.Curve c = r.curves().get(g);
      out.println();
      if (group != null) {
        out.println("                " + data.label(g));
      }
      TextTable t =
          new TextTable(
              List.of("time", "n.risk", "n.event", "survival", "std.err", "lower", "upper"));
      if (r.request().at().isEmpty()) {
        for (int i = 0; i < c.size(); i++) {
          if (c.nEvent()[i] == 0) {
            continue;
          }
          t.row(
              List.of(
                  Numbers.signif(c.times()[i], 6),
                  Numbers.signif(c.nRisk()[i], 6),
                  Numbers.signif(c.nEvent()[i], 6),
                  Numbers.signif(c.survival()[i], 4),
                  Numbers.signif(c.stdErr(i), 4),
                  Numbers.signif(c.lower(i), 4),
                  Numbers.signif(c.upper(i), 4)));
        }
      } else {
        for (double time : r.request().at()) {
          Optional<double[]> p = c.at(time);
          if (p.isEmpty()) {
            continue;
          }
          double[] v = p.get();
          t.row(
              List.of(
                  Numbers.signif(time, 6),
                  Numbers.signif(v[1], 6),
                  "",
                  Numbers.signif(v[2], 4),
                  Numbers.signif(v[3], 4),
                  Numbers.signif(v[4], 4),
                  Numbers.signif(v[5], 4)));
        }
      }
      t.print(out);
    }
    out.println();
    out.println("Method: " + r.curves().get(0).method());
    for (String w : r.warnings()) {
      out.println("Warning: " + w);
    }
  }

  /** JSON of a weighted log-rank comparison. */
  public static ObjectNode json(WeightedSurvivalAnalysis.LogRankReport r) {
    GroupedSurvival data = r.data();
    WeightedLogRank t = r.test();
    ObjectNode root = Json.object();
    root.put("analysis", "log-rank");
    SurvivalJson.describe(root, r.source(), r.time(), r.event(), data);
    root.put("group_variable", data.groupVariable());
    if (!r.strata().isEmpty()) {
      root.set("strata", Json.strings(r.strata()));
    }
    root.put("n", data.frame().n());
    root.put("dropped_missing", r.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put(
        "test",
        "robust score test of coxph(Surv ~ group"
            + (r.strata().isEmpty() ? "" : " + strata(s)")
            + ", weights = w, robust = TRUE)");
    m.put("weights", r.weightColumn());
    LogRankPairwiseResult pairs = r.pairs();
    if (pairs != null) {
      m.put("pairwise_adjustment", pairs.adjustment().rName());
      m.put(
          "pairwise_hazard_ratio",
          "weighted Cox model on the pair's rows, Efron ties, robust Wald CI, level "
              + r.confLevel());
    }
    m.put("description", t.method() + (pairs != null ? "; " + pairs.method() : ""));
    root.set("warnings", Json.strings(r.warnings()));
    root.set("statistic", Json.number(t.robustScore().statistic()));
    root.put("df", t.robustScore().df());
    root.set("p", Json.number(t.robustScore().p()));
    ObjectNode naive = root.putObject("score_test_naive");
    naive.set("statistic", Json.number(t.score().statistic()));
    naive.put("df", t.score().df());
    naive.set("p", Json.number(t.score().p()));
    ArrayNode groups = root.putArray("groups");
    for (int g = 0; g < data.groupLevels().size(); g++) {
      ObjectNode gn = groups.addObject();
      gn.put("group", data.groupLevels().get(g));
      gn.put("n", t.n()[g]);
      gn.set("observed", Json.number(t.observed()[g]));
      gn.set("expected", Json.number(t.expected()[g]));
    }
    root.set("pairwise", LogRankWriter.pairsJson(pairs, data));
    return root;
  }

  private static CsvTable csv(WeightedSurvivalAnalysis.LogRankReport r) {
    CsvTable c = new CsvTable(List.of("group", "n", "observed", "expected"));
    WeightedLogRank t = r.test();
    for (int g = 0; g < r.data().groupLevels().size(); g++) {
      c.row(
          List.of(
              r.data().groupLevels().get(g),
              Integer.toString(t.n()[g]),
              Numbers.full(t.observed()[g]),
              Numbers.full(t.expected()[g])));
    }
    return c;
  }

  private static void text(WeightedSurvivalAnalysis.LogRankReport r, PrintStream out) {
    WeightedLogRank t = r.test();
    GroupedSurvival data = r.data();
    out.printf(
        "Weighted log-rank: Surv(%s, %s) ~ %s%s, weights %s   data: %s%n%n",
        r.time(),
        r.event(),
        data.groupVariable(),
        r.strata().stream().map(x -> " + strata(" + x + ")").reduce("", String::concat),
        r.weightColumn(),
        r.source());
    TextTable tab = new TextTable(List.of("", "N", "Observed (w)", "Expected (w)"));
    for (int g = 0; g < data.groupLevels().size(); g++) {
      tab.row(
          List.of(
              data.label(g),
              Integer.toString(t.n()[g]),
              Numbers.signif(t.observed()[g], 6),
              Numbers.signif(t.expected()[g], 6)));
    }
    tab.print(out);
    out.printf(
        "%n Robust score test = %s  on %d degrees of freedom, p = %s%n",
        Numbers.signif(t.robustScore().statistic(), 4),
        t.robustScore().df(),
        Numbers.pValue(t.robustScore().p()));
    out.printf(
        " (model-based score test, weights as frequencies: %s, p = %s)%n",
        Numbers.signif(t.score().statistic(), 4), Numbers.pValue(t.score().p()));
    if (r.droppedMissing() > 0) {
      out.printf(" %d rows dropped for missing values%n", r.droppedMissing());
    }
    LogRankPairwiseResult pairs = r.pairs();
    if (pairs != null) {
      out.printf(
          "%nPairwise comparisons (robust score tests; p adjusted by %s; HR of the second group vs"
              + " the first, robust CI)%n",
          pairs.adjustment().rName());
      LogRankWriter.pairsTable(pairs, data, r.confLevel()).print(out);
    }
    out.println();
    out.println("Method: " + t.method() + (pairs != null ? "; " + pairs.method() : ""));
    for (String w : r.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
