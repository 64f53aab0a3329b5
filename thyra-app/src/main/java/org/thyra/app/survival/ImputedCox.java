package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.MultipleImputation;
import org.thyra.app.cohort.PooledTerms;
import org.thyra.app.output.Json;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.stats.imputation.MiceOptions;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * {@code thyra cox --impute M} and {@code --imputed COLUMN}: the Cox model fitted on each of m
 * completed data sets and pooled by Rubin's rules (as {@code mice::pool(with(imp, coxph(...)))}).
 *
 * <p>{@code --impute M}: rows with a missing time or event are dropped (outcomes are not imputed);
 * the covariates are imputed by chained equations with the event indicator and the Nelson–Aalen
 * cumulative hazard H(T) as further predictors (White &amp; Royston 2009). {@code --imputed COLUMN}:
 * the file already holds the completed data sets stacked (e.g. {@code mice::complete(imp, "long")}
 * or {@code thyra impute --stacked}), COLUMN numbering them; value 0 (mice's original data, with
 * {@code include = TRUE}) is skipped.
 *
 * <p>Complete-data df for Barnard–Rubin: events − number of coefficients, as mice's
 * {@code get.dfcom} for {@code coxph}.
 */
final class ImputedCox {
  private ImputedCox() {}

  /** Where the completed data sets come from. */
  record Completed(List<DataTable> tables, int droppedMissing, ObjectNode imputation, List<String> warnings) {}

  static Completed impute(InputOptions input, Formula formula, int m, int maxit, long seed) {
    DataTable table = input.read(formula.variables());
    // Outcome rows first: the model frame of the response alone decides dropped rows and event coding.
    ModelFrame outcome = ModelFrame.build(table, new Formula(formula.response(), List.of()), input.referenceLevels());
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
    double[] time = outcome.time();
    int[] status = outcome.status();
    double[] event = new double[status.length];
    for (int i = 0; i < event.length; i++) {
      event[i] = status[i];
    }
    MultipleImputation.Result r = input.analyse(null, () -> MultipleImputation.impute(kept, covariates, factors,
        List.of(event, MultipleImputation.nelsonAalen(time, status)), new MiceOptions(m, maxit, seed, 5, 1e-5)));
    String timeName = ((org.thyra.frame.formula.SurvivalResponse) formula.response()).time();
    String eventName = ((org.thyra.frame.formula.SurvivalResponse) formula.response()).event();
    List<DataTable> tables = new ArrayList<>();
    for (DataTable c : r.completed()) {
      List<Column> cols = new ArrayList<>();
      cols.add(NumericColumn.of(timeName, time));
      cols.add(NumericColumn.of(eventName, event));
      for (String name : covariates) {
        cols.add(c.column(name));
      }
      tables.add(DataTable.of(table.source(), cols));
    }
    ObjectNode info = Json.object();
    info.put("source", "chained equations (thyra)");
    info.put("m", m);
    info.put("maxit", maxit);
    info.put("seed", seed);
    info.put("predictors", "the other covariates, the event indicator and the Nelson-Aalen H(T) (White & Royston 2009)");
    info.put("description", r.method());
    ArrayNode cols = info.putArray("columns");
    for (int j = 0; j < r.names().size(); j++) {
      ObjectNode o = cols.addObject();
      o.put("column", r.names().get(j));
      o.put("type", r.types().get(j).name().toLowerCase(Locale.ROOT));
      o.put("method", r.methods().get(j).name().toLowerCase(Locale.ROOT));
      o.put("missing", r.missing()[j]);
    }
    List<String> warnings = new ArrayList<>(outcome.warnings());
    r.warnings().forEach(w -> warnings.add("imputation: " + w));
    return new Completed(tables, outcome.droppedMissing(), info, warnings);
  }

