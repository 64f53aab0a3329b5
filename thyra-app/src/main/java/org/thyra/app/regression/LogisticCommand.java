package org.thyra.app.regression;

import java.util.concurrent.Callable;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.regression.LogisticAnalysis;
import org.thyra.analysis.regression.LogisticReport;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.ImputationOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.imputation.PooledWriter;
import org.thyra.report.output.TerminalProgress;
import org.thyra.report.regression.LogisticWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra logistic}: binary logistic regression (SPEC §5), as R's glm(family = binomial). */
@Command(
    name = "logistic",
    mixinStandardHelpOptions = true,
    description =
        "Logistic regression as R's glm(family = binomial): coefficients, odds ratios with Wald (default) or"
            + " profile-likelihood (MASS::confint) CIs, log-likelihoods, AIC, likelihood-ratio test; separation reported.")
public final class LogisticCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula, e.g. \"low ~ age + lwt + factor(race)\"; the outcome is 0/1, TRUE/FALSE, yes/no"
              + " or a two-level column (the non-reference level is 1).")
  String formulaText;

  @Option(
      names = "--ci",
      defaultValue = "wald",
      description = "Confidence intervals: wald or profile (default: ${DEFAULT-VALUE}).")
  String ci;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(
      names = "--firth",
      description =
          "Firth's penalised-likelihood logistic regression (brglm2 AS_mean): finite estimates"
              + " under separation, Wald intervals.")
  boolean firth;

  @Mixin ImputationOptions imputation;

  @Override
  public Integer call() throws Exception {
    LogisticAnalysis.Request request =
        new LogisticAnalysis.Request(
            formulaText,
            ci,
            confLevel,
            firth,
            imputation.requested() ? imputation.request() : null);
    if (imputation.requested()) {
      PooledModel pooled =
          LogisticAnalysis.pooled(input.file(), request, TerminalProgress.onStandardError());
      output.write(out -> LogisticWriter.writePooled(pooled, output.format(), out));
      figure.write(spec -> PooledWriter.forest(pooled, "OR", spec));
      return 0;
    }
    LogisticReport report = LogisticAnalysis.run(input.file(), request);
    output.write(out -> LogisticWriter.write(report, output.format(), out));
    figure.write(spec -> LogisticWriter.forest(report, spec));
    return 0;
  }
}
