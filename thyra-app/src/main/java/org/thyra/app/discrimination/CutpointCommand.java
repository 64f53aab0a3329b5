package org.thyra.app.discrimination;

import java.util.concurrent.Callable;
import org.thyra.analysis.discrimination.CutpointAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.app.survival.SurvivalColumns;
import org.thyra.report.discrimination.CutpointFigure;
import org.thyra.report.discrimination.CutpointWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra cutpoint}: the maximally selected log-rank statistic with Lausen's adjusted p (SPEC
 * §5), as maxstat.test; or an X-tile-style three-group scan with its caveat.
 */
@Command(
    name = "cutpoint",
    mixinStandardHelpOptions = true,
    description =
        "Survival cut-point of a continuous variable: maximally selected log-rank statistic as"
            + " maxstat.test(smethod = \"LogRank\") with the Lau94 adjusted p (values <= cut-point are the low group);"
            + " --groups 3: an X-tile-style scan for two cut-points (unadjusted, see its caveat).")
public final class CutpointCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Mixin SurvivalColumns outcome;

  @Option(names = "--variable", required = true, description = "Numeric variable to cut.")
  String variable;

  @Option(
      names = "--minprop",
      defaultValue = "0.1",
      description = "Smallest proportion of rows in a group (default: ${DEFAULT-VALUE}).")
  double minprop;

  @Option(
      names = "--maxprop",
      defaultValue = "0.9",
      description =
          "Largest proportion in the low group, two groups only (default: ${DEFAULT-VALUE}).")
  double maxprop;

  @Option(
      names = "--groups",
      defaultValue = "2",
      description = "2 (maxstat) or 3 (X-tile-style scan) (default: ${DEFAULT-VALUE}).")
  int groups;

  @Option(
      names = "--max-candidates",
      defaultValue = "100",
      description =
          "Three groups: at most this many candidate cut values, thinned at evenly spaced ranks (default: ${DEFAULT-VALUE}).")
  int maxCandidates;

  @Option(
      names = "--y-title",
      paramLabel = "TEXT",
      description =
          "Figure: title of the probability axis, e.g. \"Progression-free survival\" (default:"
              + " Survival probability).")
  String yTitle;

  @Override
  public Integer call() throws Exception {
    CutpointAnalysis.Report report =
        CutpointAnalysis.run(
            input.file(),
            new CutpointAnalysis.Request(
                outcome.time(),
                outcome.event(),
                variable,
                minprop,
                maxprop,
                groups,
                maxCandidates));
    output.write(out -> new CutpointWriter(report).write(output.format(), out));
    if (report.twoGroups() != null) {
      // the two groups' curves are fitted only when a figure is drawn
      figure.write(
          spec ->
              CutpointFigure.of(
                  report, CutpointAnalysis.curves(report), spec, outcome.time(), yTitle));
    }
    return 0;
  }
}
