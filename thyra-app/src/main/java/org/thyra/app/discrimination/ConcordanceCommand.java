package org.thyra.app.discrimination;

import java.util.concurrent.Callable;
import org.thyra.analysis.discrimination.ConcordanceAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.app.survival.SurvivalColumns;
import org.thyra.report.discrimination.ConcordanceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra concordance}: Harrell's C of a predictor for survival (SPEC §5), as
 * survival::concordance.
 */
@Command(
    name = "concordance",
    mixinStandardHelpOptions = true,
    description =
        "Harrell's C as survival::concordance(Surv(T, E) ~ P): predictor ties count 1/2, SE by infinitesimal"
            + " jackknife; --reverse when a larger predictor means shorter survival (a risk score).")
public final class ConcordanceCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Mixin SurvivalColumns outcome;

  @Option(names = "--predictor", required = true, description = "Numeric predictor column.")
  String predictor;

  @Option(
      names = "--reverse",
      description =
          "Concordant when the larger predictor has the shorter time (as reverse = TRUE).")
  boolean reverse;

  @Override
  public Integer call() throws Exception {
    ConcordanceAnalysis.Report report =
        ConcordanceAnalysis.run(
            input.file(),
            new ConcordanceAnalysis.Request(outcome.time(), outcome.event(), predictor, reverse));
    output.write(out -> new ConcordanceWriter(report).write(output.format(), out));
    return 0;
  }
}