  static Completed stacked(InputOptions input, Formula formula, String column) {
    List<String> cols = new ArrayList<>(formula.variables());
    if (cols.contains(column)) {
      throw new InputException(input.source(), null, column, "the imputation column cannot be a model variable");
    }
    cols.add(column);
    DataTable table = input.read(cols);
    Column imp = table.column(column);
    List<String> labels = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      if (imp.isMissing(i)) {
        throw new InputException(input.source(), i + 1, column, "the imputation number is missing");
      }
      String label = imp instanceof NumericColumn x ? DecimalText.format(x.value(i)) : ((CategoricalColumn) imp).label(i);
      int k = labels.indexOf(label);
      if (k < 0) {
        labels.add(label);
        rows.add(new int[] {i});
      } else {
        int[] old = rows.get(k);
        int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = i;
        rows.set(k, grown);
      }
    }
    List<DataTable> tables = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (int k = 0; k < labels.size(); k++) {
      if (labels.get(k).equals("0")) {
        continue; // mice's complete(include = TRUE) puts the original, incomplete data first as .imp = 0
      }
      used.add(labels.get(k));
      tables.add(MultipleImputation.subset(table, rows.get(k), formula.variables()));
    }
    ObjectNode info = Json.object();
    info.put("source", "stacked completed data sets in column " + column);
    info.put("m", tables.size());
    info.set("imputations", Json.strings(used));
    List<String> warnings = new ArrayList<>();
    if (used.size() < labels.size()) {
      warnings.add("rows with " + column + " = 0 (the original data in mice's long format) were not analysed");
    }
    return new Completed(tables, 0, info, warnings);
  }

  /** Fits every completed data set and pools; writes the result. */
  static void run(InputOptions input, OutputOptions output, Formula formula, Completed data, Ties ties,
      double confLevel) throws java.io.IOException {
    int m = data.tables().size();
    if (m < 2) {
      throw new InputException(input.source(), null, null, "pooling needs at least 2 completed data sets, got " + m);
    }
    double[][] est = new double[m][];
    double[][] var = new double[m][];
    List<String> names = null;
    List<String> warnings = new ArrayList<>(data.warnings());
    CoxFit first = null;
    int dropped = data.droppedMissing();
    for (int l = 0; l < m; l++) {
      ModelFrame frame = ModelFrame.build(data.tables().get(l), formula, input.referenceLevels());
      if (l == 0) {
        dropped += frame.droppedMissing();
      } else if (frame.droppedMissing() > 0) {
        warnings.add("completed data set " + (l + 1) + ": " + frame.droppedMissing() + " rows dropped for missing values");
      }
      CoxFit fit = input.analyse(null, () -> CoxModel.fit(frame.time(), frame.status(), frame.design().columns(),
          frame.design().columnNames(), frame.strata(), CoxOptions.of(ties).withConfLevel(confLevel)));
      if (names == null) {
        names = fit.names();
        first = fit;
      } else if (!names.equals(fit.names())) {
        throw new InputException(input.source(), null, null, "completed data set " + (l + 1) + " has terms "
            + fit.names() + ", the first has " + names + " (a level missing from one imputation?)");
      }
      est[l] = fit.coefficients().clone();
      var[l] = new double[fit.size()];
      for (int j = 0; j < fit.size(); j++) {
        if (fit.aliased()[j]) {
          throw new InputException(input.source(), null, null, "term " + names.get(j)
              + " is aliased in completed data set " + (l + 1) + ": its coefficient cannot be pooled");
        }
        var[l][j] = fit.standardErrors()[j] * fit.standardErrors()[j];
      }
      for (String w : fit.warnings()) {
        warnings.add("completed data set " + (l + 1) + ": " + w);
      }
    }
    double dfCom = Math.max(first.events() - first.size(), 1);
    List<String> termNames = names;
    PooledTerms pooled = input.analyse(null, () -> PooledTerms.pool(termNames, est, var, dfCom, confLevel));
    warnings.addAll(pooled.pooled().warnings().stream().map(w -> "pooling: " + w).toList());
    CoxFit fit1 = first;
    int droppedRows = dropped;
    output.write(out -> {
      switch (output.format()) {
        case JSON -> Json.write(json(input, formula, fit1, droppedRows, data, pooled, ties, confLevel, dfCom, warnings), out);
        case CSV -> pooled.csv("hr").print(out);
        default -> text(input, formula, fit1, droppedRows, data, pooled, dfCom, warnings, out);
      }
    });
  }

  private static ObjectNode json(InputOptions input, Formula formula, CoxFit first, int dropped, Completed data,
      PooledTerms pooled, Ties ties, double confLevel, double dfCom, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "cox");
    root.put("data", input.source());
    root.put("formula", formula.toString());
    root.put("n", first.n());
    root.put("events", first.events());
    root.put("dropped_missing", dropped);
    root.set("imputation", data.imputation());
    ObjectNode m = root.putObject("method");
    m.put("ties", ties.name().toLowerCase(Locale.ROOT));
    m.put("pooling", "multiple imputation, Rubin's rules (mice::pool)");
    m.put("df", "Barnard-Rubin; complete-data df = events - coefficients = " + dfCom + " (mice's rule for coxph)");
    m.put("ci", "pooled estimate +- qt(1 - alpha/2, df) * se, exponentiated");
    m.put("conf_level", confLevel);
    m.put("description", pooled.pooled().method());
    root.set("warnings", Json.strings(warnings));
    root.put("imputations", pooled.pooled().imputations());
    root.set("terms", pooled.json("hr"));
    return root;
  }

  private static void text(InputOptions input, Formula formula, CoxFit first, int dropped, Completed data,
      PooledTerms pooled, double dfCom, List<String> warnings, PrintStream out) {
    out.println("Cox proportional hazards model, pooled over " + pooled.pooled().imputations()
        + " imputations: " + formula + "   data: " + input.source());
    out.printf("%n  n= %d, number of events= %d%s%n%n", first.n(), first.events(),
        dropped > 0 ? "   (" + dropped + " observations deleted due to missing time or event)" : "");
    pooled.text("exp(coef)", out);
    out.println();
    out.println("Method: " + pooled.pooled().method() + "; complete-data df = events - coefficients = " + dfCom);
    out.println("Imputation: " + data.imputation().path("source").asText()
        + (data.imputation().has("description") ? "; " + data.imputation().get("description").asText() : ""));
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
