package org.thyra.app.prediction;

import java.util.concurrent.Callable;
import org.thyra.analysis.prediction.TdrocAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.prediction.TdrocWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra tdroc}: cumulative/dynamic time-dependent AUC with marginal Kaplan–Meier IPCW, as
 * {@code riskRegression::Score(list(marker), Hist(time, status) ~ 1, metrics = "auc", cens.model =
 * "marginal", se.fit = TRUE)} (issue 4).
 *
 * <p>As Score: a time at which there is no case (before the first event) or no control (the last
 * follow-up time itself) has AUC {@code null} with a warning; a time after the last follow-up,
 * which Score leaves out, is refused (no extrapolation).
 */
@Command(
    name = "tdroc",
    mixinStandardHelpOptions = true,
    description =
        "Time-dependent (cumulative/dynamic) AUC at chosen times with marginal Kaplan-Meier censoring"
            + " weights, SE and CI, as riskRegression::Score(metrics = \"auc\", cens.model = \"marginal\")."
            + " A higher marker means higher risk. --formula uses the Cox linear predictor fitted on the"
            + " same data (apparent AUC).")
public final class TdrocCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(names = "--time", description = "Follow-up time column (with --marker).")
  String time;

  @Option(
      names = "--event",
      description = "Event column: 0/1, 1/2, TRUE/FALSE or yes/no (with --marker).")
  String event;

  @Option(
      names = "--marker",
      description = "Numeric risk marker column: a higher value means higher risk.")
  String marker;

  @Option(
      names = "--formula",
      description =
          "Instead of --marker: \"Surv(T, E) ~ a + factor(b)\"; the marker is the Cox (Efron) linear"
              + " predictor fitted on the same rows (apparent, optimistic AUC).")
  String formulaText;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "T[,T...]",
      description = "Times t for AUC(t), e.g. 36,60.")
  String at;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    double[] times = TdrocAnalysis.parseTimes(input.source(), at);
    TdrocAnalysis.Report report =
        TdrocAnalysis.run(
            input.file(),
            new TdrocAnalysis.Request(time, event, marker, formulaText, times, confLevel));
    TdrocWriter writer = new TdrocWriter(report);
    output.write(out -> writer.write(output.format(), out));
    figure.write(writer::figure);
    return 0;
  }
}
