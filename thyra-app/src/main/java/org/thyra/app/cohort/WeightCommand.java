package org.thyra.app.cohort;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.thyra.analysis.weighting.IptwAnalysis;
import org.thyra.analysis.weighting.IptwReport;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.weighting.IptwWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra weight}: inverse probability of treatment weights from a logistic propensity model,
 * with balance before and after (IptwAnalysis).
 */
@Command(
    name = "weight",
    mixinStandardHelpOptions = true,
    description =
        "Inverse probability of treatment weighting: logistic propensity score, ATE or ATT weights,"
            + " standardised mean differences before and after weighting; the weighted data for"
            + " km / logrank / cox --weights.")
public final class WeightCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin PropensityOptions model;

  @Option(
      names = "--estimand",
      defaultValue = "ate",
      paramLabel = "E",
      description = "ate (1/e, 1/(1-e)) or att (1, e/(1-e)) (default: ${DEFAULT-VALUE}).")
  String estimand;

  @Option(
      names = "--stabilize",
      description = "Stabilised ATE weights: multiplied by the share of the row's group.")
  boolean stabilize;

  @Option(
      names = "--out-weighted",
      paramLabel = "FILE",
      description =
          "Write the analysed rows as CSV: row, treated, propensity, iptw, then every input column"
              + " as written.")
  Path outWeighted;

  @Override
  public Integer call() throws Exception {
    IptwReport report =
        IptwAnalysis.run(
            input.file(),
            new IptwAnalysis.Request(
                model.treatment(), model.covariates(), model.factors(), estimand, stabilize));
    if (outWeighted != null) {
      IptwWriter.writeWeighted(report, input.data(), outWeighted);
    }
    output.write(out -> IptwWriter.write(report, output.format(), out));
    return 0;
  }
}
