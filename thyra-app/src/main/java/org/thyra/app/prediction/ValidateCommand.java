package org.thyra.app.prediction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.prediction.ValidateAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.output.TerminalProgress;
import org.thyra.report.prediction.ValidateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra validate}: internal validation of a Cox or logistic model by the optimism bootstrap
 * ({@code rms::validate}, {@code rms::calibrate(cmethod = "KM")}), split-sample or external
 * validation (C-index with CI in development and validation data, calibration in the validation
 * data), and risk groups by a maximally selected log-rank cut-off (SPEC §5, issue 4).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Validates a Cox or logistic model: optimism-corrected Dxy / C and calibration slope by the bootstrap as"
            + " rms::validate, calibration at horizons as rms::calibrate(cmethod = \"KM\"), logistic calibration"
            + " intercept / slope and Hosmer-Lemeshow; --split or --validate-on for development / validation data with"
            + " C-index and 95%% CI in both; --risk-groups for low / high risk groups by maximally selected log-rank.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula: \"Surv(time, status) ~ x + factor(z)\" (Cox) or \"y ~ x + factor(z)\" (logistic).")
  String formulaText;

  @Option(
      names = "--model",
      description = "cox or logistic (default: from the formula's response).")
  String model;

  @Option(
      names = "--bootstrap",
      defaultValue = "200",
      paramLabel = "B",
      description =
          "Bootstrap replicates for optimism correction; 0 for none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the bootstrap and of --split (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--horizon",
      split = ",",
      paramLabel = "T",
      description = "Cox: calibration horizons, e.g. 36,60 (time units of the data).")
  List<Double> horizons = new ArrayList<>();

  @Option(
      names = "--group-size",
      paramLabel = "M",
      description =
          "Cox calibration at --horizon: subjects per group, as rms::calibrate's m (default: 50).")
  Integer groupSize;

  @Option(names = "--ties", description = "Cox tie method: efron or breslow (default: efron).")
  String ties;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Bootstrap worker threads (default: all cores); results do not depend on it.")
  Integer threads;

  @Option(
      names = "--split",
      paramLabel = "FRACTION",
      description = "Development fraction of a seeded random split of the complete rows, e.g. 0.7.")
  Double split;

  @Option(
      names = "--validate-on",
      paramLabel = "FILE",
      description =
          "External validation data (CSV/XLSX with the same columns), coded with the development levels.")
  Path validateOn;

  @Option(
      names = "--risk-groups",
      paramLabel = "lp|points",
      description =
          "Cox: low / high risk groups by the maximally selected log-rank cut-off on the development"
              + " linear predictor (lp) or nomogram total points (points).")
  String riskGroups;

  @Option(
      names = "--conf-level",
      description =
          "Confidence level of the C-index CIs with --split or --validate-on (default: 0.95).")
  Double confLevel;

  @Override
  public Integer call() throws Exception {
    ValidateAnalysis.Report report =
        ValidateAnalysis.run(
            input.file(),
            new ValidateAnalysis.Request(
                formulaText,
                model,
                bootstrap,
                seed,
                horizons,
                groupSize,
                ties,
                threads,
                split,
                validateOn,
                riskGroups,
                confLevel),
            // a bar on a terminal (B refits can take minutes); the numbers do not depend on it
            TerminalProgress.onStandardError());
    ValidateWriter writer = new ValidateWriter(report);
    output.write(out -> writer.write(output.format(), out));
    figure.write(writer::figure);
    return 0;
  }
}
