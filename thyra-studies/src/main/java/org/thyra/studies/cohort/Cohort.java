package org.thyra.studies.cohort;

import java.util.ArrayList;
import java.util.List;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.studies.protocol.CohortStep;
import org.thyra.studies.protocol.Condition;

/**
 * The analysed cohort: the derived table restricted to the rows every step keeps, with each row's
 * 1-based data row number in the input file and the flow of counts.
 *
 * @param table the cohort's rows
 * @param rows the data row number (in the input) of each cohort row
 * @param flow the counts of each step
 */
public record Cohort(DataTable table, int[] rows, CohortFlow flow) {

  /** Applies the steps in order to a derived table. */
  public static Cohort select(DataTable derived, List<CohortStep> steps) {
    int n = derived.rowCount();
    boolean[] keep = new boolean[n];
    java.util.Arrays.fill(keep, true);
    int left = n;
    List<CohortFlow.Step> flow = new ArrayList<>();
    for (CohortStep s : steps) {
      Column c = derived.column(s.column());
      int removed = 0;
      for (int r = 0; r < n; r++) {
        if (!keep[r]) {
          continue;
        }
        boolean meets =
            Boolean.TRUE.equals(s.missing())
                ? c.isMissing(r)
                : meets(c, r, s.is(), s.atLeast(), s.above(), s.atMost(), s.below());
        if (meets != s.isInclusion()) {
          keep[r] = false;
          removed++;
        }
      }
      flow.add(new CohortFlow.Step(s.label(), s.isInclusion(), left, removed, left - removed));
      left -= removed;
    }
    int[] rows = new int[left];
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (keep[r]) {
        rows[k++] = r;
      }
    }
    DataTable table = subset(derived, rows);
    int[] dataRows = rows.clone();
    for (int i = 0; i < dataRows.length; i++) {
      dataRows[i]++;
    }
    return new Cohort(table, dataRows, new CohortFlow(derived.source(), n, flow, left));
  }

  /** Whether row {@code r} of column {@code c} meets a condition; missing never does. */
  public static boolean meets(Condition cond, Column c, int r) {
    return meets(c, r, cond.is(), cond.atLeast(), cond.above(), cond.atMost(), cond.below());
  }

  static boolean meets(
      Column c, int r, List<String> is, Double atLeast, Double above, Double atMost, Double below) {
    if (c.isMissing(r)) {
      return false;
    }
    if (!is.isEmpty() && !is.contains(c.text(r))) {
      return false;
    }
    if (atLeast != null || above != null || atMost != null || below != null) {
      if (!(c instanceof NumericColumn x)) {
        return false;
      }
      double v = x.value(r);
      return (atLeast == null || v >= atLeast)
          && (above == null || v > above)
          && (atMost == null || v <= atMost)
          && (below == null || v < below);
    }
    return true;
  }

  /** The rows {@code rows} (0-based) of a table, in that order; unused levels are dropped. */
  public static DataTable subset(DataTable t, int[] rows) {
    List<Column> cols = new ArrayList<>();
    for (String name : t.columnNames()) {
      Column c = t.column(name);
      if (c instanceof NumericColumn x) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          v[i] = x.isMissing(rows[i]) ? Double.NaN : x.value(rows[i]);
        }
        cols.add(NumericColumn.of(name, v));
      } else {
        CategoricalColumn x = (CategoricalColumn) c;
        String[] v = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
          v[i] = x.isMissing(rows[i]) ? null : x.label(rows[i]);
        }
        cols.add(CategoricalColumn.of(name, v));
      }
    }
    return DataTable.of(t.source(), cols);
  }
}
