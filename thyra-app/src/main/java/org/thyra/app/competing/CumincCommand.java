package org.thyra.app.competing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.competing.CumulativeIncidence;
import org.thyra.stats.competing.GrayTestResult;
import org.thyra.stats.competing.IncidenceCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra cuminc}: cumulative incidence of each cause per group with Gray's variance, and
 * Gray's test among groups, as {@code cmprsk::cuminc} (SPEC §5).
 */
@Command(
    name = "cuminc",
    mixinStandardHelpOptions = true,
    description =
        "Competing risks: Aalen-Johansen cumulative incidence of each cause per group with Gray's"
            + " variance and log(-log) confidence limits, and Gray's test, as cmprsk::cuminc.")
public final class CumincCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(names = "--time", required = true, description = "Follow-up time column.")
  String time;

  @Option(
      names = "--event",
      required = true,
      description = "Status column: the censoring code, or the code of the cause of failure.")
  String event;

  @Option(
      names = "--censor-code",
      defaultValue = "0",
      description = "Status value of a censored row (default: ${DEFAULT-VALUE}, as cmprsk).")
  String censorCode;

  @Option(names = "--group", description = "Grouping column: one curve per level; Gray's test.")
  String group;

  @Option(names = "--strata", description = "Stratification column of Gray's test.")
  String strata;

  @Option(
      names = "--rho",
      defaultValue = "0",
      description = "Power of Gray's weight (1 - F(t-))^rho (default: ${DEFAULT-VALUE}).")
  double rho;

  @Option(
      names = "--at",
      split = ",",
      paramLabel = "T",
      description = "Times at which to report the incidence, e.g. 12,36,60.")
  List<Double> at = new ArrayList<>();

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          input.source(), null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    if (!Double.isFinite(rho)) {
      throw new InputException(input.source(), null, null, "--rho must be a number, got " + rho);
    }
    if (strata != null && group == null) {
      throw new InputException(
          input.source(), null, null, "--strata stratifies Gray's test and needs --group");
    }
    List<Term> terms = new ArrayList<>();
    if (group != null) {
      terms.add(new Term(group, TermKind.FACTOR));
    }
    if (strata != null) {
      terms.add(new Term(strata, TermKind.STRATA));
    }
    CompetingOutcome data = CompetingOutcome.read(input, time, event, censorCode, terms);
    int n = data.time().length;
    List<String> levels;
    int[] codes;
    if (group == null) {
      levels = List.of("all");
      codes = new int[n];
    } else {
      Variable v = data.frame().variables().get(0);
      levels = v.levels();
      codes = v.codes();
    }
    int[] strataCodes = strata == null ? new int[n] : data.frame().strata();
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    if (data.causes().isEmpty()) {
      throw new InputException(
          input.source(), null, event, "no failure of any cause: every row is censored");
    }
    List<Integer> present = new ArrayList<>();
    for (int g = 0; g < levels.size(); g++) {
      int gg = g;
      if (IntStream.of(codes).anyMatch(c -> c == gg)) {
        present.add(g);
      }
    }
    int causes = data.causes().size();
    IncidenceCurve[][] curves = new IncidenceCurve[causes][levels.size()];
    GrayTestResult[] gray = new GrayTestResult[causes];
    for (int k = 1; k <= causes; k++) {
      for (int g : present) {
        int[] rows = IntStream.range(0, n).filter(i -> codes[i] == g).toArray();
        double[] t = IntStream.of(rows).mapToDouble(i -> data.time()[i]).toArray();
        int[] c = IntStream.of(rows).map(i -> data.cause()[i]).toArray();
        int kk = k;
        curves[k - 1][g] = input.analyse(time, () -> CumulativeIncidence.curve(t, c, kk));
        if (curves[k - 1][g].events() == 0) {
          warnings.add(
              "no failure from cause "
                  + data.causes().get(k - 1)
                  + " in "
                  + label(g, levels)
                  + ": its cumulative incidence is 0");
        }
      }
      if (present.size() > 1) {
        int kk = k;
        gray[k - 1] =
            input.analyse(
                group,
                () ->
                    CumulativeIncidence.grayTest(
                        data.time(), data.cause(), kk, codes, strataCodes, rho));
        if (Double.isNaN(gray[k - 1].statistic())) {
          warnings.add(
              "Gray's test for cause "
                  + data.causes().get(k - 1)
                  + " is not defined: its variance matrix is singular (cmprsk reports -1)");
        }
      }
    }
    if (present.size() < levels.size()) {
      warnings.add("levels without rows are left out, as cuminc does");
    }
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(data, levels, present, curves, gray, warnings), out);
            case CSV -> csv(data, levels, present, curves).print(out);
            default -> text(data, levels, present, curves, gray, warnings, out);
          }
        });
    return 0;
  }

  private String label(int g, List<String> levels) {
    return group == null ? "all" : group + "=" + levels.get(g);
  }

  private ObjectNode json(
      CompetingOutcome data,
      List<String> levels,
      List<Integer> present,
      IncidenceCurve[][] curves,
      GrayTestResult[] gray,
      List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "cumulative-incidence");
    root.put("data", input.source());
    root.put("time", time);
    root.put("event", event);
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
            + Numbers.signif(rho, 6)
            + (strata == null ? "" : ", stratified by " + strata));
    root.set("warnings", Json.strings(warnings));
    ArrayNode causes = root.putArray("causes");
    for (int k = 0; k < curves.length; k++) {
      ObjectNode cn = causes.addObject();
      cn.put("cause", data.causes().get(k));
      ArrayNode gs = cn.putArray("groups");
      for (int g : present) {
        IncidenceCurve c = curves[k][g];
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
          point(an.addObject(), t, c.estimateAt(t), c.varianceAt(t));
        }
        ArrayNode tn = gn.putArray("table");
        for (int j = 0; j < c.jumpTimes().length; j++) {
          point(tn.addObject(), c.jumpTimes()[j], c.estimate()[j], c.variance()[j]);
        }
      }
      GrayTestResult r = gray[k];
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

  private void point(ObjectNode node, double t, double estimate, double variance) {
    double[] ci = CumulativeIncidence.logLogInterval(estimate, variance, confLevel);
    node.put("time", t);
    node.set("estimate", Json.number(estimate));
    node.set("variance", Json.number(variance));
    node.set("lower", Json.number(ci[0]));
    node.set("upper", Json.number(ci[1]));
  }

  /** With {@code --at}: the incidence at those times; otherwise at every jump. */
  private CsvTable csv(
      CompetingOutcome data,
      List<String> levels,
      List<Integer> present,
      IncidenceCurve[][] curves) {
    CsvTable t =
        new CsvTable(List.of("cause", "group", "time", "estimate", "variance", "lower", "upper"));
    for (int k = 0; k < curves.length; k++) {
      for (int g : present) {
        IncidenceCurve c = curves[k][g];
        double[] times = at.isEmpty() ? c.jumpTimes() : at.stream().mapToDouble(d -> d).toArray();
        for (double x : times) {
          double e = c.estimateAt(x);
          double v = c.varianceAt(x);
          double[] ci = CumulativeIncidence.logLogInterval(e, v, confLevel);
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

  private void text(
      CompetingOutcome data,
      List<String> levels,
      List<Integer> present,
      IncidenceCurve[][] curves,
      GrayTestResult[] gray,
      List<String> warnings,
      PrintStream out) {
    out.printf(
        "Cumulative incidence: time %s, status %s (censored = %s)%s   data: %s%n",
        time, event, data.censorCode(), group == null ? "" : ", by " + group, input.source());
    int[] counts = data.counts();
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < data.causes().size(); k++) {
      sb.append(", cause ").append(data.causes().get(k)).append(": ").append(counts[k + 1]);
    }
    out.printf(
        "n = %d (censored %d%s), %d rows dropped for missing values%n",
        data.time().length, counts[0], sb, data.droppedMissing());
    String pct = Numbers.signif(confLevel * 100, 4) + "%";
    for (int k = 0; k < curves.length; k++) {
      out.println();
      out.println("Cause " + data.causes().get(k));
      if (gray[k] != null) {
        out.printf(
            "  Gray's test: chisq = %s on %d df, p = %s%n",
            Numbers.signif(gray[k].statistic(), 6), gray[k].df(), Numbers.pValue(gray[k].p()));
      }
      TextTable t =
          new TextTable(
              List.of("", "time", "estimate", "variance", "lower " + pct, "upper " + pct));
      for (int g : present) {
        IncidenceCurve c = curves[k][g];
        double[] times = at.isEmpty() ? c.jumpTimes() : at.stream().mapToDouble(d -> d).toArray();
        for (double x : times) {
          double e = c.estimateAt(x);
          double v = c.varianceAt(x);
          double[] ci = CumulativeIncidence.logLogInterval(e, v, confLevel);
          t.row(
              List.of(
                  label(g, levels),
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
    out.println(
        "Method: Aalen-Johansen cumulative incidence with Gray's variance (cmprsk::cuminc);"
            + " log(-log) confidence limits; NA beyond a group's last follow-up");
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
