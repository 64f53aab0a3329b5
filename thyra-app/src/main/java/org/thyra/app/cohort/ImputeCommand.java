package org.thyra.app.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.imputation.TableImputation;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.imputation.ImputeWriter;
import org.thyra.report.output.TerminalProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra impute}: multiple imputation by chained equations (SPEC §4–§5), writing the m
 * completed data sets as files or as one stacked CSV numbered by {@code .imp} (mice's long format,
 * which {@code thyra cox --imputed .imp} analyses and pools).
 */
@Command(
    name = "impute",
    mixinStandardHelpOptions = true,
    description =
        "Multiple imputation by chained equations as mice: pmm for numeric, logreg for two categories,"
            + " polyreg for more; writes the m completed data sets (--out-dir) or one stacked CSV with .imp and"
            + " .id (--stacked).")
public final class ImputeCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(
      names = "--m",
      defaultValue = "5",
      description = "Number of imputations (default: ${DEFAULT-VALUE}).")
  int m;

  @Option(
      names = "--maxit",
      defaultValue = "5",
      description = "Iterations per imputation (default: ${DEFAULT-VALUE}).")
  int maxit;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--vars",
      split = ",",
      paramLabel = "VAR",
      description =
          "Columns to impute and to use as predictors (default: every column). Other columns are"
              + " copied unchanged.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--factor",
      split = ",",
      paramLabel = "VAR",
      description = "Numeric columns to impute as categories.")
  List<String> factors = new ArrayList<>();

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      description = "Write imputation_1.csv ... imputation_M.csv here.")
  Path outDir;

  @Option(
      names = "--stacked",
      paramLabel = "FILE",
      description = "Write one CSV: .imp, .id, then every column.")
  Path stacked;

  @Override
  public Integer call() throws Exception {
    if (outDir == null && stacked == null) {
      throw new IllegalArgumentException(
          "say where the completed data sets go: --out-dir DIR and/or --stacked FILE");
    }
    TableImputation.Report report =
        TableImputation.run(
            input.file(),
            new TableImputation.Request(m, maxit, seed, vars, factors),
            TerminalProgress.onStandardError());
    List<String> files = new ArrayList<>();
    if (outDir != null) {
      files.addAll(ImputeWriter.writeCompleted(report, outDir));
    }
    if (stacked != null) {
      ImputeWriter.writeStacked(report, stacked);
      files.add(stacked.toString());
    }
    output.write(out -> ImputeWriter.write(report, files, output.format(), out));
    return 0;
  }
}
