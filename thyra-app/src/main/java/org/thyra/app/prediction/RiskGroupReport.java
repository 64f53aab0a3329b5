package org.thyra.app.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.thyra.report.discrimination.MaxSelectedRankJson;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.prediction.RiskGroupAssignment;
import org.thyra.stats.prediction.RiskGroups;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierRow;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankResult;
import org.thyra.stats.survival.SurvivalQuantile;

/**
 * Low / high risk groups (issue 4, item 5): the cut-off on the development risk score chosen by the
 * maximally selected log-rank statistic ({@link RiskGroups#cutoff}, as {@code surv_cutpoint} /
 * {@code maxstat.test(smethod = "LogRank", minprop = 0.1)}), applied unchanged to each set, with
 * Kaplan–Meier curves per group ({@code survfit}, log CI) and the log-rank test ({@code survdiff}).
 */
final class RiskGroupReport {
  static final String[] GROUPS = {"low", "high"};

  /** The outcome and score of one set (development, validation or whole). */
  record ScoredSet(String name, double[] time, int[] status, double[] score) {}

  /** One set's grouping, curves and test (test null when a group is empty). */
  record SetResult(
      String name,
      RiskGroupAssignment assignment,
      int[] events,
      List<KaplanMeierCurve> curves,
      LogRankResult logRank) {}

  private final String score;
  private final MaxSelectedRankResult cut;
  private final List<SetResult> sets;
  private final List<String> warnings;

  private RiskGroupReport(
      String score, MaxSelectedRankResult cut, List<SetResult> sets, List<String> warnings) {
    this.score = score;
    this.cut = cut;
    this.sets = sets;
    this.warnings = warnings;
  }

  /**
   * @param score "lp" or "points"
   * @param development the set the cut-off is chosen on (the first of {@code sets} or not)
   * @param sets the sets to report, development first
   * @throws IllegalArgumentException when the development set has fewer than 2 events
   */
  static RiskGroupReport of(String score, ScoredSet development, List<ScoredSet> sets) {
    int devEvents = 0;
    for (int s : development.status()) {
      devEvents += s;
    }
    if (devEvents < 2) {
      throw new IllegalArgumentException(
          "risk groups need at least 2 events in the "
              + development.name()
              + " data to choose a cut-off, got "
              + devEvents);
    }
    MaxSelectedRankResult cut =
        RiskGroups.cutoff(development.time(), development.status(), development.score());
    List<String> warnings = new ArrayList<>(cut.warnings());
    List<SetResult> results = new ArrayList<>();
    for (ScoredSet s : sets) {
      RiskGroupAssignment a = RiskGroups.assign(s.score(), cut.cutpoint());
      int[] g = a.groups();
      int[] events = new int[2];
      for (int i = 0; i < g.length; i++) {
        events[g[i]] += s.status()[i];
      }
      List<KaplanMeierCurve> curves = KaplanMeier.fitGroups(s.time(), s.status(), g, 2);
      LogRankResult test = null;
      if (a.nLow() == 0 || a.nHigh() == 0) {
        warnings.add(
            s.name()
                + " data: every row falls in the "
                + (a.nLow() == 0 ? "high" : "low")
                + "-risk group at the development cut-off "
                + Numbers.signif(cut.cutpoint(), 6)
                + "; no log-rank test");
      } else if (events[0] + events[1] == 0) {
        warnings.add(s.name() + " data: no events; no log-rank test");
      } else {
        test = LogRank.test(s.time(), s.status(), g, 2, null, 0);
      }
      results.add(new SetResult(s.name(), a, events, curves, test));
    }
    return new RiskGroupReport(score, cut, results, warnings);
  }

  List<String> warnings() {
    return warnings;
  }

