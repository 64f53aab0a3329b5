package org.thyra.app.competing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.competing.CumincAnalysis;
import org.thyra.analysis.competing.CumincReport;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.competing.CumincWriter;
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
    CumincReport report =
        CumincAnalysis.run(
            input.file(),
            new CumincAnalysis.Request(time, event, censorCode, group, strata, rho, at, confLevel));
    output.write(out -> CumincWriter.write(report, output.format(), out));
    return 0;
  }
}
