package org.thyra.report.discrimination;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.discrimination.CutpointAnalysis;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.cutpoint.ThreeGroupScanResult;

/** {@code thyra cutpoint}'s report in text (as R's print(maxstat.test)), JSON and CSV. */
public final class CutpointWriter {
  private final CutpointAnalysis.Report report;
  private final String source;
  private final String variable;
  private final int groups;
  private final String time;
  private final String event;

  public CutpointWriter(CutpointAnalysis.Report report) {
    this.report = report;
    this.source = report.source();
    this.variable = report.request().variable();
    this.groups = report.request().groups();
    this.time = report.request().time();
    this.event = report.request().event();
  }

  /** Writes the report in one format. */
  public void write(OutputFormat format, PrintStream out) throws IOException {
    ModelFrame frame = report.frame();
    List<String> warnings = report.warnings();
    if (report.twoGroups() != null) {
      MaxSelectedRankResult r = report.twoGroups();
      switch (format) {
        case JSON -> Json.write(json(frame, r, warnings), out);
        case CSV -> csv(r).print(out);
        default -> text(frame, r, warnings, out);
      }
    } else {
      ThreeGroupScanResult r = report.threeGroups();
      switch (format) {
        case JSON -> Json.write(json(frame, r, warnings), out);
        case CSV -> csv(r).print(out);
        default -> text(frame, r, warnings, out);
      }
    }
  }

