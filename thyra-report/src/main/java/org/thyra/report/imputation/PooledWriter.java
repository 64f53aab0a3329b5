package org.thyra.report.imputation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thyra.analysis.imputation.CompletedData;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.analysis.imputation.MultipleImputation;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.imputation.PooledTerms;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.imputation.PooledEstimate;
import org.thyra.stats.imputation.RubinPoolingResult;

/**
 * A model pooled over multiply imputed data ({@link PooledModel}) in JSON, CSV and text, and as a
 * forest plot: one shape for every model ({@code cox}, {@code logistic}); confidence limits {@code
 * estimate ± qt(1 - alpha/2, df) se} as {@code summary(pool(fit), conf.int = TRUE)}, shown on the
 * exponentiated scale (hazard or odds ratio).
 */
public final class PooledWriter {
  private PooledWriter() {}

  /** How the completed data sets were made: the JSON {@code imputation} object. */
  public static ObjectNode imputation(CompletedData c) {
    ObjectNode info = Json.object();
    info.put("source", c.source());
    if (c.chained() == null) {
      info.put("m", c.tables().size());
      info.set("imputations", Json.strings(c.stackedImputations()));
      return info;
    }
    ImputedModel.Imputation imp = c.chained();
    MultipleImputation.Result r = imp.result();
    info.put("m", imp.m());
    info.put("maxit", imp.maxit());
    info.put("seed", imp.seed());
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
    return info;
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
  public static ObjectNode json(
      PooledModel p,
      String analysis,
      String modelKey,
      String modelValue,
      String dfRule,
      String miceFunction,
      String effect) {
    PooledTerms terms = p.terms();
    ObjectNode root = Json.object();
    root.put("analysis", analysis);
    root.put("data", p.source());
    root.put("formula", p.formula().toString());
    root.put("n", p.first().n());
    root.put("events", p.first().events());
    root.put("dropped_missing", p.droppedMissing());
    root.set("imputation", imputation(p.completed()));
    ObjectNode m = root.putObject("method");
    m.put(modelKey, modelValue);
    m.put("pooling", "multiple imputation, Rubin's rules (mice::pool)");
    m.put(
        "df",
        "Barnard-Rubin; complete-data df = "
            + dfRule
            + " = "
            + p.first().dfCom()
            + " (mice's rule for "
            + miceFunction
            + ")");
    m.put("ci", "pooled estimate +- qt(1 - alpha/2, df) * se, exponentiated");
    m.put("conf_level", terms.confLevel());
    m.put("description", terms.pooled().method());
    root.set("warnings", Json.strings(p.warnings()));
    root.put("imputations", terms.pooled().imputations());
    root.set("terms", terms(terms, effect));
    return root;
  }

  /**
   * The text of a pooled model, laid out like {@code summary(pool(fit), conf.int = TRUE,
   * exponentiate = TRUE)}: heading, n and events, the pooled table, then {@link #textFooter}.
   *
   * @param model the heading's model ("Logistic regression")
   * @param eventsLabel the events count as the model's own summary names it ("events")
   * @param ratioHeader the ratio column's heading ("OR", "exp(coef)")
   * @param dfRule the complete-data df rule ("residual df")
   */
  public static void text(
      PooledModel p,
      String model,
      String eventsLabel,
      String ratioHeader,
      String dfRule,
      PrintStream out) {
    out.println(
        model
            + ", pooled over "
            + p.terms().pooled().imputations()
            + " imputations: "
            + p.formula()
            + "   data: "
            + p.source());
    out.printf(
        "%n  n= %d, %s= %d%s%n%n",
        p.first().n(),
        eventsLabel,
        p.first().events(),
        p.droppedMissing() > 0
            ? "   (" + p.droppedMissing() + " observations deleted due to missingness)"
            : "");
    table(p.terms(), ratioHeader, out);
    out.println();
    textFooter(p, dfRule, out);
  }

  /** The lines after the pooled table: method with the df rule, imputation, warnings. */
  public static void textFooter(PooledModel p, String dfRule, PrintStream out) {
    out.println(
        "Method: "
            + p.terms().pooled().method()
            + "; complete-data df = "
            + dfRule
            + " = "
            + p.first().dfCom());
    CompletedData c = p.completed();
    out.println(
        "Imputation: " + c.source() + (c.description() != null ? "; " + c.description() : ""));
    p.warnings().forEach(w -> out.println("Warning: " + w));
  }

  /**
   * The forest plot of pooled estimates (hazard or odds ratios with their Rubin limits and p), one
   * row per term with reference levels shown. N per level is counted in the first completed data
   * set (imputed levels differ between sets), which the note under the plot says.
   *
   * @param measure "HR" or "OR"
   */
  public static ForestFigure forest(PooledModel p, String measure, FigureSpec spec) {
    PooledTerms t = p.terms();
    Map<String, ForestFigure.Estimate> est = new LinkedHashMap<>();
    for (int j = 0; j < t.names().size(); j++) {
      if (t.names().get(j).equals(ImputedAnalysis.INTERCEPT)) {
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
        ForestFigure.rows(p.firstFrame(), List.of(est)),
        "Pooled over "
            + m
            + " imputations (Rubin's rules, Barnard–Rubin df); N: completed data set 1",
        spec);
  }

  /** The pooled {@code terms[]}: one object per term, with the ratio scale named {@code ratio}. */
  public static ArrayNode terms(PooledTerms p, String ratio) {
    List<String> names = p.names();
    RubinPoolingResult pooled = p.pooled();
    ArrayNode terms = Json.array();
    for (int j = 0; j < names.size(); j++) {
      PooledEstimate e = pooled.terms().get(j);
      ObjectNode t = terms.addObject();
      t.put("term", names.get(j));
      t.set("coef", Json.number(e.estimate()));
      t.set("se", Json.number(e.standardError()));
      t.set(ratio, Json.number(Math.exp(e.estimate())));
      t.set("lower", Json.number(Math.exp(p.lower(e))));
      t.set("upper", Json.number(Math.exp(p.upper(e))));
      t.set("statistic", Json.number(e.t()));
      t.set("df", Json.number(e.df()));
      t.set("p", Json.number(e.p()));
      t.set("ubar", Json.number(e.withinVariance()));
      t.set("b", Json.number(e.betweenVariance()));
      t.set("t", Json.number(e.totalVariance()));
      t.set("riv", Json.number(e.riv()));
      t.set("lambda", Json.number(e.lambda()));
      t.set("fmi", Json.number(e.fmi()));
    }
    return terms;
  }

  /** The pooled terms as CSV, full precision, the ratio scale named {@code ratio}. */
  public static CsvTable csv(PooledTerms p, String ratio) {
    List<String> names = p.names();
    RubinPoolingResult pooled = p.pooled();
    CsvTable t =
        new CsvTable(
            List.of(
                "term",
                "coef",
                "se",
                ratio,
                "lower",
                "upper",
                "statistic",
                "df",
                "p",
                "riv",
                "lambda",
                "fmi"));
    for (int j = 0; j < names.size(); j++) {
      PooledEstimate e = pooled.terms().get(j);
      t.row(
          List.of(
              names.get(j),
              Numbers.full(e.estimate()),
              Numbers.full(e.standardError()),
              Numbers.full(Math.exp(e.estimate())),
              Numbers.full(Math.exp(p.lower(e))),
              Numbers.full(Math.exp(p.upper(e))),
              Numbers.full(e.t()),
              Numbers.full(e.df()),
              Numbers.full(e.p()),
              Numbers.full(e.riv()),
              Numbers.full(e.lambda()),
              Numbers.full(e.fmi())));
    }
    return t;
  }

  /**
   * Laid out like {@code summary(pool(fit), conf.int = TRUE, exponentiate = TRUE)} plus fmi and
   * lambda.
   */
  public static void table(PooledTerms p, String ratio, PrintStream out) {
    List<String> names = p.names();
    RubinPoolingResult pooled = p.pooled();
    String lvl = Numbers.signif(p.confLevel() * 100, 4) + "%";
    TextTable t =
        new TextTable(
            List.of(
                "",
                "coef",
                ratio,
                "se",
                "statistic",
                "df",
                "p",
                "lower " + lvl,
                "upper " + lvl,
                "fmi",
                "lambda"));
    for (int j = 0; j < names.size(); j++) {
      PooledEstimate e = pooled.terms().get(j);
      t.row(
          List.of(
              names.get(j),
              Numbers.signif(e.estimate(), 6),
              Numbers.signif(Math.exp(e.estimate()), 6),
              Numbers.signif(e.standardError(), 6),
              Numbers.signif(e.t(), 4),
              Numbers.signif(e.df(), 5),
              Numbers.pValue(e.p()),
              Numbers.signif(Math.exp(p.lower(e)), 4),
              Numbers.signif(Math.exp(p.upper(e)), 4),
              Numbers.signif(e.fmi(), 4),
              Numbers.signif(e.lambda(), 4)));
    }
    t.print(out);
  }
}
