package org.thyra.report.paired;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.paired.PairedAnalysis;
import org.thyra.report.figure.BoxDotFigure;
import org.thyra.report.figure.Figure;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.PValues;
import org.thyra.report.figure.SankeyFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.contingency.ChiSquareResult;
import org.thyra.stats.rank.RankTestResult;

/**
 * {@code thyra paired}'s report: text as R prints {@code wilcox.test} / {@code mcnemar.test}, JSON,
 * CSV, and its figure (box-and-dot of both measurements for Wilcoxon, a Sankey diagram of the k × k
 * table for McNemar / Bowker).
 */
public final class PairedWriter {
  private PairedWriter() {}

  /** Writes the report in one format. */
  public static void write(PairedAnalysis.Report report, OutputFormat format, PrintStream out)
      throws IOException {
    boolean wilcoxon = report.test() == PairedAnalysis.Test.WILCOXON;
    switch (format) {
      case JSON -> Json.write(wilcoxon ? wilcoxonJson(report) : tableJson(report), out);
      case CSV -> (wilcoxon ? wilcoxonCsv(report) : tableCsv(report)).print(out);
      default -> {
        if (wilcoxon) {
          wilcoxonText(report, out);
        } else {
          tableText(report, out);
        }
      }
    }
  }

  /** The figure: box-and-dot with the signed-rank p, or the Sankey diagram with the test's p. */
  public static Figure figure(PairedAnalysis.Report report, FigureSpec spec) throws IOException {
    String before = report.request().before();
    String after = report.request().after();
    if (report.test() == PairedAnalysis.Test.WILCOXON) {
      return new BoxDotFigure(
          "Value",
          List.of(before, after),
          List.of(report.beforeValues(), report.afterValues()),
          "Wilcoxon signed-rank " + PValues.equation(report.wilcoxon().p()),
          false,
          spec);
    }
    PairedAnalysis.Square sq = report.square();
    return new SankeyFigure(
        before,
        after,
        sq.levels(),
        sq.table(),
        (report.test() == PairedAnalysis.Test.MCNEMAR ? "McNemar" : "McNemar–Bowker symmetry")
            + " test "
            + PValues.equation(report.symmetry().p()),
        spec);
  }

  private static String pEquals(double p) {
    String s = Numbers.pValue(p);
    return s.startsWith("<") ? "< " + s.substring(1) : "= " + s;
  }

  private static ObjectNode base(
      PairedAnalysis.Report report, String testName, int n, int dropped) {
    ObjectNode root = Json.object();
    root.put("analysis", "paired");
    root.put("data", report.source());
    root.put("before", report.request().before());
    root.put("after", report.request().after());
    root.put("test", testName);
    root.put("n", n);
    root.put("dropped_missing", dropped);
    ObjectNode m = root.putObject("method");
    m.put("test", report.method());
    root.set("warnings", Json.strings(report.warnings()));
    return root;
  }

  private static ObjectNode wilcoxonJson(PairedAnalysis.Report report) {
    RankTestResult r = report.wilcoxon();
    ObjectNode root = base(report, "wilcoxon", report.n(), report.dropped());
    ((ObjectNode) root.get("method"))
        .put("difference", report.request().before() + " - " + report.request().after());
    ((ObjectNode) root.get("method")).put("exact", r.exact());
    root.set("statistic", Json.number(r.statistic()));
    root.set("p", Json.number(r.p()));
    root.put("n_nonzero", r.n());
    return root;
  }

  private static CsvTable wilcoxonCsv(PairedAnalysis.Report report) {
    RankTestResult r = report.wilcoxon();
    return new CsvTable(List.of("test", "statistic", "p", "n", "n_nonzero"))
        .row(
            List.of(
                "wilcoxon",
                Numbers.full(r.statistic()),
                Numbers.full(r.p()),
                Integer.toString(report.n()),
                Integer.toString(r.n())));
  }

  private static void wilcoxonText(PairedAnalysis.Report report, PrintStream out) {
    RankTestResult r = report.wilcoxon();
    String before = report.request().before();
    String after = report.request().after();
    out.println("\t" + r.method());
    out.println();
    out.println("data:  " + before + " and " + after + " (" + report.source() + ")");
    out.printf("V = %s, p-value %s%n", Numbers.signif(r.statistic(), 7), pEquals(r.p()));
    out.printf(
        "%d complete pairs, %d with a non-zero difference %s - %s; %d rows dropped for missing values%n",
        report.n(), r.n(), before, after, report.dropped());
    r.warnings().forEach(w -> out.println("Warning: " + w));
  }

  private static ObjectNode tableJson(PairedAnalysis.Report report) {
    PairedAnalysis.Square sq = report.square();
    ChiSquareResult r = report.symmetry();
    ObjectNode root =
        base(report, report.test().name().toLowerCase(Locale.ROOT), sq.n(), sq.dropped());
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
    root.put("discordant", sq.discordant());
    return root;
  }

  private static CsvTable tableCsv(PairedAnalysis.Report report) {
    PairedAnalysis.Square sq = report.square();
    List<String> h = new ArrayList<>();
    h.add(report.request().before() + "\\" + report.request().after());
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

  private static void tableText(PairedAnalysis.Report report, PrintStream out) {
    PairedAnalysis.Square sq = report.square();
    ChiSquareResult r = report.symmetry();
    String before = report.request().before();
    String after = report.request().after();
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
            + (report.test() == PairedAnalysis.Test.BOWKER
                ? " (McNemar-Bowker test of symmetry)"
                : ""));
    out.println();
    out.println("data:  " + before + " and " + after + " (" + report.source() + ")");
    out.printf(
        "McNemar's chi-squared = %s, df = %s, p-value %s%n",
        Numbers.signif(r.statistic(), 5), Numbers.signif(r.df(), 7), pEquals(r.p()));
    out.printf("%d complete pairs; %d rows dropped for missing values%n", sq.n(), sq.dropped());
    r.warnings().forEach(w -> out.println("Warning: " + w));
  }
}
