package org.thyra.report.table1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import org.thyra.analysis.table1.Table1;
import org.thyra.analysis.table1.Table1Analysis;
import org.thyra.analysis.table1.Table1Variable;
import org.thyra.report.output.Json;
import org.thyra.report.output.TableLayout;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.NumericSummary;

/**
 * {@code thyra table1}'s text and JSON; the table itself is {@link Table1Layout}'s (also as CSV,
 * XHTML and DOCX).
 */
public final class Table1Writer {
  private Table1Writer() {}

  /** The table's layout, citing {@code source} and the preset's method. */
  public static TableLayout layout(Table1 table, String source) {
    return Table1Layout.of(table, source, Table1Analysis.method(table.preset()));
  }

  /** The text: title, the table, its notes. */
  public static void text(TableLayout layout, PrintStream ps) {
    ps.println(layout.title());
    ps.println();
    layout.text().print(ps);
    ps.println();
    layout.notes().forEach(ps::println);
  }

  /** The JSON of {@code thyra table1} (docs/CLI.md). */
  public static ObjectNode json(Table1 t, TableLayout layout, String source) {
    ObjectNode root = Json.object();
    root.put("analysis", "table1");
    root.put("data", source);
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
    m.put("description", Table1Analysis.method(t.preset()));
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
