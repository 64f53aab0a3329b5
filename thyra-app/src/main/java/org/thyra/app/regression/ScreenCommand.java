package org.thyra.app.regression;

import java.util.concurrent.Callable;
import org.thyra.analysis.regression.ScreenAnalysis;
import org.thyra.analysis.regression.ScreenReport;
import org.thyra.app.InputOptions;
import org.thyra.app.OptionChoice;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.regression.ScreenWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra screen}: univariable screen, entry into a multivariable model, optional stepwise AIC
 * selection (SPEC §5), with univariable and multivariable results side by side.
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description =
        "Variable screening as the source studies do it: each variable alone (likelihood-ratio p, one per variable),"
            + " the variables with p < --entry-p in a multivariable Cox or logistic model, optionally selected by AIC"
            + " (--select backward|forward|both, as MASS::stepAIC within the entered variables); univariable and"
            + " multivariable HR/OR side by side.")
public final class ScreenCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "All candidate variables: \"Surv(time, status) ~ a + factor(b) + strata(s)\" (cox) or \"y ~ a + factor(b)\" (logistic).")
  String formulaText;

  @Option(names = "--model", required = true, description = "cox or logistic.")
  String model;

  @Option(
      names = "--entry-p",
      defaultValue = "0.1",
      description = "Entry threshold: univariable p < this (default: ${DEFAULT-VALUE}).")
  double entryP;

  @Option(
      names = "--select",
      defaultValue = "none",
      description =
          "none, backward, forward or both: stepwise AIC selection among the entered variables (default: ${DEFAULT-VALUE}).")
  String select;

  @Option(
      names = "--ties",
      defaultValue = "efron",
      converter = TieMethods.class,
      description = "Cox tie method: efron or breslow (default: ${DEFAULT-VALUE}).")
  String ties;

  @Option(
      names = "--ci",
      defaultValue = "wald",
      description = "Logistic CIs: wald or profile (default: ${DEFAULT-VALUE}).")
  String ci;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(
      names = "--firth",
      description =
          "Logistic model only: Firth's penalised likelihood (as logistic --firth, brglm2 AS_mean);"
              + " the univariable test is the penalised likelihood-ratio test (logistf's).")
  boolean firth;

  /** {@code --ties}'s values. */
  static final class TieMethods extends OptionChoice {
    TieMethods() {
      super(ScreenAnalysis.TIES);
    }
  }

  @Override
  public Integer call() throws Exception {
    ScreenReport report =
        ScreenAnalysis.run(
            input.file(),
            new ScreenAnalysis.Request(
                formulaText, model, entryP, select, ties, ci, confLevel, firth));
    output.write(out -> ScreenWriter.write(report, output.format(), out));
    figure.write(spec -> ScreenWriter.forest(report, spec));
    return 0;
  }
}
