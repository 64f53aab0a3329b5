package org.thyra.analysis.imputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyra.analysis.CodedColumn;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Progress;
import org.thyra.stats.imputation.ChainedEquations;
import org.thyra.stats.imputation.ImputationMethod;
import org.thyra.stats.imputation.MiceOptions;
import org.thyra.stats.imputation.MiceResult;
import org.thyra.stats.imputation.VariableType;

/**
 * Multiple imputation of table columns by chained equations ({@link ChainedEquations}), with the
 * column types mice would give them: a numeric column is imputed by predictive mean matching, a
 * categorical one (or a numeric one named in {@code factors}) with two levels by logistic
 * regression and with more by multinomial regression. Each completed data set comes back as a
 * {@link DataTable} with the same column names, categorical columns keeping their labels.
 */
public final class MultipleImputation {
  private MultipleImputation() {}

  /**
   * The completed tables and how each column was imputed.
   *
   * @param completed one table per imputation
   * @param names imputed columns, in order
   * @param types their types
   * @param methods their imputation methods (NONE when complete)
   * @param missing missing values per column
   * @param method the conventions used
   * @param warnings warnings, naming columns
   */
  public record Result(
      List<DataTable> completed,
      List<String> names,
      List<VariableType> types,
      List<ImputationMethod> methods,
      int[] missing,
      String method,
      List<String> warnings) {
    public Result {
      completed = List.copyOf(completed);
      names = List.copyOf(names);
      types = List.copyOf(types);
      methods = List.copyOf(methods);
      missing = missing.clone();
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Imputes the named columns of {@code table}, each predicted from all the others.
   *
   * @param table the data
   * @param names columns to impute (and to use as predictors)
   * @param factors numeric columns to treat as categorical
   * @param extra further complete predictor columns (e.g. an event indicator), not returned; may be
   *     empty
   * @param options m, maxit, seed
   * @return completed tables
   */
  public static Result impute(
      DataTable table,
      List<String> names,
      Set<String> factors,
      List<double[]> extra,
      MiceOptions options) {
    return impute(table, names, factors, extra, options, Progress.NONE);
  }

  /**
   * As {@link #impute(DataTable, List, Set, List, MiceOptions)}, telling {@code progress} after
   * every iteration (m × maxit can take minutes; the command draws a bar on a terminal).
   */
  public static Result impute(
      DataTable table,
      List<String> names,
      Set<String> factors,
      List<double[]> extra,
      MiceOptions options,
      Progress progress) {
    int q = names.size();
    int n = table.rowCount();
    double[][] columns = new double[q + extra.size()][];
    VariableType[] types = new VariableType[q + extra.size()];
    List<List<String>> labels = new ArrayList<>();
    int[] missing = new int[q];
    for (int j = 0; j < q; j++) {
      Column c = table.column(names.get(j));
      if (c instanceof NumericColumn x && !factors.contains(c.name())) {
        columns[j] = x.toArray();
        types[j] = VariableType.NUMERIC;
        labels.add(null);
      } else {
        CodedColumn coded = CodedColumn.of(c);
        if (coded.levels().size() > ModelFrame.MAX_LEVELS) {
          // a multinomial model per iteration with one equation per value: refuse up front
          throw new InputException(
              table.source(),
              null,
              c.name(),
              "has "
                  + coded.levels().size()
                  + " different values; a categorical variable is imputed with at most "
                  + ModelFrame.MAX_LEVELS
                  + " (is it an identifier, a date or free text? Leave it out of --vars, or group"
                  + " its values into fewer categories)");
        }
        columns[j] = new double[n];
        for (int i = 0; i < n; i++) {
          columns[j][i] = coded.codes()[i] < 0 ? Double.NaN : coded.codes()[i];
        }
        types[j] = coded.levels().size() == 2 ? VariableType.BINARY : VariableType.CATEGORICAL;
        labels.add(coded.levels());
      }
      for (double v : columns[j]) {
        missing[j] += Double.isNaN(v) ? 1 : 0;
      }
      if (missing[j] == n) {
        throw new InputException(
            table.source(),
            null,
            names.get(j),
            "every value is missing: the column cannot be imputed (leave it out)");
      }
    }
    for (int e = 0; e < extra.size(); e++) {
      columns[q + e] = extra.get(e);
      types[q + e] = VariableType.NUMERIC;
    }
    MiceResult r;
    try {
      // a bar on a terminal: m × maxit iterations can take minutes
      r = ChainedEquations.impute(columns, types, options, progress);
    } catch (IllegalArgumentException e) {
      throw new InputException(table.source(), null, null, named(e.getMessage(), names));
    }
    List<DataTable> completed = new ArrayList<>();
    for (double[][] data : r.completed()) {
      List<Column> cols = new ArrayList<>();
      for (int j = 0; j < q; j++) {
        if (labels.get(j) == null) {
          cols.add(NumericColumn.of(names.get(j), data[j]));
        } else {
          String[] text = new String[n];
          for (int i = 0; i < n; i++) {
            text[i] = labels.get(j).get((int) data[j][i]);
          }
          cols.add(CategoricalColumn.of(names.get(j), text));
        }
      }
      completed.add(DataTable.of(table.source(), cols));
    }
    List<String> warnings = new ArrayList<>();
    r.warnings().forEach(w -> warnings.add(named(w, names)));
    return new Result(
        completed,
        names,
        Arrays.asList(types).subList(0, q),
        r.methods().subList(0, q),
        missing,
        r.method(),
        warnings);
  }

  /**
   * The given rows and columns of a table, as a new table (labels of categorical columns kept).
   *
   * @param table the data
   * @param rows0 0-based rows to keep, in order
   * @param names columns to keep
   * @return the subset
   */
  public static DataTable subset(DataTable table, int[] rows0, List<String> names) {
    List<Column> cols = new ArrayList<>();
    for (String name : names) {
      Column c = table.column(name);
      if (c instanceof NumericColumn x) {
        double[] v = new double[rows0.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = x.value(rows0[i]);
        }
        cols.add(NumericColumn.of(name, v));
      } else {
        CategoricalColumn x = (CategoricalColumn) c;
        String[] v = new String[rows0.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = x.isMissing(rows0[i]) ? null : x.label(rows0[i]);
        }
        cols.add(CategoricalColumn.of(name, v));
      }
    }
    return DataTable.of(table.source(), cols);
  }

  /**
   * Nelson–Aalen cumulative hazard at each unit's own time, {@code H(T_i) = sum_{t <= T_i}
   * d(t)/n(t)}: with the event indicator, the predictors White &amp; Royston (2009, Stat Med
   * 28:1982–1998) recommend for imputing covariates of a Cox model.
   *
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @return H(T_i) per unit
   */
  public static double[] nelsonAalen(double[] time, int[] status) {
    int n = time.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
    double[] h = new double[n];
    double cum = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      int d = 0;
      while (j < n && time[order[j]] == time[order[i]]) {
        d += status[order[j]];
        j++;
      }
      cum += d / (double) (n - i);
      for (int k = i; k < j; k++) {
        h[order[k]] = cum;
      }
      i = j;
    }
    return h;
  }

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  /** Replaces the statistics module's "column 3" by the column's name. */
  static String named(String message, List<String> names) {
    Matcher m = COLUMN.matcher(message);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int j = Integer.parseInt(m.group(1)) - 1;
      String name = j < names.size() ? "column \"" + names.get(j) + "\"" : "an auxiliary predictor";
      m.appendReplacement(b, Matcher.quoteReplacement(name));
    }
    m.appendTail(b);
    return b.toString();
  }
}
