package org.thyra.report.table1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.table1.Table1;
import org.thyra.analysis.table1.Table1Variable;
import org.thyra.report.output.TableLayout;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.NumericSummary;

/**
 * Lays a {@link Table1} out as one {@link TableLayout} (what text, CSV, XHTML and Word show): a
 * count row, then per variable a row with its summary, p-value, test and SMD, level rows for a
 * categorical variable and a missing row when values are missing.
 *
 * <p>Cells: mean (SD) and median (Q1, Q3) with 2 decimals, n (%) with 1 decimal (percent of the
 * non-missing values), p with 3 decimals or "&lt;0.001", SMD with 3 decimals; "NA" where a group
 * has no value.
 */
public final class Table1Layout {
  private Table1Layout() {}

  public static TableLayout of(Table1 t, String source, String method) {
    List<String> header = new ArrayList<>();
    header.add("");
    header.add("Overall");
    header.addAll(t.groups());
    header.addAll(List.of("p", "test", "SMD"));
    List<TableLayout.Row> rows = new ArrayList<>();
    List<String> count = new ArrayList<>(List.of("n", Integer.toString(t.n())));
    for (int n : t.groupN()) {
      count.add(Integer.toString(n));
    }
    count.addAll(List.of("", "", ""));
    rows.add(new TableLayout.Row(TableLayout.Kind.COUNT, "", count));
    for (Table1Variable v : t.variables()) {
      List<String> head = new ArrayList<>();
      head.add(v.name() + ", " + v.summary().label);
      if (v.categorical()) {
        for (int j = 0; j <= t.groups().size(); j++) {
          head.add("");
        }
      } else {
        head.add(cell(v.overall(), v.summary()));
        for (NumericSummary s : v.groups()) {
          head.add(cell(s, v.summary()));
        }
      }
      head.add(pValue(v.test().p()));
      head.add(v.test().test());
      head.add(Double.isFinite(v.smd()) ? String.format(Locale.ROOT, "%.3f", v.smd()) : "");
      rows.add(new TableLayout.Row(TableLayout.Kind.VARIABLE, v.name(), head));
      for (int l = 0; l < v.levels().size(); l++) {
        List<String> level = new ArrayList<>();
        level.add(v.levels().get(l));
        level.add(cell(v.overallCounts(), l));
        for (CategoricalSummary s : v.groupCounts()) {
          level.add(cell(s, l));
        }
        level.addAll(List.of("", "", ""));
        rows.add(new TableLayout.Row(TableLayout.Kind.LEVEL, v.name(), level));
      }
      if (v.missing() > 0) {
        List<String> miss = new ArrayList<>(List.of("missing", Integer.toString(v.missing())));
        for (int m : v.groupMissing()) {
          miss.add(Integer.toString(m));
        }
        miss.addAll(List.of("", "", ""));
        rows.add(new TableLayout.Row(TableLayout.Kind.MISSING, v.name(), miss));
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("Method: " + method);
    t.warnings().forEach(w -> notes.add("Warning: " + w));
    return new TableLayout("Table 1 by " + t.by() + " (" + source + ")", header, rows, notes);
  }

  public static String cell(NumericSummary s, Table1Variable.Summary summary) {
    if (summary == Table1Variable.Summary.MEAN_SD) {
      return fixed(s.mean()) + " (" + fixed(s.sd()) + ")";
    }
    return fixed(s.median()) + " (" + fixed(s.q1()) + ", " + fixed(s.q3()) + ")";
  }

  public static String cell(CategoricalSummary s, int level) {
    double pct = s.percent()[level];
    return s.counts()[level]
        + " ("
        + (Double.isFinite(pct) ? String.format(Locale.ROOT, "%.1f", pct) : "NA")
        + ")";
  }

  public static String fixed(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", x) : "NA";
  }

  public static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return "";
    }
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
