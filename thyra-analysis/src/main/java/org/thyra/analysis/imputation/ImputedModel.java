package org.thyra.analysis.imputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.thyra.analysis.DataFile;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.VariableResponse;
import org.thyra.stats.Progress;
import org.thyra.stats.imputation.MiceOptions;
import org.thyra.stats.imputation.RubinPooling;
import org.thyra.stats.imputation.RubinPoolingResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * A model on multiply imputed data: the workflow behind {@code thyra cox --impute M} / {@code thyra
 * logistic --impute M} and a study's {@code cox} with {@code impute}. The covariates are imputed by
 * chained equations ({@link MultipleImputation}), the model is fitted on each completed data set,
 * and the coefficients are pooled by Rubin's rules with Barnard–Rubin df ({@link RubinPooling}, as
 * {@code mice::pool}).
 *
 * <p>Rows with a missing outcome are dropped (outcomes are not imputed); the covariates are imputed
 * with the outcome as a further predictor: for a survival outcome the event indicator and the
 * Nelson–Aalen H(T) (White &amp; Royston 2009, Stat Med 28:1982–1998), for a binary outcome the
 * outcome itself (van Buuren 2018, §6.2).
 */
public final class ImputedModel {
  private ImputedModel() {}

  /**
   * How the completed data sets were made.
   *
   * @param m imputations
   * @param maxit iterations
   * @param seed seed
   * @param predictors the predictors added to the covariates, in words
   * @param result the imputation (methods, missing counts, description)
   */
  public record Imputation(
      int m, int maxit, long seed, String predictors, MultipleImputation.Result result) {}

