package org.thyra.analysis.table1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.thyra.analysis.DataFile;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.stats.descriptive.TablePreset;

/**
 * A baseline table of a data file: the workflow behind {@code thyra table1} (SPEC §5). Checks the
 * options against each other and against the columns read (a message names the option or column),
 * then builds the table with {@link Table1Builder}.
 */
public final class Table1Analysis {
  /** Categories per variable a table shows at most (issue 11: resource limits up front). */
  public static final int MAX_LEVELS = 100;

  /** The presets, as {@code --preset} names them (any case). */
  public static final List<String> PRESETS =
      Arrays.stream(TablePreset.values()).map(Enum::name).toList();

  private Table1Analysis() {}

  /**
   * What to tabulate, with the options of {@code thyra table1}.
   *
   * @param by grouping column
   * @param vars variables, in table order
   * @param factors numeric variables summarised as categories
   * @param nonNormal tableone: numeric variables summarised by median (Q1, Q3), Kruskal–Wallis
   * @param exact tableone: categorical variables tested by Fisher's exact test
   * @param preset one of {@link #PRESETS} (any case)
   */
  public record Request(
      String by,
      List<String> vars,
      List<String> factors,
      List<String> nonNormal,
      List<String> exact,
      String preset) {
    public Request {
      vars = List.copyOf(vars);
      factors = List.copyOf(factors);
      nonNormal = List.copyOf(nonNormal);
      exact = List.copyOf(exact);
    }
  }

  /** Reads the request's columns from {@code file} and builds the table. */
  public static Table1 run(DataFile file, Request request) {
    String source = file.source();
    String by = request.by();
    List<String> vars = request.vars();
    TablePreset preset = TablePreset.valueOf(request.preset().toUpperCase(java.util.Locale.ROOT));
    Set<String> varSet = new LinkedHashSet<>(vars);
    if (varSet.size() < vars.size()) {
      throw new InputException(source, null, null, "--vars names a variable twice: " + vars);
    }
    if (varSet.contains(by)) {
      throw new InputException(source, null, by, "the grouping column cannot also be a variable");
    }
    for (List<String> subset : List.of(request.factors(), request.nonNormal(), request.exact())) {
      for (String v : subset) {
        if (!varSet.contains(v)) {
          throw new InputException(
              source,
              null,
              v,
              "--factor, --nonnormal and --exact must name variables listed in --vars");
        }
      }
    }
    List<String> columns = new ArrayList<>();
    columns.add(by);
    columns.addAll(vars);
    DataTable data = file.read(columns);
    for (String v : columns) {
      // a column of ids or free text read as categories would take minutes and show nothing useful
      if (data.column(v) instanceof CategoricalColumn c && c.levels().size() > MAX_LEVELS) {
        throw new InputException(
            source,
            null,
            v,
            "has "
                + c.levels().size()
                + " different values; a baseline table shows at most "
                + MAX_LEVELS
                + " categories per variable (is it an identifier, a date or free text?)");
      }
    }
    for (String v : request.nonNormal()) {
      if (!(data.column(v) instanceof NumericColumn) || request.factors().contains(v)) {
        throw new InputException(
            source, null, v, "--nonnormal applies to numeric variables; this one is categorical");
      }
    }
    for (String v : request.exact()) {
      if (data.column(v) instanceof NumericColumn && !request.factors().contains(v)) {
        throw new InputException(
            source,
            null,
            v,
            "--exact applies to categorical variables; this one is numeric (add it to --factor)");
      }
    }
    List<String> warnings = new ArrayList<>();
    if (preset == TablePreset.GTSUMMARY
        && (!request.nonNormal().isEmpty() || !request.exact().isEmpty())) {
      warnings.add("gtsummary chooses its tests itself: --nonnormal and --exact are ignored");
    }
    Table1 built =
        Table1Builder.build(
            data,
            by,
            vars,
            Set.copyOf(request.factors()),
            Set.copyOf(request.nonNormal()),
            Set.copyOf(request.exact()),
            preset);
    warnings.addAll(built.warnings());
    return new Table1(
        built.by(),
        built.groups(),
        built.groupN(),
        built.n(),
        built.droppedMissing(),
        built.preset(),
        built.variables(),
        warnings);
  }

  /** The tests, SMD and quantiles of a table built with {@code preset}, in one sentence. */
  public static String method(TablePreset preset) {
    return preset == TablePreset.TABLEONE
        ? "tableone: numeric by one-way ANOVA (oneway.test, var.equal = TRUE; Student's t for two groups), "
            + "Kruskal-Wallis for --nonnormal; categorical by chisq.test (Yates on 2x2), Fisher's exact test for "
            + "--exact; SMD as tableone (mean of pairwise SMDs for more than two groups); quantiles type 7; "
            + "percentages of non-missing values"
        : "gtsummary: numeric by Wilcoxon rank-sum (two groups) or Kruskal-Wallis; categorical by "
            + "chisq.test(correct = FALSE) when every expected count is at least 5, else Fisher's exact test; "
            + "SMD as tableone; quantiles type 7; percentages of non-missing values";
  }
}
