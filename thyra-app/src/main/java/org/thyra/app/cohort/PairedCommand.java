package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.thyra.analysis.CodedColumn;
import org.thyra.analysis.ResponseOrder;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.LevelOrder;
import org.thyra.frame.NumericColumn;
import org.thyra.report.figure.BoxDotFigure;
import org.thyra.report.figure.PValues;
import org.thyra.report.figure.SankeyFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.contingency.ChiSquareResult;
import org.thyra.stats.contingency.McNemarTest;
import org.thyra.stats.rank.RankTestResult;
import org.thyra.stats.rank.WilcoxonSignedRankTest;
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
    if (before.equals(after)) {
      throw new InputException(
          input.source(), null, before, "--before and --after name the same column");
    }
    DataTable data = input.read(List.of(before, after));
    Column a = data.column(before);
    Column b = data.column(after);
    boolean numeric = a instanceof NumericColumn && b instanceof NumericColumn && !factor;
    Test chosen = test;
    if (chosen == Test.WILCOXON && !numeric) {
      Column bad = a instanceof NumericColumn ? b : a;
      throw new InputException(
          input.source(),
          null,
          bad.name(),
          "the Wilcoxon signed-rank test needs numeric columns; this one is categorical (or --factor was given)");
    }
    if (chosen == Test.AUTO && numeric) {
      // two numeric columns holding only two distinct values (0/1) are a paired binary outcome
      chosen =
          distinctValues((NumericColumn) a, (NumericColumn) b) == 2 ? Test.MCNEMAR : Test.WILCOXON;
    }
    Test run = chosen;
    if (run == Test.WILCOXON) {
      NumericColumn x = (NumericColumn) a;
      NumericColumn y = (NumericColumn) b;
      int complete = 0;
      for (int i = 0; i < data.rowCount(); i++) {
        complete += x.isMissing(i) || y.isMissing(i) ? 0 : 1;
      }
      int n = complete;
      if (n == 0) {
        throw new InputException(
            input.source(), null, after, "no row has both " + before + " and " + after);
      }
      RankTestResult r =
          input.analyse(null, () -> WilcoxonSignedRankTest.paired(x.toArray(), y.toArray()));
      output.write(
          out -> {
            switch (output.format()) {
              case JSON -> Json.write(wilcoxonJson(r, n, data.rowCount() - n), out);
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
              default -> wilcoxonText(r, n, data.rowCount() - n, out);
            }
          });
      figure.write(
          spec ->
              new BoxDotFigure(
                  "Value",
                  List.of(before, after),
                  List.of(x.toArray(), y.toArray()),
                  "Wilcoxon signed-rank " + PValues.equation(r.p()),
                  false,
                  spec));
      return 0;
    }
    Square sq = square(data, a, b);
    if (sq.n == 0) {
      throw new InputException(
          input.source(), null, after, "no row has both " + before + " and " + after);
    }
    int k = sq.levels.size();
    if (k < 2) {
      throw new InputException(
          input.source(),
          null,
          before,
          "a paired table needs at least 2 categories over both columns, got " + sq.levels);
    }
    if (run == Test.AUTO) {
      run = k == 2 ? Test.MCNEMAR : Test.BOWKER;
    }
    if (run == Test.MCNEMAR && k > 2) {
      throw new InputException(
          input.source(),
          null,
          before,
          "McNemar's test needs 2 categories, these columns have "
              + k
              + " "
              + sq.levels
              + ": use --test bowker");
    }
    boolean useCorrection = run == Test.MCNEMAR && correct;
    ChiSquareResult r = input.analyse(null, () -> McNemarTest.test(sq.table, useCorrection));
    Test done = run;
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
                (done == Test.MCNEMAR ? "McNemar" : "McNemar–Bowker symmetry")
                    + " test "
                    + PValues.equation(r.p()),
                spec));
    return 0;
  }

  private static long distinctValues(NumericColumn a, NumericColumn b) {
    return java.util.stream.DoubleStream.concat(
            java.util.Arrays.stream(a.toArray()), java.util.Arrays.stream(b.toArray()))
        .filter(v -> !Double.isNaN(v))
        .distinct()
        .limit(3)
        .count();
  }

  private static String pEquals(double p) {
    String s = Numbers.pValue(p);
    return s.startsWith("<") ? "< " + s.substring(1) : "= " + s;
  }

  /** The k x k table of (before, after) over the union of both columns' levels. */
  private record Square(List<String> levels, long[][] table, int n, int dropped) {}

  private Square square(DataTable data, Column a, Column b) {
    CodedColumn ca = CodedColumn.of(a);
    CodedColumn cb = CodedColumn.of(b);
    TreeSet<String> union = new TreeSet<>(LevelOrder.comparator(concat(ca.levels(), cb.levels())));
    union.addAll(ca.levels());
    union.addAll(cb.levels());
    if (this.levels != null) {
      for (CodedColumn c : List.of(ca, cb)) {
        for (String l : c.levels()) {
          if (!this.levels.contains(l)) {
            throw new InputException(
                input.source(),
                null,
                c.name(),
                "the category \""
                    + l
                    + "\" is not among --levels "
                    + String.join(",", this.levels));
          }
        }
      }
    }
    List<String> levels;
    try {
      levels = ResponseOrder.order(new ArrayList<>(union), this.levels);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--levels: " + e.getMessage(), e);
    }
    int[] mapA = ca.levels().stream().mapToInt(levels::indexOf).toArray();
    int[] mapB = cb.levels().stream().mapToInt(levels::indexOf).toArray();
    long[][] t = new long[levels.size()][levels.size()];
    int n = 0;
    for (int i = 0; i < data.rowCount(); i++) {
      int x = ca.codes()[i];
      int y = cb.codes()[i];
      if (x >= 0 && y >= 0) {
        t[mapA[x]][mapB[y]]++;
        n++;
      }
    }
    return new Square(levels, t, n, data.rowCount() - n);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
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

  private ObjectNode tableJson(Test t, Square sq, ChiSquareResult r) {
    ObjectNode root =
        base(t.name().toLowerCase(Locale.ROOT), sq.n, sq.dropped, r.method(), r.warnings());
    ((ObjectNode) root.get("method"))
        .put("continuity_correction", r.method().contains("continuity"));
    root.set("statistic", Json.number(r.statistic()));
    root.set("df", Json.number(r.df()));
    root.set("p", Json.number(r.p()));
    root.set("levels", Json.strings(sq.levels));
    ArrayNode rows = root.putArray("table");
    for (long[] row : sq.table) {
      ArrayNode a = rows.addArray();
      for (long c : row) {
        a.add(c);
      }
    }
    long discordant = 0;
    for (int i = 0; i < sq.table.length; i++) {
      for (int j = 0; j < sq.table.length; j++) {
        discordant += i == j ? 0 : sq.table[i][j];
      }
    }
    root.put("discordant", discordant);
    return root;
  }

  private CsvTable tableCsv(Square sq) {
    List<String> h = new ArrayList<>();
    h.add(before + "\\" + after);
    h.addAll(sq.levels);
    CsvTable t = new CsvTable(h);
    for (int i = 0; i < sq.levels.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(sq.levels.get(i));
      for (long c : sq.table[i]) {
        row.add(Long.toString(c));
      }
      t.row(row);
    }
    return t;
  }

  private void tableText(Test t, Square sq, ChiSquareResult r, PrintStream out) {
    List<String> h = new ArrayList<>();
    h.add(before + " \\ " + after);
    h.addAll(sq.levels);
    TextTable tt = new TextTable(h);
    for (int i = 0; i < sq.levels.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(sq.levels.get(i));
      for (long c : sq.table[i]) {
        row.add(Long.toString(c));
      }
      tt.row(row);
    }
    tt.print(out);
    out.println();
    out.println("\t" + r.method() + (t == Test.BOWKER ? " (McNemar-Bowker test of symmetry)" : ""));
    out.println();
    out.println("data:  " + before + " and " + after + " (" + input.source() + ")");
    out.printf(
        "McNemar's chi-squared = %s, df = %s, p-value %s%n",
        Numbers.signif(r.statistic(), 5), Numbers.signif(r.df(), 7), pEquals(r.p()));
    out.printf("%d complete pairs; %d rows dropped for missing values%n", sq.n, sq.dropped);
    r.warnings().forEach(w -> out.println("Warning: " + w));
  }
}
