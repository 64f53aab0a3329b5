package org.thyra.report.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.prediction.RiskGroupAnalysis;
import org.thyra.analysis.prediction.RiskGroupAnalysis.SetResult;
import org.thyra.report.discrimination.MaxSelectedRankJson;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierRow;
import org.thyra.stats.survival.SurvivalQuantile;

/**
 * Low / high risk groups ({@link RiskGroupAnalysis}) in JSON and text: the cut-off, then per set
 * and group n, events, median survival with CI, and the log-rank test.
 */
public final class RiskGroupWriter {
  private RiskGroupWriter() {}

  /** The risk groups' JSON (the {@code risk_groups} object of {@code thyra validate}). */
  public static ObjectNode json(RiskGroupAnalysis risk) {
    String score = risk.score();
    MaxSelectedRankResult cut = risk.cut();
    List<SetResult> sets = risk.sets();
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
        go.put("group", RiskGroupAnalysis.GROUPS[k]);
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

  /** The risk groups as a text table, with the cut-off above it. */
  public static void text(RiskGroupAnalysis risk, PrintStream out) {
    String score = risk.score();
    MaxSelectedRankResult cut = risk.cut();
    List<SetResult> sets = risk.sets();
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
                RiskGroupAnalysis.GROUPS[k],
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
}
