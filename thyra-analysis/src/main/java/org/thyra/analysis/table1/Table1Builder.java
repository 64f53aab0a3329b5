package org.thyra.analysis.table1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.thyra.analysis.CodedColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.GroupComparison;
import org.thyra.stats.descriptive.GroupTest;
import org.thyra.stats.descriptive.NumericSummary;
import org.thyra.stats.descriptive.SmdResult;
import org.thyra.stats.descriptive.StandardizedMeanDifference;
import org.thyra.stats.descriptive.TablePreset;

/**
 * Builds a {@link Table1} from a data table: rows with a missing group are left out (counted); each
 * variable is summarised over the remaining rows, overall and per group, tested across groups as
 * the preset says ({@link GroupComparison}) and given tableone's SMD. Nothing here throws for a
 * variable that cannot be tested: the row gets p = NaN and a warning, so one variable cannot break
 * the table.
 */
public final class Table1Builder {
  private Table1Builder() {}

  public static Table1 build(
      DataTable table,
      String by,
      List<String> vars,
      Set<String> factors,
      Set<String> nonNormal,
      Set<String> exact,
      TablePreset preset) {
    CodedColumn group = CodedColumn.of(table.column(by));
    int rows = table.rowCount();
    int kept = 0;
    for (int c : group.codes()) {
      kept += c >= 0 ? 1 : 0;
    }
    int[] keep = new int[kept];
    for (int i = 0, k = 0; i < rows; i++) {
      if (group.codes()[i] >= 0) {
        keep[k++] = i;
      }
    }
    int k = group.levels().size();
    int[] groupN = new int[k];
    double[] g = new double[kept];
    for (int i = 0; i < kept; i++) {
      int code = group.codes()[keep[i]];
      g[i] = code;
      groupN[code]++;
    }
    List<String> warnings = new ArrayList<>();
    if (kept < rows) {
      warnings.add((rows - kept) + " rows with a missing " + by + " are left out of the table");
    }
    if (k < 2) {
      warnings.add(
          by
              + " has "
              + k
              + " group"
              + (k == 1 ? "" : "s")
              + " with rows: no test or SMD can be computed");
    }
    List<Table1Variable> variables = new ArrayList<>();
    for (String name : vars) {
      Column column = table.column(name);
      boolean categorical = !(column instanceof NumericColumn) || factors.contains(name);
      Table1Variable v =
          categorical
              ? categorical(
                  CodedColumn.of(column),
                  keep,
                  g,
                  group.levels(),
                  preset,
                  exact.contains(name),
                  warnings)
              : numeric(
                  (NumericColumn) column,
                  keep,
                  g,
                  group.levels(),
                  preset,
                  nonNormal.contains(name),
                  warnings);
      variables.add(v);
    }
    return new Table1(by, group.levels(), groupN, kept, rows - kept, preset, variables, warnings);
  }

  private static Table1Variable numeric(
      NumericColumn column,
      int[] keep,
      double[] g,
      List<String> labels,
      TablePreset preset,
      boolean nonNormal,
      List<String> warnings) {
    int k = labels.size();
    double[] x = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      x[i] = column.value(keep[i]);
    }
    NumericSummary overall = NumericSummary.of(x);
    List<NumericSummary> groups = new ArrayList<>(k);
    int[] missing = new int[k];
    for (int j = 0; j < k; j++) {
      NumericSummary s = NumericSummary.of(subset(x, g, j));
      groups.add(s);
      missing[j] = s.missing();
      noDataWarning(column.name(), s.n(), labels.get(j), warnings);
    }
    GroupTest test = GroupComparison.numeric(x, g, preset, nonNormal);
    test.warnings().forEach(w -> warnings.add(column.name() + ": " + w));
    double smd = smd(column.name(), k, () -> StandardizedMeanDifference.continuous(x, g));
    Table1Variable.Summary summary =
        preset == TablePreset.GTSUMMARY || nonNormal
            ? Table1Variable.Summary.MEDIAN_IQR
            : Table1Variable.Summary.MEAN_SD;
    return new Table1Variable(
        column.name(),
        summary,
        overall,
        groups,
        List.of(),
        null,
        List.of(),
        overall.missing(),
        missing,
        test,
        smd);
  }

  private static Table1Variable categorical(
      CodedColumn column,
      int[] keep,
      double[] g,
      List<String> labels,
      TablePreset preset,
      boolean exact,
      List<String> warnings) {
    int k = labels.size();
    // Levels are those present among the rows with a group; codes renumbered over them.
    int[] count = new int[column.levels().size()];
    for (int r : keep) {
      int c = column.codes()[r];
      if (c >= 0) {
        count[c]++;
      }
    }
    int[] newCode = new int[count.length];
    List<String> levels = new ArrayList<>();
    for (int c = 0; c < count.length; c++) {
      newCode[c] = count[c] > 0 ? levels.size() : -1;
      if (count[c] > 0) {
        levels.add(column.levels().get(c));
      }
    }
    double[] levelCodes = new double[levels.size()];
    for (int l = 0; l < levelCodes.length; l++) {
      levelCodes[l] = l;
    }
    double[] x = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      int c = column.codes()[keep[i]];
      x[i] = c < 0 ? Double.NaN : newCode[c];
    }
    CategoricalSummary overall = CategoricalSummary.of(x, levelCodes);
    List<CategoricalSummary> groups = new ArrayList<>(k);
    int[] missing = new int[k];
    for (int j = 0; j < k; j++) {
      CategoricalSummary s = CategoricalSummary.of(subset(x, g, j), levelCodes);
      groups.add(s);
      missing[j] = s.missing();
      long n = 0;
      for (long c : s.counts()) {
        n += c;
      }
      noDataWarning(column.name(), n, labels.get(j), warnings);
    }
    if (levels.isEmpty()) {
      warnings.add(column.name() + ": every value is missing");
    }
    GroupTest test = GroupComparison.categorical(x, g, preset, exact);
    test.warnings().forEach(w -> warnings.add(column.name() + ": " + w));
    double smd = smd(column.name(), k, () -> StandardizedMeanDifference.categorical(x, g));
    return new Table1Variable(
        column.name(),
        Table1Variable.Summary.N_PERCENT,
        null,
        List.of(),
        levels,
        overall,
        groups,
        overall.missing(),
        missing,
        test,
        smd);
  }

  private static void noDataWarning(String name, long n, String group, List<String> warnings) {
    if (n == 0) {
      warnings.add(name + ": group " + group + " has no non-missing values");
    }
  }

  private static double smd(String name, int k, java.util.function.Supplier<SmdResult> smd) {
    if (k < 2) {
      return Double.NaN;
    }
    try {
      return smd.get().smd();
    } catch (IllegalArgumentException e) {
      return Double.NaN;
    }
  }

  private static double[] subset(double[] x, double[] g, int code) {
    int n = 0;
    for (double v : g) {
      n += v == code ? 1 : 0;
    }
    double[] out = new double[n];
    for (int i = 0, m = 0; i < x.length; i++) {
      if (g[i] == code) {
        out[m++] = x[i];
      }
    }
    return out;
  }
}