  /**
   * The completed data sets.
   *
   * @param tables one table per imputation, holding the formula's variables
   * @param droppedMissing rows dropped before imputation (missing outcome)
   * @param imputation how they were made
   * @param warnings warnings
   */
  public record Completed(
      List<DataTable> tables, int droppedMissing, Imputation imputation, List<String> warnings) {
    public Completed {
      tables = List.copyOf(tables);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * One completed-data fit.
   *
   * @param names coefficient names
   * @param coef estimates
   * @param se standard errors
   * @param aliased aliased coefficients (cannot be pooled)
   * @param dfCom complete-data df (mice: events - coefficients for coxph, residual df for glm)
   * @param n rows used
   * @param events events used
   * @param warnings the fit's warnings
   */
  public record Fitted(
      List<String> names,
      double[] coef,
      double[] se,
      boolean[] aliased,
      double dfCom,
      int n,
      int events,
      List<String> warnings) {
    public Fitted {
      names = List.copyOf(names);
      coef = coef.clone();
      se = se.clone();
      aliased = aliased.clone();
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The pooled model.
   *
   * @param names term names
   * @param pooled the pooled estimates
   * @param first the fit on the first completed data set (n, events, df)
   * @param droppedMissing rows dropped for a missing outcome (or, in the first data set, any
   *     variable)
   * @param warnings all warnings
   */
  public record Pooled(
      List<String> names,
      RubinPoolingResult pooled,
      Fitted first,
      int droppedMissing,
      List<String> warnings) {
    public Pooled {
      names = List.copyOf(names);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Imputes the formula's covariates {@code m} times.
   *
   * @param table the data (the formula's columns)
   * @param source its name, as messages cite it
   * @param references reference levels
   */
  public static Completed impute(
      DataTable table,
      String source,
      Map<String, String> references,
      Formula formula,
      int m,
      int maxit,
      long seed) {
    return impute(table, source, references, formula, m, maxit, seed, Progress.NONE);
  }

  /** As {@link #impute(DataTable, String, Map, Formula, int, int, long)}, telling progress. */
  public static Completed impute(
      DataTable table,
      String source,
      Map<String, String> references,
      Formula formula,
      int m,
      int maxit,
      long seed,
      Progress progress) {
    if (m < 2) {
      throw new IllegalArgumentException("--impute needs at least 2 imputations, got " + m);
    }
    // The response alone decides which rows are kept and how the outcome is coded.
    Formula response = new Formula(formula.response(), List.of());
    // only the outcome's own reference level applies here (the covariates' are used by the model)
    Map<String, String> outcomeRefs = new java.util.LinkedHashMap<>(references);
    outcomeRefs.keySet().retainAll(response.variables());
    ModelFrame outcome = ModelFrame.build(table, response, outcomeRefs);
    int[] rows1 = outcome.rows();
    int[] rows0 = new int[rows1.length];
    for (int i = 0; i < rows0.length; i++) {
      rows0[i] = rows1[i] - 1;
    }
    List<String> covariates = new ArrayList<>();
    Set<String> factors = new LinkedHashSet<>();
    for (Term t : formula.terms()) {
      covariates.add(t.variable());
      if (t.kind() != TermKind.AUTO) {
        factors.add(t.variable());
      }
    }
    DataTable kept = MultipleImputation.subset(table, rows0, covariates);
    List<double[]> extra = new ArrayList<>();
    List<Column> responseColumns = new ArrayList<>();
    String predictors;
    if (formula.response() instanceof SurvivalResponse s) {
      double[] time = outcome.time();
      int[] status = outcome.status();
      double[] event = Arrays.stream(status).asDoubleStream().toArray();
      extra.add(event);
      extra.add(MultipleImputation.nelsonAalen(time, status));
      responseColumns.add(NumericColumn.of(s.time(), time));
      responseColumns.add(NumericColumn.of(s.event(), event));
      predictors =
          "the other covariates, the event indicator and the Nelson-Aalen H(T) (White & Royston 2009)";
    } else {
      VariableResponse r = (VariableResponse) formula.response();
      extra.add(Arrays.stream(outcome.binaryResponse()).asDoubleStream().toArray());
      responseColumns.add(
          MultipleImputation.subset(table, rows0, List.of(r.name())).column(r.name()));
      predictors = "the other covariates and the outcome";
    }
    MultipleImputation.Result r =
        DataFile.analyse(
            source,
            null,
            () ->
                MultipleImputation.impute(
                    kept,
                    covariates,
                    factors,
                    extra,
                    new MiceOptions(m, maxit, seed, 5, 1e-5),
                    progress));
    List<DataTable> tables = new ArrayList<>();
    for (DataTable c : r.completed()) {
      List<Column> cols = new ArrayList<>(responseColumns);
      for (String name : covariates) {
        cols.add(c.column(name));
      }
      tables.add(DataTable.of(table.source(), cols));
    }
    List<String> warnings = new ArrayList<>(outcome.warnings());
    r.warnings().forEach(w -> warnings.add("imputation: " + w));
    return new Completed(
        tables, outcome.droppedMissing(), new Imputation(m, maxit, seed, predictors, r), warnings);
  }

  /**
   * Fits the model on every completed data set and pools the coefficients.
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels
   * @param tables the completed data sets
   * @param droppedMissing rows dropped before imputation
   * @param warnings warnings so far (the imputation's)
   * @param model the model: a frame to its fitted coefficients
   * @param confLevel confidence level (for the pooled limits, kept by the caller)
   */
  public static Pooled pool(
      String source,
      Map<String, String> references,
      Formula formula,
      List<DataTable> tables,
      int droppedMissing,
      List<String> warnings,
      Function<ModelFrame, Fitted> model) {
    int m = tables.size();
    if (m < 2) {
      throw new InputException(
          source, null, null, "pooling needs at least 2 completed data sets, got " + m);
    }
    double[][] est = new double[m][];
    double[][] var = new double[m][];
    List<String> all = new ArrayList<>(warnings);
    Fitted first = null;
    int dropped = droppedMissing;
    for (int l = 0; l < m; l++) {
      ModelFrame frame = ModelFrame.build(tables.get(l), formula, references);
      if (l == 0) {
        dropped += frame.droppedMissing();
      } else if (frame.droppedMissing() > 0) {
        all.add(
            "completed data set "
                + (l + 1)
                + ": "
                + frame.droppedMissing()
                + " rows dropped for missing values");
      }
      Fitted fit = DataFile.analyse(source, null, () -> model.apply(frame));
      if (first == null) {
        first = fit;
      } else if (!first.names().equals(fit.names())) {
        throw new InputException(
            source,
            null,
            null,
            "completed data set "
                + (l + 1)
                + " has terms "
                + fit.names()
                + ", the first has "
                + first.names()
                + " (a level missing from one imputation?)");
      }
      est[l] = fit.coef();
      var[l] = new double[fit.names().size()];
      for (int j = 0; j < var[l].length; j++) {
        if (fit.aliased()[j]) {
          throw new InputException(
              source,
              null,
              null,
              "term "
                  + fit.names().get(j)
                  + " is aliased in completed data set "
                  + (l + 1)
                  + ": its coefficient cannot be pooled");
        }
        var[l][j] = fit.se()[j] * fit.se()[j];
      }
      for (String w : fit.warnings()) {
        all.add("completed data set " + (l + 1) + ": " + w);
      }
    }
    Fitted f1 = first;
    RubinPoolingResult pooled =
        DataFile.analyse(source, null, () -> RubinPooling.pool(est, var, f1.dfCom()));
    pooled.warnings().forEach(w -> all.add("pooling: " + w));
    return new Pooled(first.names(), pooled, first, dropped, all);
  }

  /**
   * The Cox model of one completed data set, as {@code coxph}; complete-data df for Barnard–Rubin:
   * events − coefficients (mice's {@code get.dfcom} for coxph).
   */
  public static Fitted cox(ModelFrame frame, Ties ties, double confLevel) {
    CoxFit fit =
        CoxModel.fit(
            frame.time(),
            frame.status(),
            frame.design().columns(),
            frame.design().columnNames(),
            frame.strata(),
            CoxOptions.of(ties).withConfLevel(confLevel));
    return new Fitted(
        fit.names(),
        fit.coefficients(),
        fit.standardErrors(),
        fit.aliased(),
        Math.max(fit.events() - fit.size(), 1),
        fit.n(),
        fit.events(),
        fit.warnings());
  }
}
