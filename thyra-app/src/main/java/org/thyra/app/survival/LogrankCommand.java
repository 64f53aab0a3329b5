package org.thyra.app.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.survival.LogRankAnalysis;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.analysis.survival.WeightedSurvivalAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.KmFigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.survival.KmSeries;
import org.thyra.report.survival.LogRankWriter;
import org.thyra.stats.survival.LogRankPairwiseResult;
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
      description =
          "G-rho exponent: 0 log-rank, 1 Peto-Peto (default: ${DEFAULT-VALUE}); not with --weights"
              + " (R's survdiff takes no weights).")
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

  @Option(
      names = "--weights",
      paramLabel = "COL",
      description =
          "Case weights from column COL (e.g. IPTW): the robust score test of coxph(Surv ~ group,"
              + " weights = COL, robust = TRUE), as R users test weighted groups; with --pairwise,"
              + " the same test on each pair's rows.")
  String weights;

  @Override
  public Integer call() throws Exception {
    LogRankAnalysis.Request request =
        new LogRankAnalysis.Request(
            outcome.time(), outcome.event(), group, strata, rho, pairwise, confLevel);
    if (weights != null) {
      if (rho != 0) {
        throw new org.thyra.frame.InputException(
            null, null, null, WeightedSurvivalAnalysis.NO_WEIGHTED_G_RHO);
      }
      WeightedSurvivalAnalysis.LogRankReport wr =
          WeightedSurvivalAnalysis.logRank(input.file(), request, weights);
      output.write(
          out -> org.thyra.report.survival.WeightedSurvivalWriter.write(wr, output.format(), out));
      figure.write(
          spec -> {
            // as the unweighted figure: pairwise p for more than two groups (Holm unless
            // --pairwise chose another adjustment)
            LogRankPairwiseResult shown = WeightedSurvivalAnalysis.figurePairs(wr);
            var b =
                kmFigure
                    .weightedBuilder(
                        KmSeries.weighted(
                            wr.data(), WeightedSurvivalAnalysis.curves(input.file(), wr)),
                        weights,
                        spec,
                        outcome.time())
                    .legendTitle(group)
                    .test(wr.test());
            if (shown != null) {
              b.pairwise(shown, wr.data().groupLevels());
            }
            return b.build();
          });
      return 0;
    }
    LogRankReport report = LogRankAnalysis.run(input.file(), request);
    output.write(out -> LogRankWriter.write(report, output.format(), out));
    figure.write(
        spec -> {
          // the figure's curves and, for more than two groups, its pairwise p (Holm unless
          // --pairwise chose another adjustment)
          LogRankPairwiseResult shown = LogRankAnalysis.figurePairs(report);
          var b =
              kmFigure
                  .builder(
                      KmSeries.of(report.data(), LogRankAnalysis.curves(report)),
                      spec,
                      outcome.time())
                  .legendTitle(group)
                  .test(report.test());
          if (shown != null) {
            b.pairwise(shown, report.data().groupLevels());
          }
          return b.build();
        });
    return 0;
  }
}
