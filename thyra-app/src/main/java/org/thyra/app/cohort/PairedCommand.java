package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.thyra.analysis.paired.PairedAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.DataTable;
import org.thyra.report.figure.BoxDotFigure;
import org.thyra.report.figure.PValues;
import org.thyra.report.figure.SankeyFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.contingency.ChiSquareResult;
import org.thyra.stats.rank.RankTestResult;
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
    if (report.test() == PairedAnalysis.Test.WILCOXON) {
      RankTestResult r = report.wilcoxon();
      int n = report.n();
      output.write(
          out -> {
            switch (output.format()) {
              case JSON -> Json.write(wilcoxonJson(r, n, report.dropped()), out);
              case CSV ->
                  new CsvTable(List.of("test", "statistic", "p", "n", "n_nonzero"))
                      .row(
                          List.of(
                              "wilcoxon",
                              Numbers.full(r.statistic()),
                              Numbers.full(r.p()),
                              Integer.toString(n),
                              Integer.toString(r.n())))
                      .print(out);
              default -> wilcoxonText(r, n, report.dropped(), out);
            }
          });
      figure.write(
          spec ->
              new BoxDotFigure(
                  "Value",
                  List.of(before, after),
                  List.of(report.beforeValues(), report.afterValues()),
                  "Wilcoxon signed-rank " + PValues.equation(r.p()),
                  false,
                  spec));
      return 0;
    }
    PairedAnalysis.Square sq = report.square();
    ChiSquareResult r = report.symmetry();
    PairedAnalysis.Test done = report.test();
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(tableJson(done, sq, r), out);
            case CSV -> tableCsv(sq).print(out);
            default -> tableText(done, sq, r, out);
          }
        });
    figure.write(
        spec ->
            new SankeyFigure(
                before,
                after,
                sq.levels(),
                sq.table(),
                (done == PairedAnalysis.Test.MCNEMAR ? "McNemar" : "McNemar–Bowker symmetry")
                    + " test "
                    + PValues.equation(r.p()),
                spec));
    return 0;
  }

  private static String pEquals(double p) {
    String s = Numbers.pValue(p);
    return s.startsWith("<") ? "< " + s.substring(1) : "= " + s;
  }

  private ObjectNode base(
      String testName, int n, int dropped, String method, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "paired");
    root.put("data", input.source());
    root.put("before", before);
    root.put("after", after);
    root.put("test", testName);
    root.put("n", n);
    root.put("dropped_missing", dropped);
    ObjectNode m = root.putObject("method");
    m.put("test", method);
    List<String> w = new ArrayList<>();
    if (dropped > 0) {
      w.add(dropped + " rows with a missing " + before + " or " + after + " were dropped");
    }
    w.addAll(warnings);
    root.set("warnings", Json.strings(w));
    return root;
  }

  private ObjectNode wilcoxonJson(RankTestResult r, int n, int dropped) {
    ObjectNode root = base("wilcoxon", n, dropped, r.method(), r.warnings());
    ((ObjectNode) root.get("method")).put("difference", before + " - " + after);
    ((ObjectNode) root.get("method")).put("exact", r.exact());
    root.set("statistic", Json.number(r.statistic()));
    root.set("p", Json.number(r.p()));
    root.put("n_nonzero", r.n());
    return root;
  }

  private void wilcoxonText(RankTestResult r, int n, int dropped, PrintStream out) {
    out.println("\t" + r.method());
    out.println();
    out.println("data:  " + before + " and " + after + " (" + input.source() + ")");
    out.printf("V = %s, p-value %s%n", Numbers.signif(r.statistic(), 7), pEquals(r.p()));
    out.printf(
        "%d complete pairs, %d with a non-zero difference %s - %s; %d rows dropped for missing values%n",
        n, r.n(), before, after, dropped);
    r.warnings().forEach(w -> out.println("Warning: " + w));
  }

  private ObjectNode tableJson(PairedAnalysis.Test t, PairedAnalysis.Square sq, ChiSquareResult r) {
    ObjectNode root =
        base(t.name().toLowerCase(Locale.ROOT), sq.n(), sq.dropped(), r.method(), r.warnings());
    ((ObjectNode) root.get("method"))
        .put("continuity_correction", r.method().contains("continuity"));
    root.set("statistic", Json.number(r.statistic()));
    root.set("df", Json.number(r.df()));
    root.set("p", Json.number(r.p()));
    root.set("levels", Json.strings(sq.levels()));
    ArrayNode rows = root.putArray("table");
    for (long[] row : sq.table()) {
      ArrayNode a = rows.addArray();
      for (long c : row) {
        a.add(c);
      }
    }
    long discordant = 0;
    for (int i = 0; i < sq.table().length; i++) {
      for (int j = 0; j < sq.table().length; j++) {
        discordant += i == j ? 0 : sq.table()[i][j];
      }
    }
    root.put("discordant", discordant);
    return root;
  }

  private CsvTable tableCsv(PairedAnalysis.Square sq) {
    List<String> h = new ArrayList<>();
    h.add(before + "\\" + after);
    h.addAll(sq.levels());
    CsvTable t = new CsvTable(h);
    for (int i = 0; i < sq.levels().size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(sq.levels().get(i));
      for (long c : sq.table()[i]) {
        row.add(Long.toString(c));
      }
      t.row(row);
    }
    return t;
  }

  private void tableText(
      PairedAnalysis.Test t, PairedAnalysis.Square sq, ChiSquareResult r, PrintStream out) {
    List<String> h = new ArrayList<>();
    h.add(before + " \\ " + after);
    h.addAll(sq.levels());
    TextTable tt = new TextTable(h);
    for (int i = 0; i < sq.levels().size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(sq.levels().get(i));
      for (long c : sq.table()[i]) {
        row.add(Long.toString(c));
      }
      tt.row(row);
    }
    tt.print(out);
    out.println();
    out.println(
        "\t"
            + r.method()
            + (t == PairedAnalysis.Test.BOWKER ? " (McNemar-Bowker test of symmetry)" : ""));
    out.println();
    out.println("data:  " + before + " and " + after + " (" + input.source() + ")");
    out.printf(
        "McNemar's chi-squared = %s, df = %s, p-value %s%n",
        Numbers.signif(r.statistic(), 5), Numbers.signif(r.df(), 7), pEquals(r.p()));
    out.printf("%d complete pairs; %d rows dropped for missing values%n", sq.n(), sq.dropped());
    r.warnings().forEach(w -> out.println("Warning: " + w));
  }
}
