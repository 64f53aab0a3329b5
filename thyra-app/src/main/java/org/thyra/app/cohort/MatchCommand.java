package org.thyra.app.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.matching.MatchAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.OptionChoice;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.matching.MatchWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra match}: propensity-score matching as MatchIt's {@code matchit(method = "nearest",
 * distance = "glm")} for the ATT (SPEC §4–§5): a logistic propensity model, greedy
 * nearest-neighbour matching, balance before and after, and optionally the matched data set with
 * pair ids.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description =
        "Propensity-score matching as MatchIt's nearest-neighbour method: logistic propensity score, greedy"
            + " 1:k matching with caliper, order, replacement and exact-matching variables; balance table"
            + " (means, SMDs, variance ratios) before and after; the matched data with a pair id.")
public final class MatchCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin PropensityOptions model;

  @Option(
      names = "--distance",
      defaultValue = "probability",
      converter = Distances.class,
      completionCandidates = Distances.class,
      description = "Distance: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String distance;

  @Option(names = "--caliper", paramLabel = "WIDTH", description = "Caliper width (default: none).")
  Double caliper;

  @Option(
      names = "--std-caliper",
      defaultValue = "true",
      arity = "1",
      description =
          "Caliper in SDs of the distance (true, MatchIt's default) or on its raw scale (false).")
  boolean stdCaliper;

  @Option(
      names = "--ratio",
      defaultValue = "1",
      description = "Controls per treated unit (default: ${DEFAULT-VALUE}).")
  int ratio;

  @Option(
      names = "--order",
      defaultValue = "largest",
      converter = Orders.class,
      completionCandidates = Orders.class,
      description =
          "Order in which treated units choose: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String order;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of --order random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--replace",
      description = "Match with replacement (a control may serve several treated units).")
  boolean replace;

  @Option(
      names = "--exact",
      split = ",",
      paramLabel = "VAR",
      description = "Match only within equal values of these columns.")
  List<String> exact = new ArrayList<>();

  @Option(
      names = "--compat",
      defaultValue = "none",
      paramLabel = "RULE",
      description =
          "none (exact distance comparison, default) or matchit-4.5.1 (reproduce MatchIt 4.5.1's"
              + " integer-truncated comparison, for re-running analyses made with that version).")
  String compat;

  @Option(
      names = "--out-matched",
      paramLabel = "FILE",
      description =
          "Write the matched rows (all columns, plus row, pair_id, treated, distance, weights) as CSV.")
  Path outMatched;

  /** {@code --distance}'s values. */
  static final class Distances extends OptionChoice {
    Distances() {
      super(MatchAnalysis.DISTANCES);
    }
  }

  /** {@code --order}'s values. */
  static final class Orders extends OptionChoice {
    Orders() {
      super(MatchAnalysis.ORDERS);
    }
  }

  @Override
  public Integer call() throws Exception {
    // The workflow is MatchAnalysis's (the study runner's match runs the same code). The treatment
    // is read as categories (any two-level coding: 0/1, 1/2, yes/no, text); the non-reference level
    // is treated.
    MatchAnalysis.Request request =
        new MatchAnalysis.Request(
            model.treatment(),
            model.covariates(),
            model.factors(),
            distance,
            caliper,
            stdCaliper,
            ratio,
            order,
            seed,
            replace,
            exact,
            compat);
    MatchAnalysis.Report report = MatchAnalysis.run(input.file(), request);
    if (outMatched != null) {
      MatchWriter.writeMatched(report, input.data(), outMatched);
    }
    output.write(out -> MatchWriter.write(report, output.format(), outMatched, out));
    return 0;
  }
}
