package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.KmFigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.inference.PValueAdjustment;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankPair;
import org.thyra.stats.survival.LogRankPairwise;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra logrank}: the log-rank / G-rho test for k groups, stratified, pairwise (SPEC §5).
 */
@Command(
    name = "logrank",
    mixinStandardHelpOptions = true,
    description =
        "Log-rank (rho = 0) or Harrington-Fleming G-rho test between groups as R's survdiff,"
            + " optionally stratified; pairwise tests with adjusted p-values and a hazard ratio per pair.")
public final class LogrankCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Mixin SurvivalColumns outcome;
  @Mixin FigureOptions figure;
  @Mixin KmFigureOptions kmFigure;

  @Option(names = "--group", required = true, description = "Grouping column.")
  String group;

  @Option(
      names = "--strata",
      split = ",",
      paramLabel = "S",
      description = "Stratification column(s).")
  List<String> strata = new ArrayList<>();

  @Option(
      names = "--rho",
      defaultValue = "0",
      description = "G-rho exponent: 0 log-rank, 1 Peto-Peto (default: ${DEFAULT-VALUE}).")
  double rho;

  @Option(
      names = "--pairwise",
      paramLabel = "ADJ",
      description =
          "Also test every pair of groups, adjusting p-values by holm, bonferroni, BH or none.")
  String pairwise;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Level of the pairwise hazard-ratio CIs (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    GroupedSurvival data = outcome.read(input, group, strata);
    int k = data.groupLevels().size();
    double[] t = data.frame().time();
    int[] s = data.frame().status();
    int[] st = data.frame().strata();
    LogRankResult result =
        input.analyse(group, () -> LogRank.test(t, s, data.groupCodes(), k, st, rho));
    LogRankPairwiseResult pairs =
        pairwise == null
            ? null
            : input.analyse(
                group,
                () ->
                    LogRankPairwise.test(
                        t,
                        s,
                        data.groupCodes(),
                        k,
                        st,
                        rho,
                        PValueAdjustment.parse(pairwise),
                        confLevel));
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    warnings.addAll(result.warnings());
    if (pairs != null) {
      warnings.addAll(pairs.warnings());
    }
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(data, result, pairs, warnings), out);
            case CSV -> csv(data, result).print(out);
            default -> text(data, result, pairs, warnings, out);
          }
        });
    figure.write(
        spec -> {
          // the figure's curves and, for more than two groups, its pairwise p (Holm unless
          // --pairwise chose another adjustment)
          LogRankPairwiseResult shown =
              pairs != null || k <= 2
                  ? pairs
                  : LogRankPairwise.test(
                      t, s, data.groupCodes(), k, st, rho, PValueAdjustment.HOLM, confLevel);
          var b =
              kmFigure
                  .builder(
                      data.series(KaplanMeier.fitGroups(t, s, data.groupCodes(), k)),
                      spec,
                      outcome.time())
                  .legendTitle(group)
                  .test(result);
          if (shown != null) {
            b.pairwise(shown, data.groupLevels());
          }
          return b.build();
        });
    return 0;
  }

  private ObjectNode json(
      GroupedSurvival data, LogRankResult r, LogRankPairwiseResult pairs, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "log-rank");
    outcome.describe(root, input, data);
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
    ArrayNode pn = root.putArray("pairwise");
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
    return root;
  }

  private static CsvTable csv(GroupedSurvival data, LogRankResult r) {
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
  private void text(
      GroupedSurvival data,
      LogRankResult r,
      LogRankPairwiseResult pairs,
      List<String> warnings,
      PrintStream out) {
    out.printf(
        "%s: Surv(%s, %s) ~ %s%s   data: %s%n",
        rho == 0 ? "Log-rank test" : "G-rho test (rho = " + Numbers.signif(rho, 4) + ")",
        outcome.time(),
        outcome.event(),
        group,
        strata.isEmpty() ? "" : " + strata(" + String.join(", ", strata) + ")",
        input.source());
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
      TextTable pt =
          new TextTable(
              List.of(
                  "a",
                  "b",
                  "Chisq",
                  "p",
                  "p.adj",
                  "HR",
                  "lower " + KmCommand.pct(confLevel),
                  "upper " + KmCommand.pct(confLevel)));
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
