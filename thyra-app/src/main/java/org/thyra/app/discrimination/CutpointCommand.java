package org.thyra.app.discrimination;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.app.survival.SurvivalColumns;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.KmFigure;
import org.thyra.report.figure.PValues;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.cutpoint.MaxSelectedRank;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.cutpoint.ThreeGroupScan;
import org.thyra.stats.cutpoint.ThreeGroupScanResult;
import org.thyra.stats.survival.KaplanMeier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra cutpoint}: the maximally selected log-rank statistic with Lausen's adjusted p (SPEC
 * §5), as maxstat.test; or an X-tile-style three-group scan with its caveat.
 */
@Command(
    name = "cutpoint",
    mixinStandardHelpOptions = true,
    description =
        "Survival cut-point of a continuous variable: maximally selected log-rank statistic as"
            + " maxstat.test(smethod = \"LogRank\") with the Lau94 adjusted p (values <= cut-point are the low group);"
            + " --groups 3: an X-tile-style scan for two cut-points (unadjusted, see its caveat).")
public final class CutpointCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Mixin SurvivalColumns outcome;

  @Option(names = "--variable", required = true, description = "Numeric variable to cut.")
  String variable;

  @Option(
      names = "--minprop",
      defaultValue = "0.1",
      description = "Smallest proportion of rows in a group (default: ${DEFAULT-VALUE}).")
  double minprop;

  @Option(
      names = "--maxprop",
      defaultValue = "0.9",
      description =
          "Largest proportion in the low group, two groups only (default: ${DEFAULT-VALUE}).")
  double maxprop;

  @Option(
      names = "--groups",
      defaultValue = "2",
      description = "2 (maxstat) or 3 (X-tile-style scan) (default: ${DEFAULT-VALUE}).")
  int groups;

  @Option(
      names = "--max-candidates",
      defaultValue = "100",
      description =
          "Three groups: at most this many candidate cut values, thinned at evenly spaced ranks (default: ${DEFAULT-VALUE}).")
  int maxCandidates;

  @Override
  public Integer call() throws Exception {
    if (groups != 2 && groups != 3) {
      throw new IllegalArgumentException("--groups must be 2 or 3, got " + groups);
    }
    ModelFrame frame =
        MarkerInput.survival(input, outcome.time(), outcome.event(), List.of(variable));
    double[] x = MarkerInput.marker(frame, 0);
    double[] t = frame.time();
    double[] e = MarkerInput.doubles(frame.status());
    List<String> warnings = new ArrayList<>(frame.warnings());
    if (groups == 2) {
      MaxSelectedRankResult r =
          input.analyse(variable, () -> MaxSelectedRank.logRank(t, e, x, minprop, maxprop));
      warnings.addAll(r.warnings());
      output.write(
          out -> {
            switch (output.format()) {
              case JSON -> Json.write(json(frame, r, warnings), out);
              case CSV -> csv(r).print(out);
              default -> text(frame, r, warnings, out);
            }
          });
      figure.write(
          spec -> {
            // the two groups the cut-point makes (x <= cut-point is low), as maxstat's plot
            int[] codes = new int[x.length];
            for (int i = 0; i < x.length; i++) {
              codes[i] = x[i] <= r.cutpoint() ? 0 : 1;
            }
            String cut = org.thyra.frame.DecimalText.format(r.cutpoint());
            List<org.thyra.stats.survival.KaplanMeierCurve> curves =
                KaplanMeier.fitGroups(t, frame.status(), codes, 2);
            return KmFigure.builder(
                    List.of(
                        new KmFigure.Series(variable + " ≤ " + cut, curves.get(0)),
                        new KmFigure.Series(variable + " > " + cut, curves.get(1))))
                .style(spec.style())
                .size(spec.width(170), spec.height(130))
                .xTitle(spec.timeUnit().axisTitle(outcome.time()))
                .note(
                    "Maximally selected log-rank: cut-off "
                        + cut
                        + ", "
                        + r.pMethod()
                        + "-adjusted "
                        + PValues.equation(r.pAdjusted()))
                .build();
          });
    } else {
      ThreeGroupScanResult r =
          input.analyse(variable, () -> ThreeGroupScan.scan(t, e, x, minprop, maxCandidates));
      warnings.addAll(r.warnings());
      output.write(
          out -> {
            switch (output.format()) {
              case JSON -> Json.write(json(frame, r, warnings), out);
              case CSV -> csv(r).print(out);
              default -> text(frame, r, warnings, out);
            }
          });
    }
    return 0;
  }

  private ObjectNode header(ModelFrame frame, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "cutpoint");
    root.put("data", input.source());
    root.put("time", outcome.time());
    root.put("event", outcome.event());
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
    root.set("cutpoint", Json.number(r.cutpoint()));
    root.set("statistic", Json.number(r.statistic()));
    ObjectNode p = root.putObject("p_adjusted");
    p.put("method", r.pMethod());
    p.set("p", Json.number(r.pAdjusted()));
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
    m.put("minprop", minprop);
    m.put("max_candidates", maxCandidates);
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
        outcome.time(),
        outcome.event(),
        variable,
        input.source(),
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
        outcome.time(), outcome.event(), variable, input.source());
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
