package org.thyra.app.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.table1.Table1;
import org.thyra.analysis.table1.Table1Analysis;
import org.thyra.app.InputOptions;
import org.thyra.app.OptionChoice;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.DocxTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.TableLayout;
import org.thyra.report.output.XhtmlTable;
import org.thyra.report.table1.Table1Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra table1}: a baseline table by group (SPEC §5) with the tests of tableone or
 * gtsummary, SMDs and missing counts; text, JSON, CSV, XHTML or Word.
 */
@Command(
    name = "table1",
    mixinStandardHelpOptions = true,
    description =
        "Baseline table by group: mean (SD), median (Q1, Q3), n (%%), missing counts, the test of each row as"
            + " tableone or gtsummary choose it, and tableone's standardised mean differences.")
public final class Table1Command implements Callable<Integer> {
  /** Output formats of this command: the usual three plus XHTML and Word. */
  public enum Format {
    TEXT,
    JSON,
    CSV,
    HTML,
    DOCX
  }

  @Mixin InputOptions input;

  @Option(
      names = "--by",
      required = true,
      description = "Grouping column: one table column per level.")
  String by;

  @Option(
      names = "--vars",
      required = true,
      split = ",",
      paramLabel = "VAR",
      description = "Variables, in table order.")
  List<String> vars;

  @Option(
      names = "--factor",
      split = ",",
      paramLabel = "VAR",
      description = "Numeric variables to summarise as categories.")
  List<String> factors = new ArrayList<>();

  @Option(
      names = "--nonnormal",
      split = ",",
      paramLabel = "VAR",
      description =
          "tableone: numeric variables summarised by median (Q1, Q3) and tested by Kruskal-Wallis.")
  List<String> nonNormal = new ArrayList<>();

  @Option(
      names = "--exact",
      split = ",",
      paramLabel = "VAR",
      description = "tableone: categorical variables tested by Fisher's exact test.")
  List<String> exact = new ArrayList<>();

  @Option(
      names = "--preset",
      defaultValue = "tableone",
      converter = Presets.class,
      description = "Test choices of R's tableone or gtsummary (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); docx needs --out.")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output.")
  Path out;

  /** {@code --preset}'s values. */
  static final class Presets extends OptionChoice {
    Presets() {
      super(Table1Analysis.PRESETS);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (format == Format.DOCX && out == null) {
      throw new IllegalArgumentException(
          "--format docx writes a binary Word file: give --out FILE.docx");
    }
    Table1 table =
        Table1Analysis.run(
            input.file(), new Table1Analysis.Request(by, vars, factors, nonNormal, exact, preset));
    TableLayout layout = Table1Writer.layout(table, input.source());
    if (format == Format.DOCX) {
      AtomicFile.write(out, os -> DocxTable.write(layout, os));
      return 0;
    }
    OutputOptions.write(
        out,
        ps -> {
          switch (format) {
            case JSON -> Json.write(Table1Writer.json(table, layout, input.source()), ps);
            case CSV -> layout.csv().print(ps);
            case HTML -> XhtmlTable.write(layout, ps);
            default -> Table1Writer.text(layout, ps);
          }
        });
    return 0;
  }
}
