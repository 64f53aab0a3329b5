package org.thyra.analysis.imputation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.TableReader;
import org.thyra.stats.Progress;
import org.thyra.stats.Result;
import org.thyra.stats.imputation.MiceOptions;

/**
 * Multiple imputation of a whole data file by chained equations: the workflow behind {@code thyra
 * impute} (SPEC §4–§5), as mice (pmm for numeric, logreg for two categories, polyreg for more), the
 * imputed columns predicting each other (mice's default predictor matrix).
 */
public final class TableImputation {
  private TableImputation() {}

  /**
   * What to impute, with the options of {@code thyra impute}.
   *
   * @param m imputations
   * @param maxit iterations per imputation
   * @param seed random seed
   * @param vars columns to impute and to use as predictors (empty: every column)
   * @param factors numeric columns imputed as categories
   */
  public record Request(int m, int maxit, long seed, List<String> vars, List<String> factors) {
    public Request {
      vars = List.copyOf(vars);
      factors = List.copyOf(factors);
    }
  }

  /**
   * The imputed file.
   *
   * @param source the data's name
   * @param request what was asked
   * @param table the file as typed for the imputation models
   * @param text the file as written (observed cells and columns not imputed are copied from here,
   *     byte for byte)
   * @param imputed the imputed columns
   * @param result the imputation: the m completed tables, methods, missing counts
   */
  public record Report(
      String source,
      Request request,
      DataTable table,
      DataTable text,
      Set<String> imputed,
      MultipleImputation.Result result)
      implements Result {
    public Report {
      imputed = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(imputed));
    }

    @Override
    public String method() {
      return result.method();
    }

    @Override
    public List<String> warnings() {
      return result.warnings();
    }
  }

  /** Reads every column of {@code file} and imputes the requested ones {@code m} times. */
  public static Report run(DataFile file, Request request, Progress progress) {
    DataTable table = TableReader.read(file.path(), null, file.options());
    DataTable text = TableReader.readText(file.path());
    return run(table, text, file.source(), request, progress);
  }

  /**
   * Imputes the requested columns of a table already read (a study's cohort) {@code m} times.
   *
   * @param source the data's name, as messages cite it
   * @return the report; its {@code text} is null (no completed files are written from it)
   */
  public static Report run(DataTable table, String source, Request request, Progress progress) {
    return run(table, null, source, request, progress);
  }

  private static Report run(
      DataTable table, DataTable text, String source, Request request, Progress progress) {
    List<String> names = request.vars().isEmpty() ? table.columnNames() : request.vars();
    Set<String> set = new LinkedHashSet<>(names);
    if (set.size() < names.size()) {
      throw new InputException(source, null, null, "--vars names a column twice: " + names);
    }
    for (String f : request.factors()) {
      if (!set.contains(f)) {
        throw new InputException(source, null, f, "--factor must name a column that is imputed");
      }
      table.column(f);
    }
    names.forEach(table::column); // unknown names fail here, with a suggestion
    MiceOptions options =
        DataFile.analyse(
            source,
            null,
            () -> new MiceOptions(request.m(), request.maxit(), request.seed(), 5, 1e-5));
    MultipleImputation.Result r =
        MultipleImputation.impute(
            table, names, Set.copyOf(request.factors()), List.of(), options, progress);
    return new Report(source, request, table, text, set, r);
  }
}
