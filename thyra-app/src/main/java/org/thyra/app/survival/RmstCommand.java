package org.thyra.app.survival;

import java.util.concurrent.Callable;
import org.thyra.analysis.survival.RmstAnalysis;
import org.thyra.analysis.survival.RmstReport;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.survival.RmstWriter;
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
    RmstReport report =
        RmstAnalysis.run(
            input.file(),
            new RmstAnalysis.Request(outcome.time(), outcome.event(), group, tau, confLevel));
    output.write(out -> RmstWriter.write(report, output.format(), out));
    return 0;
  }
}
