package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.analysis.imputation.MultipleImputation;
import org.thyra.app.InputOptions;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.Json;
import org.thyra.report.output.TerminalProgress;
import org.thyra.stats.imputation.PooledEstimate;

/**
 * A model command on multiply imputed data ({@code --impute M} or {@code --imputed COLUMN}): builds
 * the completed data sets, fits the model on each, and pools the coefficients by Rubin's rules
 * ({@link PooledTerms}). The model itself is a function from a {@link ModelFrame} to its {@link
 * ImputedModel.Fitted} coefficients, so Cox and logistic share everything else.
 *
 * <p>{@code --impute M}: rows with a missing outcome are dropped (outcomes are not imputed); the
 * covariates are imputed by chained equations with the outcome as a further predictor: for a
 * survival outcome the event indicator and the Nelson–Aalen H(T) (White &amp; Royston 2009, Stat
 * Med 28:1982–1998), for a binary outcome the outcome itself (van Buuren 2018, §6.2). {@code
 * --imputed COLUMN}: the file holds the completed data sets stacked and numbered by COLUMN (mice's
 * {@code complete(imp, "long")}, {@code thyra impute --stacked}); 0 (the original data) is skipped.
 */
public final class ImputedAnalysis {
  private ImputedAnalysis() {}

  /**
   * The completed data sets.
   *
   * @param tables one table per imputation, holding the formula's variables
   * @param droppedMissing rows dropped before imputation (missing outcome)
   * @param imputation how they were made, for the JSON {@code imputation} object
   * @param warnings warnings
   */
  public record Completed(
      List<DataTable> tables, int droppedMissing, ObjectNode imputation, List<String> warnings) {
    public Completed {
      tables = List.copyOf(tables);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The pooled result.
   *
   * @param terms pooled coefficients
   * @param first the fit on the first completed data set (n, events, df)
   * @param droppedMissing rows dropped for a missing outcome (or, in the first data set, any
   *     variable)
   * @param completed the completed data sets' description
   * @param warnings all warnings
   */
  public record Pooled(
      PooledTerms terms,
      ImputedModel.Fitted first,
      int droppedMissing,
      Completed completed,
      List<String> warnings) {
    public Pooled {
      warnings = List.copyOf(warnings);
    }

    /**
     * The pooled result as JSON, one shape for every model: {@code analysis, data, formula, n,
     * events, dropped_missing, imputation, method, warnings, imputations, terms[]}.
     *
     * @param analysis the model's name
     * @param modelKey first entry of {@code method}, naming the model's own convention
     * @param modelValue its value
     * @param dfRule how the complete-data df is counted, e.g. "residual df"
     * @param miceFunction the R fitting function whose df rule mice applies, e.g. "glm"
     * @param effect the exponentiated coefficient's field, e.g. "or"
     */
    public ObjectNode json(
        String analysis,
        InputOptions input,
        Formula formula,
        String modelKey,
        String modelValue,
        String dfRule,
        String miceFunction,
        String effect,
        double confLevel) {
      ObjectNode root = Json.object();
      root.put("analysis", analysis);
      root.put("data", input.source());
      root.put("formula", formula.toString());
      root.put("n", first.n());
      root.put("events", first.events());
      root.put("dropped_missing", droppedMissing);
      root.set("imputation", completed.imputation());
      ObjectNode m = root.putObject("method");
      m.put(modelKey, modelValue);
      m.put("pooling", "multiple imputation, Rubin's rules (mice::pool)");
      m.put(
          "df",
          "Barnard-Rubin; complete-data df = "
              + dfRule
              + " = "
              + first.dfCom()
              + " (mice's rule for "
              + miceFunction
              + ")");
      m.put("ci", "pooled estimate +- qt(1 - alpha/2, df) * se, exponentiated");
      m.put("conf_level", confLevel);
      m.put("description", terms.pooled().method());
      root.set("warnings", Json.strings(warnings));
      root.put("imputations", terms.pooled().imputations());
      root.set("terms", terms.json(effect));
      return root;
    }

    /** The lines after the pooled table: method with the df rule, imputation, warnings. */
    public void textFooter(String dfRule, PrintStream out) {
      out.println(
          "Method: "
              + terms.pooled().method()
              + "; complete-data df = "
              + dfRule
              + " = "
              + first.dfCom());
      ObjectNode imp = completed.imputation();
      out.println(
          "Imputation: "
              + imp.path("source").asText()
              + (imp.has("description") ? "; " + imp.get("description").asText() : ""));
      warnings.forEach(w -> out.println("Warning: " + w));
    }
  }

  /** Imputes the formula's covariates {@code m} times ({@link ImputedModel#impute}). */
  public static Completed impute(InputOptions input, Formula formula, int m, int maxit, long seed) {
    if (m < 2) {
      throw new IllegalArgumentException("--impute needs at least 2 imputations, got " + m);
    }
    ImputedModel.Completed c =
        ImputedModel.impute(
            input.read(formula),
            input.source(),
            input.referenceLevels(),
            formula,
            m,
            maxit,
            seed,
            TerminalProgress.onStandardError());
    ImputedModel.Imputation imp = c.imputation();
    MultipleImputation.Result r = imp.result();
    ObjectNode info = Json.object();
    info.put("source", "chained equations (thyra)");
    info.put("m", m);
    info.put("maxit", maxit);
    info.put("seed", seed);
    info.put("predictors", imp.predictors());
    info.put("description", r.method());
    ArrayNode cols = info.putArray("columns");
    for (int j = 0; j < r.names().size(); j++) {
      ObjectNode o = cols.addObject();
      o.put("column", r.names().get(j));
      o.put("type", r.types().get(j).name().toLowerCase(Locale.ROOT));
      o.put("method", r.methods().get(j).name().toLowerCase(Locale.ROOT));
      o.put("missing", r.missing()[j]);
    }
    return new Completed(c.tables(), c.droppedMissing(), info, c.warnings());
  }

  /** Splits a file of stacked completed data sets by its imputation column. */
  public static Completed stacked(InputOptions input, Formula formula, String column) {
    List<String> cols = new ArrayList<>(formula.variables());
    if (cols.contains(column)) {
      throw new InputException(
          input.source(), null, column, "the imputation column cannot be a model variable");
    }
    cols.add(column);
    DataTable table = input.read(cols);
    Column imp = table.column(column);
    List<String> labels = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      if (imp.isMissing(i)) {
        throw new InputException(input.source(), i + 1, column, "the imputation number is missing");
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
        continue; // mice's complete(include = TRUE) puts the original, incomplete data first as
        // .imp = 0
      }
      used.add(labels.get(k));
      tables.add(
          MultipleImputation.subset(
              table, Arrays.copyOf(rows.get(k), sizes.get(k)), formula.variables()));
    }
    ObjectNode info = Json.object();
    info.put("source", "stacked completed data sets in column " + column);
    info.put("m", tables.size());
    info.set("imputations", Json.strings(used));
    List<String> warnings = new ArrayList<>();
    if (used.size() < labels.size()) {
      warnings.add(
          "rows with "
              + column
              + " = 0 (the original data in mice's long format) were not analysed");
    }
    return new Completed(tables, 0, info, warnings);
  }

  /** Fits the model on every completed data set and pools the coefficients. */
  public static Pooled pool(
      InputOptions input,
      Formula formula,
      Completed data,
      Function<ModelFrame, ImputedModel.Fitted> model,
      double confLevel) {
    ImputedModel.Pooled p =
        ImputedModel.pool(
            input.source(),
            input.referenceLevels(),
            formula,
            data.tables(),
            data.droppedMissing(),
            data.warnings(),
            model);
    return new Pooled(
        new PooledTerms(p.names(), p.pooled(), confLevel),
        p.first(),
        p.droppedMissing(),
        data,
        p.warnings());
  }

  /**
   * The forest plot of pooled estimates (hazard or odds ratios with their Rubin limits and p), one
   * row per term with reference levels shown. N per level is counted in the first completed data
   * set (imputed levels differ between sets), which the note under the plot says.
   *
   * @param measure "HR" or "OR"
   */
  public static ForestFigure forest(
      InputOptions input, Formula formula, Pooled p, String measure, FigureSpec spec) {
    ModelFrame frame =
        ModelFrame.build(p.completed().tables().get(0), formula, input.referenceLevels());
    PooledTerms t = p.terms();
    Map<String, ForestFigure.Estimate> est = new LinkedHashMap<>();
    for (int j = 0; j < t.names().size(); j++) {
      if (t.names().get(j).equals(ImputedLogistic.INTERCEPT)) {
        continue;
      }
      PooledEstimate e = t.pooled().terms().get(j);
      est.put(
          t.names().get(j),
          new ForestFigure.Estimate(
              Math.exp(e.estimate()), Math.exp(t.lower(e)), Math.exp(t.upper(e)), e.p()));
    }
    int m = t.pooled().imputations();
    return new ForestFigure(
        List.of(""),
        measure,
        ForestFigure.rows(frame, List.of(est)),
        "Pooled over "
            + m
            + " imputations (Rubin's rules, Barnard–Rubin df); N: completed data set 1",
        spec);
  }
}
