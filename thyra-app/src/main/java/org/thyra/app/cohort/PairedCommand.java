package org.thyra.app.cohort;

import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.paired.PairedAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.DataTable;
import org.thyra.report.paired.PairedWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra paired}: related comparisons of two measurements of the same units, e.g. first and
 * last response (seed 001): Wilcoxon signed-rank for numbers, McNemar for a 2×2 table,
 * McNemar–Bowker symmetry for k×k.
 */
@Command(
    name = "paired",
    mixinStandardHelpOptions = true,
    description =
        "Paired comparison of two columns measured on the same rows: Wilcoxon signed-rank test (numeric),"
            + " McNemar's test (two categories) or the McNemar-Bowker test of symmetry (k categories), as R's"
            + " wilcox.test(paired = TRUE) and mcnemar.test.")
public final class PairedCommand implements Callable<Integer> {
  /** Which paired test to run. */
  public enum Test {
    AUTO,
    WILCOXON,
    MCNEMAR,
    BOWKER
  }

  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--before",
      required = true,
      description = "First measurement (rows of the k x k table).")
  String before;

  @Option(
      names = "--after",
      required = true,
      description = "Second measurement (columns of the k x k table).")
  String after;

  @Option(
      names = "--test",
      defaultValue = "auto",
      description =
          "${COMPLETION-CANDIDATES}; auto: Wilcoxon for numeric columns, McNemar for two categories (or numeric"
              + " columns holding only two values), Bowker for more (default: ${DEFAULT-VALUE}).")
  Test test;

  @Option(
      names = "--factor",
      description = "Read numeric columns as categories (for McNemar / Bowker).")
  boolean factor;

  @Option(
      names = "--levels",
      split = ",",
      paramLabel = "L1,L2,...",
      description =
          "Order of the categories in the table and the Sankey diagram, best to worst (e.g."
              + " ER,IDR,BIR,SIR); every category in the data must be named. Default: the ATA 2015"
              + " response-to-therapy and RECIST 1.1 categories in their clinical order, other"
              + " categories sorted.")
  List<String> levels;

  @Option(
      names = "--correct",
      defaultValue = "true",
      arity = "1",
      description =
          "McNemar continuity correction on a 2 x 2 table, as R's default (default: ${DEFAULT-VALUE}).")
  boolean correct;

  @Override
  public Integer call() throws Exception {
    DataTable data = input.read(List.of(before, after));
    // the workflow is PairedAnalysis's (a study's paired analysis runs the same code)
    PairedAnalysis.Report report =
        PairedAnalysis.run(
            data,
            input.source(),
            new PairedAnalysis.Request(
                before, after, PairedAnalysis.Test.valueOf(test.name()), factor, correct, levels));
    output.write(out -> PairedWriter.write(report, output.format(), out));
    figure.write(spec -> PairedWriter.figure(report, spec));
    return 0;
  }
}