  private ObjectNode header(ModelFrame frame, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "cutpoint");
    root.put("data", source);
    root.put("time", time);
    root.put("event", event);
    root.put("event_coding", frame.eventCoding().description());
    root.put("variable", variable);
    root.put("groups", groups);
    root.put("n", frame.n());
    int events = 0;
    for (int s : frame.status()) {
      events += s;
    }
    root.put("events", events);
    root.put("dropped_missing", frame.droppedMissing());
    return root;
  }

  private ObjectNode json(ModelFrame frame, MaxSelectedRankResult r, List<String> warnings) {
    ObjectNode root = header(frame, warnings);
    ObjectNode m = Json.object();
    m.put(
        "statistic", "maximally selected log-rank statistic (maxstat.test, smethod = \"LogRank\")");
    m.put("scores", "exactRankTests log-rank scores");
    m.put("low_group", "values <= cutpoint");
    m.put("minprop", r.minprop());
    m.put("maxprop", r.maxprop());
    m.put("p_method", r.pMethod());
    m.put("description", r.method());
    root.set("method", m);
    root.set("warnings", Json.strings(warnings));
    MaxSelectedRankJson.put(root, r);
    root.put("n_low", r.nLow());
    root.put("n_high", r.nHigh());
    ArrayNode cands = root.putArray("candidates");
    double[] cuts = r.cuts();
    double[] stats = r.statistics();
    for (int i = 0; i < cuts.length; i++) {
      ObjectNode o = cands.addObject();
      o.set("cut", Json.number(cuts[i]));
      o.set("statistic", Json.number(stats[i]));
    }
    return root;
  }

  private ObjectNode json(ModelFrame frame, ThreeGroupScanResult r, List<String> warnings) {
    ObjectNode root = header(frame, warnings);
    ObjectNode m = Json.object();
    m.put(
        "statistic",
        "3-group log-rank chi-square (survdiff, rho = 0, 2 df), maximised over pairs of cut values");
    m.put("groups", "low: x <= low_cut; middle: low_cut < x <= high_cut; high: x > high_cut");
    m.put("minprop", report.request().minprop());
    m.put("max_candidates", report.request().maxCandidates());
    m.put("p_method", "naive chi-square(2), NOT adjusted for the search");
    m.put(
        "multiple_testing",
        "the cut-points were chosen to maximise the statistic; the p-value overstates"
            + " significance and needs validation (X-tile uses split-sample / Monte Carlo)");
    m.put("description", r.method());
    root.set("method", m);
    root.set("warnings", Json.strings(warnings));
    root.set("low_cut", Json.number(r.lowCut()));
    root.set("high_cut", Json.number(r.highCut()));
    root.set("statistic", Json.number(r.statistic()));
    root.set("p_naive", Json.number(r.pNaive()));
    int[] sizes = r.groupSizes();
    root.put("n_low", sizes[0]);
    root.put("n_middle", sizes[1]);
    root.put("n_high", sizes[2]);
    root.put("pairs_evaluated", r.pairsEvaluated());
    root.put("candidate_cuts", r.candidateCuts());
    return root;
  }

  private static CsvTable csv(MaxSelectedRankResult r) {
    CsvTable t = new CsvTable(List.of("cut", "statistic"));
    double[] cuts = r.cuts();
    double[] stats = r.statistics();
    for (int i = 0; i < cuts.length; i++) {
      t.row(List.of(Numbers.full(cuts[i]), Numbers.full(stats[i])));
    }
    return t;
  }

  private static CsvTable csv(ThreeGroupScanResult r) {
    CsvTable t =
        new CsvTable(
            List.of("low_cut", "high_cut", "statistic", "p_naive", "n_low", "n_middle", "n_high"));
    int[] s = r.groupSizes();
    t.row(
        List.of(
            Numbers.full(r.lowCut()),
            Numbers.full(r.highCut()),
            Numbers.full(r.statistic()),
            Numbers.full(r.pNaive()),
            Integer.toString(s[0]),
            Integer.toString(s[1]),
            Integer.toString(s[2])));
    return t;
  }

  /** Laid out like R's print(maxstat.test(...)). */
  private void text(
      ModelFrame frame, MaxSelectedRankResult r, List<String> warnings, PrintStream out) {
    out.println();
    out.println("\tMaximally selected LogRank statistics using Lau94");
    out.println();
    out.printf(
        "data:  Surv(%s, %s) by %s   (%s, n = %d%s)%n",
        time,
        event,
        variable,
        source,
        frame.n(),
        frame.droppedMissing() > 0
            ? ", " + frame.droppedMissing() + " rows dropped for missing values"
            : "");
    out.printf(
        "M = %s, p-value = %s%n", Numbers.signif(r.statistic(), 5), Numbers.pValue(r.pAdjusted()));
    out.println("sample estimates:");
    out.println("estimated cutpoint ");
    out.printf("%18s %n%n", Numbers.signif(r.cutpoint(), 7));
    out.printf(
        "Low group (%s <= %s): %d rows; high group: %d rows%n%n",
        variable, Numbers.signif(r.cutpoint(), 7), r.nLow(), r.nHigh());
    out.println("Method: " + r.method());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }

  private void text(
      ModelFrame frame, ThreeGroupScanResult r, List<String> warnings, PrintStream out) {
    out.printf(
        "Three-group cut-point scan (X-tile style): Surv(%s, %s) by %s   data: %s%n",
        time, event, variable, source);
    out.printf(
        "n = %d%s%n%n",
        frame.n(),
        frame.droppedMissing() > 0
            ? ", " + frame.droppedMissing() + " rows dropped for missing values"
            : "");
    TextTable t = new TextTable(List.of("group", "range", "n"));
    int[] s = r.groupSizes();
    String lo = Numbers.signif(r.lowCut(), 7);
    String hi = Numbers.signif(r.highCut(), 7);
    t.row(List.of("low", variable + " <= " + lo, Integer.toString(s[0])));
    t.row(List.of("middle", lo + " < " + variable + " <= " + hi, Integer.toString(s[1])));
    t.row(List.of("high", variable + " > " + hi, Integer.toString(s[2])));
    t.print(out);
    out.println();
    out.printf(
        "Log-rank chi-square = %s on 2 df, naive p = %s (%d pairs of cut values scanned)%n",
        Numbers.signif(r.statistic(), 5), Numbers.pValue(r.pNaive()), r.pairsEvaluated());
    out.println(
        "CAUTION: the cut-points were chosen to maximise this statistic; the p-value is not adjusted for the"
            + " search and overstates significance.");
    out.println();
    out.println("Method: " + r.method());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
