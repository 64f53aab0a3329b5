package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.report.survival.KaplanMeierWriter;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.RestrictedMean;
import org.thyra.stats.survival.RestrictedMeanComparison;
import org.thyra.stats.survival.RestrictedMeanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra rmst}: restricted mean survival time per group up to {@code --tau}, and each group
 * against the reference (difference and ratio as {@code survRM2::rmst2}) (SPEC §5).
 */
@Command(
    name = "rmst",
    mixinStandardHelpOptions = true,
    description =
        "Restricted mean survival time up to --tau per group (area under the Kaplan-Meier curve,"
            + " SE as survfit(rmean = tau)), and the difference and ratio of each group against"
            + " the reference group as survRM2::rmst2.")
public final class RmstCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin SurvivalColumns outcome;

  @Option(names = "--group", description = "Grouping column: one RMST per level.")
  String group;

  @Option(
      names = "--tau",
      required = true,
      description =
          "Truncation time; at most the smallest of the groups' last follow-up times (as rmst2).")
  double tau;

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
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new InputException(
          input.source(), null, null, "--tau must be a positive time, got " + tau);
    }
    GroupedSurvival data = outcome.read(input, group, List.of());
    int k = data.groupLevels().size();
    List<RestrictedMeanResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    for (int g = 0; g < k; g++) {
      double[] time = data.time(g);
      if (time.length == 0) {
        throw new InputException(
            input.source(), null, group, "group " + data.label(g) + " has no complete row");
      }
      KaplanMeierCurve curve = KaplanMeier.fit(time, data.status(g));
      double last = curve.time(curve.size() - 1);
      if (tau > last) {
        throw new InputException(
            input.source(),
            null,
            outcome.time(),
            "--tau "
                + Numbers.signif(tau, 7)
                + " is beyond the last follow-up time of "
                + data.label(g)
                + " ("
                + Numbers.signif(last, 7)
                + "): tau must be at most the smallest of the groups' last follow-up times,"
                + " as survRM2::rmst2 requires");
      }
      int gg = g;
      RestrictedMeanResult r = input.analyse(null, () -> RestrictedMean.of(curve, tau, confLevel));
      for (String w : r.warnings()) {
        warnings.add(data.label(gg) + ": " + w);
      }
      results.add(r);
    }
    List<RestrictedMeanComparison> comparisons = new ArrayList<>();
    for (int g = 1; g < k; g++) {
      RestrictedMeanComparison c =
          RestrictedMean.compare(results.get(g), results.get(0), confLevel);
      for (String w : c.warnings()) {
        warnings.add(data.label(g) + " vs " + data.label(0) + ": " + w);
      }
      comparisons.add(c);
    }
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(data, results, comparisons, warnings), out);
            case CSV -> csv(data, results, comparisons).print(out);
            default -> text(data, results, comparisons, warnings, out);
          }
        });
    return 0;
  }

  private ObjectNode json(
      GroupedSurvival data,
      List<RestrictedMeanResult> results,
      List<RestrictedMeanComparison> comparisons,
      List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "rmst");
    outcome.describe(root, input, data);
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
    m.put("description", RestrictedMean.method());
    root.set("warnings", Json.strings(warnings));
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

  private CsvTable csv(
      GroupedSurvival data,
      List<RestrictedMeanResult> results,
      List<RestrictedMeanComparison> comparisons) {
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

  private void text(
      GroupedSurvival data,
      List<RestrictedMeanResult> results,
      List<RestrictedMeanComparison> comparisons,
      List<String> warnings,
      PrintStream out) {
    String pct = KaplanMeierWriter.pct(confLevel);
    out.printf(
        "Restricted mean survival time up to tau = %s: Surv(%s, %s)%s   data: %s%n",
        Numbers.signif(tau, 7),
        outcome.time(),
        outcome.event(),
        group == null ? " ~ 1" : " ~ " + group,
        input.source());
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
            + RestrictedMean.method()
            + "; events coded "
            + data.frame().eventCoding().description());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
