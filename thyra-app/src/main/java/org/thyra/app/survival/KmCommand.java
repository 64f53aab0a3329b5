package org.thyra.app.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.survival.KaplanMeierAnalysis;
import org.thyra.analysis.survival.KaplanMeierReport;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.KmFigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.survival.KaplanMeierWriter;
import org.thyra.report.survival.KmSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra km}: Kaplan–Meier curves with Greenwood variance, per group (SPEC §5). */
@Command(
    name = "km",
    mixinStandardHelpOptions = true,
    description =
        "Kaplan-Meier survival estimates as R's survfit: Greenwood variance, confidence intervals,"
            + " median with its CI (quantile.survfit), survival at chosen times.")
public final class KmCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Mixin SurvivalColumns outcome;
  @Mixin FigureOptions figure;
  @Mixin KmFigureOptions kmFigure;

  @Option(names = "--group", description = "Grouping column: one curve per level.")
  String group;

  @Option(
      names = "--conf-type",
      defaultValue = "log",
      description = "CI type: log, log-log, plain, logit, arcsin (default: ${DEFAULT-VALUE}).")
  String confType;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(
      names = "--at",
      split = ",",
      paramLabel = "T",
      description = "Times at which to report survival, e.g. 12,36,60.")
  List<Double> at = new ArrayList<>();

  @Option(
      names = "--weights",
      paramLabel = "COL",
      description =
          "Case weights from column COL (e.g. IPTW from thyra weight), as survfit(weights = ):"
              + " robust variance when a weight is not a whole number.")
  String weights;

  @Override
  public Integer call() throws Exception {
    if (weights != null) {
      org.thyra.analysis.survival.WeightedSurvivalAnalysis.KmReport wr =
          org.thyra.analysis.survival.WeightedSurvivalAnalysis.km(
              input.file(),
              new KaplanMeierAnalysis.Request(
                  outcome.time(), outcome.event(), group, confType, confLevel, at),
              weights);
      output.write(
          out -> org.thyra.report.survival.WeightedSurvivalWriter.write(wr, output.format(), out));
      figure.write(
          spec ->
              kmFigure
                  .weightedBuilder(
                      KmSeries.weighted(wr.data(), wr.curves()), weights, spec, outcome.time())
                  .legendTitle(group)
                  .build());
      return 0;
    }
    KaplanMeierReport report =
        KaplanMeierAnalysis.run(
            input.file(),
            new KaplanMeierAnalysis.Request(
                outcome.time(), outcome.event(), group, confType, confLevel, at));
    output.write(out -> KaplanMeierWriter.write(report, output.format(), out));
    figure.write(
        spec ->
            kmFigure
                .builder(KmSeries.of(report.data(), report.curves()), spec, outcome.time())
                .legendTitle(group)
                .build());
    return 0;
  }
}
