package org.thyra.app.discrimination;

import java.util.concurrent.Callable;
import org.thyra.analysis.discrimination.RocAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.discrimination.RocWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra roc}: empirical ROC curve, AUC with DeLong CI, Youden thresholds (SPEC §5), as pROC.
 */
@Command(
    name = "roc",
    mixinStandardHelpOptions = true,
    description =
        "ROC analysis as pROC 1.18: direction by medians, AUC with DeLong CI (clipped to [0,1]), Youden-best"
            + " thresholds (midpoints, all ties), sensitivity/specificity at a threshold with exact CIs,"
            + " DeLong's paired test against a second marker.")
public final class RocCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(
      names = "--outcome",
      required = true,
      description =
          "Binary outcome: 0/1, TRUE/FALSE, yes/no or a two-level column (the non-reference level is the case).")
  String outcome;

  @Option(names = "--marker", required = true, description = "Numeric marker column.")
  String marker;

  @Option(
      names = "--direction",
      defaultValue = "auto",
      description =
          "auto (by medians, as pROC), \"<\" (controls lower: a case when marker >= threshold) or \">\" (default: ${DEFAULT-VALUE}).")
  String direction;

  @Option(
      names = "--at",
      paramLabel = "T",
      description = "Threshold at which to report sensitivity and specificity with exact CIs.")
  Double at;

  @Option(
      names = "--compare",
      paramLabel = "M2",
      description = "Second marker on the same rows: DeLong's paired test of the two AUCs.")
  String compare;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    RocAnalysis.Report report =
        RocAnalysis.run(
            input.file(),
            new RocAnalysis.Request(outcome, marker, direction, at, compare, confLevel));
    output.write(out -> new RocWriter(report).write(output.format(), out));
    return 0;
  }
}
