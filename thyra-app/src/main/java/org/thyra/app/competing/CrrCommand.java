package org.thyra.app.competing;

import java.util.concurrent.Callable;
import org.thyra.analysis.competing.CrrAnalysis;
import org.thyra.analysis.competing.CrrReport;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.competing.CrrWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra crr}: Fine–Gray subdistribution hazards regression as {@code cmprsk::crr}. */
@Command(
    name = "crr",
    mixinStandardHelpOptions = true,
    description =
        "Competing risks regression: Fine-Gray proportional subdistribution hazards for the cause"
            + " --cause, as cmprsk::crr (sandwich variance, Wald CIs).")
public final class CrrCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(
      names = "--formula",
      required = true,
      description = "Model, e.g. \"Surv(time, status) ~ age + factor(stage)\".")
  String formulaText;

  @Option(
      names = "--cause",
      defaultValue = "1",
      description = "Status value of the cause of interest (default: ${DEFAULT-VALUE}).")
  String causeCode;

  @Option(
      names = "--censor-code",
      defaultValue = "0",
      description = "Status value of a censored row (default: ${DEFAULT-VALUE}, as cmprsk).")
  String censorCode;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    CrrReport report =
        CrrAnalysis.run(
            input.file(), new CrrAnalysis.Request(formulaText, causeCode, censorCode, confLevel));
    output.write(out -> CrrWriter.write(report, output.format(), out));
    return 0;
  }
}
