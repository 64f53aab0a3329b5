package org.thyra.app.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.survival.LogRankAnalysis;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.survival.LogRankWriter;
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
    LogRankReport report =
        LogRankAnalysis.run(
            input.file(),
            new LogRankAnalysis.Request(
                outcome.time(), outcome.event(), group, strata, rho, pairwise, confLevel));
    output.write(out -> LogRankWriter.write(report, output.format(), out));
    return 0;
  }
}
