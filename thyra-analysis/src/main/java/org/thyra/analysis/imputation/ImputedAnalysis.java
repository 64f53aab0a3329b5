package org.thyra.analysis.imputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.thyra.analysis.DataFile;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Progress;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;

/**
 * A model on multiply imputed data from a data file ({@code --impute M} or {@code --imputed
 * COLUMN}): builds the completed data sets, fits the model on each, and pools the coefficients by
 * Rubin's rules ({@link ImputedModel#pool}). The model is a function from a {@link ModelFrame} to
 * its {@link ImputedModel.Fitted} coefficients, so Cox and logistic share everything else.
 *
 * <p>{@code --impute M}: see {@link ImputedModel#impute} (outcomes are not imputed; the outcome
 * enters the imputation models). {@code --imputed COLUMN}: the file holds the completed data sets
 * stacked and numbered by COLUMN (mice's {@code complete(imp, "long")}, {@code thyra impute
 * --stacked}); 0 (the original data) is skipped.
 */
public final class ImputedAnalysis {
  /** Name of the pooled intercept of a logistic model, as R names it. */
  public static final String INTERCEPT = "(Intercept)";

  private ImputedAnalysis() {}

  /**
   * Where the completed data sets come from: {@code impute} (M, imputed here) or {@code imputed} (a
   * column numbering stacked data sets in the file); exactly one is given.
   *
   * @param impute imputations to make, or null
   * @param imputed the column numbering stacked completed data sets, or null
   * @param maxit iterations of the chained equations
   * @param seed seed of the chained equations
   */
  public record Request(Integer impute, String imputed, int maxit, long seed) {}

  /**
   * The completed data sets of a request.
   *
   * @throws IllegalArgumentException when both or neither source is given, or the formula has an
   *     interaction or a spline (the imputation model would need the same terms)
   */
  public static CompletedData completed(
      DataFile file, Formula formula, Request request, Progress progress) {
    if (request.impute() != null && request.imputed() != null) {
      throw new IllegalArgumentException("give either --impute M or --imputed COLUMN, not both");
    }
    if (formula.hasInteractionsOrSplines()) {
      throw new IllegalArgumentException(
          "--impute / --imputed with an interaction or an rcs() spline in the formula is not"
              + " supported (the imputation model would need the same terms); impute first with"
              + " thyra impute, then fit each completed data set");
    }
    return request.impute() != null
        ? impute(file, formula, request.impute(), request.maxit(), request.seed(), progress)
        : stacked(file, formula, request.imputed());
  }

  /** Imputes the formula's covariates {@code m} times ({@link ImputedModel#impute}). */
  public static CompletedData impute(
      DataFile file, Formula formula, int m, int maxit, long seed, Progress progress) {
    if (m < 2) {
      throw new IllegalArgumentException("--impute needs at least 2 imputations, got " + m);
    }
    ImputedModel.Completed c =
        ImputedModel.impute(
            file.read(formula),
            file.source(),
            file.referenceLevels(),
            formula,
            m,
            maxit,
            seed,
            progress);
    return CompletedData.of(c);
  }

  /** Splits a file of stacked completed data sets by its imputation column. */
  public static CompletedData stacked(DataFile file, Formula formula, String column) {
    List<String> cols = new ArrayList<>(formula.variables());
    if (cols.contains(column)) {
      throw new InputException(
          file.source(), null, column, "the imputation column cannot be a model variable");
    }
    cols.add(column);
    DataTable table = file.read(cols);
    Column imp = table.column(column);
    List<String> labels = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      if (imp.isMissing(i)) {
        throw new InputException(file.source(), i + 1, column, "the imputation number is missing");
      }
      String label =
          imp instanceof NumericColumn x
              ? DecimalText.format(x.value(i))
              : ((CategoricalColumn) imp).label(i);
      int k = labels.indexOf(label);
      if (k < 0) {
        k = labels.size();
        labels.add(label);
        rows.add(new int[16]);
        sizes.add(0);
      }
      int size = sizes.get(k);
      if (size == rows.get(k).length) {
        rows.set(k, Arrays.copyOf(rows.get(k), size * 2));
      }
      rows.get(k)[size] = i;
      sizes.set(k, size + 1);
    }
    List<DataTable> tables = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (int k = 0; k < labels.size(); k++) {
      if (labels.get(k).equals("0")) {
        // mice's complete(include = TRUE) puts the original, incomplete data first as .imp = 0
        continue;
      }
      used.add(labels.get(k));
      tables.add(
          MultipleImputation.subset(
              table, Arrays.copyOf(rows.get(k), sizes.get(k)), formula.variables()));
    }
    List<String> warnings = new ArrayList<>();
    if (used.size() < labels.size()) {
      warnings.add(
          "rows with "
              + column
              + " = 0 (the original data in mice's long format) were not analysed");
    }
    return new CompletedData(tables, 0, null, column, used, warnings);
  }

  /** Fits the model on every completed data set and pools the coefficients. */
  public static PooledModel pool(
      DataFile file,
      Formula formula,
      CompletedData data,
      Function<ModelFrame, ImputedModel.Fitted> model,
      double confLevel) {
    return pool(file.source(), file.referenceLevels(), formula, data, model, confLevel);
  }

  /**
   * As {@link #pool(DataFile, Formula, CompletedData, Function, double)} for data not read from a
   * file by this class (a study's cohort): {@code source} names them in messages.
   */
  public static PooledModel pool(
      String source,
      Map<String, String> references,
      Formula formula,
      CompletedData data,
      Function<ModelFrame, ImputedModel.Fitted> model,
      double confLevel) {
    ImputedModel.Pooled p =
        ImputedModel.pool(
            source,
            references,
            formula,
            data.tables(),
            data.droppedMissing(),
            data.warnings(),
            model);
    ModelFrame first = ModelFrame.build(data.tables().get(0), formula, references);
    return new PooledModel(
        source,
        formula,
        first,
        new PooledTerms(p.names(), p.pooled(), confLevel),
        p.first(),
        p.droppedMissing(),
        data,
        p.warnings());
  }

  /**
   * The logistic model of one completed data set, as {@code glm(family = binomial)}: every
   * coefficient including the intercept; complete-data df = the residual df {@code n - rank}, as
   * mice's {@code get.dfcom} takes {@code df.residual} for glm.
   */
  public static ImputedModel.Fitted logistic(ModelFrame frame) {
    int[] b = frame.binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    LogisticResult r =
        LogisticRegression.fit(
            y, frame.design().columns(), frame.design().columnNames(), frame.design().assign());
    List<LogisticTerm> all = new ArrayList<>();
    all.add(r.intercept());
    all.addAll(r.terms());
    int k = all.size();
    List<String> names = new ArrayList<>(k);
    double[] coef = new double[k];
    double[] se = new double[k];
    boolean[] aliased = new boolean[k];
    for (int j = 0; j < k; j++) {
      LogisticTerm t = all.get(j);
      names.add(j == 0 ? INTERCEPT : t.name());
      coef[j] = t.coef();
      se[j] = t.se();
      aliased[j] = t.aliased();
    }
    return new ImputedModel.Fitted(
        names, coef, se, aliased, Math.max(r.n() - r.df(), 1), r.n(), r.events(), r.warnings());
  }
}
