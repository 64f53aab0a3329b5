package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.thyra.analysis.table1.Table1;
import org.thyra.analysis.table1.Table1Builder;
import org.thyra.analysis.table1.Table1Variable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.DocxTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.TableLayout;
import org.thyra.report.output.XhtmlTable;
import org.thyra.report.table1.Table1Layout;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.NumericSummary;
import org.thyra.stats.descriptive.TablePreset;
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
      description = "Test choices of R's tableone or gtsummary (default: ${DEFAULT-VALUE}).")
  TablePreset preset;

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

  @Override
  public Integer call() throws Exception {
    if (format == Format.DOCX && out == null) {
      throw new IllegalArgumentException(
          "--format docx writes a binary Word file: give --out FILE.docx");
    }
    Set<String> varSet = new LinkedHashSet<>(vars);
    if (varSet.size() < vars.size()) {
      throw new InputException(
          input.source(), null, null, "--vars names a variable twice: " + vars);
    }
    if (varSet.contains(by)) {
      throw new InputException(
          input.source(), null, by, "the grouping column cannot also be a variable");
    }
    for (List<String> subset : List.of(factors, nonNormal, exact)) {
      for (String v : subset) {
        if (!varSet.contains(v)) {
          throw new InputException(
              input.source(),
              null,
              v,
              "--factor, --nonnormal and --exact must name variables listed in --vars");
        }
      }
    }
    List<String> columns = new ArrayList<>();
    columns.add(by);
    columns.addAll(vars);
    DataTable data = input.read(columns);
    List<String> notes = new ArrayList<>();
    for (String v : nonNormal) {
      if (!(data.column(v) instanceof NumericColumn) || factors.contains(v)) {
        throw new InputException(
            input.source(),
            null,
            v,
            "--nonnormal applies to numeric variables; this one is categorical");
      }
    }
    for (String v : exact) {
      if (data.column(v) instanceof NumericColumn && !factors.contains(v)) {
        throw new InputException(
            input.source(),
            null,
            v,
            "--exact applies to categorical variables; this one is numeric (add it to --factor)");
      }
    }
    if (preset == TablePreset.GTSUMMARY && (!nonNormal.isEmpty() || !exact.isEmpty())) {
      notes.add("gtsummary chooses its tests itself: --nonnormal and --exact are ignored");
    }
    Table1 built =
        Table1Builder.build(
            data, by, vars, Set.copyOf(factors), Set.copyOf(nonNormal), Set.copyOf(exact), preset);
    List<String> warnings = new ArrayList<>(notes);
    warnings.addAll(built.warnings());
    Table1 table =
        new Table1(
            built.by(),
            built.groups(),
            built.groupN(),
            built.n(),
            built.droppedMissing(),
            built.preset(),
            built.variables(),
            warnings);
    TableLayout layout = Table1Layout.of(table, input.source(), method());
    if (format == Format.DOCX) {
      AtomicFile.write(out, os -> DocxTable.write(layout, os));
      return 0;
    }
    OutputOptions.write(
        out,
        ps -> {
          switch (format) {
            case JSON -> Json.write(json(table, layout), ps);
            case CSV -> layout.csv().print(ps);
            case HTML -> XhtmlTable.write(layout, ps);
            default -> text(layout, ps);
          }
        });
    return 0;
  }

  private String method() {
    return preset == TablePreset.TABLEONE
        ? "tableone: numeric by one-way ANOVA (oneway.test, var.equal = TRUE; Student's t for two groups), "
            + "Kruskal-Wallis for --nonnormal; categorical by chisq.test (Yates on 2x2), Fisher's exact test for "
            + "--exact; SMD as tableone (mean of pairwise SMDs for more than two groups); quantiles type 7; "
            + "percentages of non-missing values"
        : "gtsummary: numeric by Wilcoxon rank-sum (two groups) or Kruskal-Wallis; categorical by "
            + "chisq.test(correct = FALSE) when every expected count is at least 5, else Fisher's exact test; "
            + "SMD as tableone; quantiles type 7; percentages of non-missing values";
  }

  private void text(TableLayout layout, PrintStream ps) {
    ps.println(layout.title());
    ps.println();
    layout.text().print(ps);
    ps.println();
    layout.notes().forEach(ps::println);
  }

  private ObjectNode json(Table1 t, TableLayout layout) {
    ObjectNode root = Json.object();
    root.put("analysis", "table1");
    root.put("data", input.source());
    root.put("by", t.by());
    root.put("preset", t.preset().name().toLowerCase(Locale.ROOT));
    root.put("n", t.n());
    root.put("dropped_missing", t.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("preset", t.preset().name().toLowerCase(Locale.ROOT));
    m.put("quantiles", "type 7");
    m.put("percent", "of non-missing values");
    m.put(
        "smd",
        "tableone: |m1 - m2| / sqrt((v1 + v2)/2); categorical Yang & Dalton; mean of pairwise for > 2 groups");
    m.put("description", method());
    root.set("warnings", Json.strings(t.warnings()));
    ArrayNode groups = root.putArray("groups");
    for (int j = 0; j < t.groups().size(); j++) {
      ObjectNode g = groups.addObject();
      g.put("group", t.groups().get(j));
      g.put("n", t.groupN()[j]);
    }
    ArrayNode variables = root.putArray("variables");
    for (Table1Variable v : t.variables()) {
      ObjectNode o = variables.addObject();
      o.put("variable", v.name());
      o.put("type", v.categorical() ? "categorical" : "numeric");
      o.put("summary", v.summary().key);
      o.put("test", v.test().test());
      o.put("test_method", v.test().method());
      o.set("statistic", Json.number(v.test().statistic()));
      o.set("df", Json.number(v.test().df()));
      o.set("p", Json.number(v.test().p()));
      o.set("smd", Json.number(v.smd()));
      ObjectNode miss = o.putObject("missing");
      miss.put("overall", v.missing());
      ObjectNode mg = miss.putObject("groups");
      for (int j = 0; j < t.groups().size(); j++) {
        mg.put(t.groups().get(j), v.groupMissing()[j]);
      }
      ArrayNode levels = o.putArray("levels");
      if (v.categorical()) {
        for (int l = 0; l < v.levels().size(); l++) {
          ObjectNode lv = levels.addObject();
          lv.put("level", v.levels().get(l));
          lv.set("overall", counts(v.overallCounts(), l));
          ObjectNode gs = lv.putObject("groups");
          for (int j = 0; j < t.groups().size(); j++) {
            gs.set(t.groups().get(j), counts(v.groupCounts().get(j), l));
          }
        }
      } else {
        ObjectNode lv = levels.addObject();
        lv.putNull("level");
        lv.set("overall", numeric(v.overall()));
        ObjectNode gs = lv.putObject("groups");
        for (int j = 0; j < t.groups().size(); j++) {
          gs.set(t.groups().get(j), numeric(v.groups().get(j)));
        }
      }
    }
    ObjectNode table = root.putObject("table");
    table.set("header", Json.strings(layout.header()));
    ArrayNode rows = table.putArray("rows");
    for (TableLayout.Row r : layout.rows()) {
      ObjectNode row = rows.addObject();
      row.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
      row.put("variable", r.variable());
      row.set("cells", Json.strings(r.cells()));
    }
    return root;
  }

  private static ObjectNode numeric(NumericSummary s) {
    ObjectNode o = Json.object();
    o.put("n", s.n());
    o.set("mean", Json.number(s.mean()));
    o.set("sd", Json.number(s.sd()));
    o.set("median", Json.number(s.median()));
    o.set("q1", Json.number(s.q1()));
    o.set("q3", Json.number(s.q3()));
    o.set("min", Json.number(s.min()));
    o.set("max", Json.number(s.max()));
    return o;
  }

  private static ObjectNode counts(CategoricalSummary s, int level) {
    ObjectNode o = Json.object();
    o.put("n", s.counts()[level]);
    o.set("percent", Json.number(s.percent()[level]));
    return o;
  }
}