  ObjectNode json() {
    ObjectNode o = Json.object();
    o.put("score", score);
    MaxSelectedRankJson.put(o, cut);
    o.put("minprop", cut.minprop());
    o.put("maxprop", cut.maxprop());
    o.put(
        "rule",
        "score <= cutpoint is low risk; the development cut-point is applied unchanged to every set");
    ArrayNode arr = o.putArray("sets");
    for (SetResult s : sets) {
      ObjectNode so = arr.addObject();
      so.put("set", s.name());
      so.put("n", s.assignment().nLow() + s.assignment().nHigh());
      so.put("n_low", s.assignment().nLow());
      so.put("n_high", s.assignment().nHigh());
      so.put("events_low", s.events()[0]);
      so.put("events_high", s.events()[1]);
      ArrayNode groups = so.putArray("groups");
      for (int k = 0; k < 2; k++) {
        KaplanMeierCurve c = s.curves().get(k);
        ObjectNode go = groups.addObject();
        go.put("group", GROUPS[k]);
        go.put("n", c.n());
        go.put("events", c.events());
        ObjectNode med = go.putObject("median");
        if (c.n() == 0) {
          med.putNull("estimate");
          med.putNull("lower");
          med.putNull("upper");
        } else {
          SurvivalQuantile q = c.median();
          med.set("estimate", Json.number(q.estimate()));
          med.set("lower", Json.number(q.lower()));
          med.set("upper", Json.number(q.upper()));
        }
        ArrayNode curve = go.putArray("curve");
        for (int i = 0; i < c.size(); i++) {
          KaplanMeierRow r = c.row(i);
          ObjectNode ro = curve.addObject();
          ro.put("time", r.time());
          ro.put("n_risk", r.nRisk());
          ro.put("n_event", r.nEvent());
          ro.put("n_censor", r.nCensor());
          ro.set("survival", Json.number(r.survival()));
          ro.set("std_err", Json.number(r.stdErr()));
          ro.set("lower", Json.number(r.lower()));
          ro.set("upper", Json.number(r.upper()));
        }
      }
      if (s.logRank() == null) {
        so.putNull("logrank");
      } else {
        ObjectNode lr = so.putObject("logrank");
        lr.set("chisq", Json.number(s.logRank().statistic()));
        lr.put("df", s.logRank().df());
        lr.set("p", Json.number(s.logRank().p()));
      }
    }
    return o;
  }

  void text(PrintStream out) {
    String p = Numbers.pValue(cut.pAdjusted());
    out.printf(
        "Risk groups by %s: cut-off %s (maximally selected log-rank statistic %s, %s-adjusted p %s;"
            + " minprop %s), score <= cut-off is low risk%n",
        score.equals("lp") ? "linear predictor" : "nomogram points",
        Numbers.signif(cut.cutpoint(), 6),
        Numbers.signif(cut.statistic(), 5),
        cut.pMethod(),
        p.startsWith("<") ? p : "= " + p,
        Numbers.signif(cut.minprop(), 3));
    TextTable t =
        new TextTable(
            List.of(
                "set",
                "group",
                "n",
                "events",
                "median",
                "0.95LCL",
                "0.95UCL",
                "log-rank chisq",
                "df",
                "p"));
    for (SetResult s : sets) {
      for (int k = 0; k < 2; k++) {
        KaplanMeierCurve c = s.curves().get(k);
        SurvivalQuantile q = c.n() == 0 ? null : c.median();
        boolean first = k == 0 && s.logRank() != null;
        t.row(
            List.of(
                k == 0 ? s.name() : "",
                GROUPS[k],
                Integer.toString(c.n()),
                Integer.toString(c.events()),
                q == null ? "NA" : Numbers.signif(q.estimate(), 6),
                q == null ? "NA" : Numbers.signif(q.lower(), 6),
                q == null ? "NA" : Numbers.signif(q.upper(), 6),
                first ? Numbers.signif(s.logRank().statistic(), 5) : "",
                first ? Integer.toString(s.logRank().df()) : "",
                first ? Numbers.pValue(s.logRank().p()) : ""));
      }
    }
    t.print(out);
  }

  List<SetResult> sets() {
    return sets;
  }

  MaxSelectedRankResult cut() {
    return cut;
  }
}
