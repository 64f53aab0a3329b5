package org.thyra.report.regression;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.regression.FittedTerm;
import org.thyra.analysis.regression.LogisticReport;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.imputation.PooledWriter;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;

/**
 * {@code thyra logistic}'s report: text as R's {@code print(summary(glm))} followed by the odds
 * ratios, JSON and CSV; and the same for a model pooled over imputations.
 */
public final class LogisticWriter {
  private LogisticWriter() {}

  /** Writes the report in one format. */
  public static void write(LogisticReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report.fit()).print(out);
      default -> text(report, out);
    }
  }

  /** The forest plot of the odds ratios, one row per term with reference levels shown. */
  public static ForestFigure forest(LogisticReport report, FigureSpec spec) {
    return ForestFigure.of(report.frame(), report.fit(), spec);
  }

  /** Writes a logistic model pooled over imputations in one format. */
  public static void writePooled(PooledModel p, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(pooledJson(p), out);
      case CSV -> PooledWriter.csv(p.terms(), "or").print(out);
      default -> pooledText(p, out);
    }
  }

  /**
   * The pooled JSON result: {@code terms[]} with {@code or}, {@code fmi}, {@code df}, {@code
   * lambda}.
   */
  public static ObjectNode pooledJson(PooledModel p) {
    return PooledWriter.json(
        p,
        "logistic",
        "model",
        "binomial, logit link (glm.fit IRLS) on each completed data set",
        "residual df",
        "glm",
        "or");
  }

  /** Laid out like {@code summary(pool(fit), conf.int = TRUE, exponentiate = TRUE)}. */
  public static void pooledText(PooledModel p, PrintStream out) {
    PooledWriter.text(p, "Logistic regression", "events", "OR", "residual df", out);
  }

  /** One coefficient of a regression table, the ratio scale named {@code ratioName}. */
  public static ObjectNode term(FittedTerm t, String ratioName) {
    ObjectNode o = Json.object();
    o.put("term", t.term());
    o.set("coef", Json.number(t.coef()));
    o.set("se", Json.number(t.se()));
    o.set(ratioName, Json.number(t.ratio()));
    o.set("lower", Json.number(t.lower()));
    o.set("upper", Json.number(t.upper()));
    o.set("z", Json.number(t.z()));
    o.set("p", Json.number(t.p()));
    return o;
  }

  /** The JSON of {@code thyra logistic} (docs/CLI.md). */
  public static ObjectNode json(LogisticReport report) {
    ModelFrame frame = report.frame();
    LogisticResult fit = report.fit();
    ObjectNode root = Json.object();
    root.put("analysis", "logistic");
    root.put("data", report.source());
    root.put("formula", frame.formula().toString());
    root.put("outcome_coding", frame.binaryResponseCoding());
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode method = method(fit);
    if (report.request().firth()) {
      method.put("model", "binomial, logit link, Firth's penalised likelihood (brglm2 AS_mean)");
      method.put("se", "Fisher information at the Firth estimate (summary of brglmFit)");
      method.put("test", "none (likelihood_ratio is null: brglm2 reports no test)");
      method.put("separation_check", "not needed: Firth's estimates are finite under separation");
    }
    root.set("method", method);
    root.set("warnings", Json.strings(report.warnings()));
    root.put("converged", fit.converged());
    root.put("iterations", fit.iterations());
    root.put("separation", fit.separation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    root.set("intercept", term(fit.intercept()));
    ArrayNode terms = root.putArray("terms");
    for (LogisticTerm t : fit.terms()) {
      terms.add(term(t));
    }
    ObjectNode ll = root.putObject("loglik");
    ll.set("null", Json.number(fit.logLikNull()));
    ll.set("model", Json.number(fit.logLikModel()));
    root.put("df", fit.df());
    root.set("aic", Json.number(fit.aic()));
    root.set("deviance", Json.number(fit.deviance()));
    root.set("null_deviance", Json.number(fit.nullDeviance()));
    ObjectNode tests = root.putObject("tests");
    ObjectNode lr = tests.putObject("likelihood_ratio");
    lr.set("statistic", Json.number(fit.likelihoodRatio().statistic()));
    lr.put("df", fit.likelihoodRatio().df());
    lr.set("p", Json.number(fit.likelihoodRatio().p()));
    return root;
  }

  /** The {@code method} object of a glm fit. */
  public static ObjectNode method(LogisticResult fit) {
    ObjectNode m = Json.object();
    m.put("model", "binomial, logit link (glm.fit IRLS)");
    m.put(
        "ci",
        fit.ciType() == ConfidenceIntervalType.WALD
            ? "Wald"
            : "profile likelihood (MASS::confint.glm)");
    m.put("conf_level", fit.confLevel());
    m.put("se", "expected information at the last IRLS iteration (summary.glm)");
    m.put("test", "likelihood ratio vs the intercept-only model");
    m.put("separation_check", "IRLS continuation test");
    m.put("description", fit.method());
    return m;
  }

  /** One coefficient; OR and its limits are null when aliased or diverging (separation). */
  public static ObjectNode term(LogisticTerm t) {
    ObjectNode o = Json.object();
    o.put("term", t.name());
    o.set("coef", Json.number(t.coef()));
    o.set("se", Json.number(t.se()));
    o.set("or", Json.number(t.oddsRatio()));
    o.set("lower", Json.number(t.oddsRatioLower()));
    o.set("upper", Json.number(t.oddsRatioUpper()));
    o.set("coef_lower", Json.number(t.lower()));
    o.set("coef_upper", Json.number(t.upper()));
    o.set("z", Json.number(t.z()));
    o.set("p", Json.number(t.p()));
    o.put("aliased", t.aliased());
    o.put("diverging", t.diverging());
    return o;
  }

  /** The coefficients as CSV, full precision, the intercept first. */
  public static CsvTable csv(LogisticResult fit) {
    CsvTable t = new CsvTable(List.of("term", "coef", "se", "or", "lower", "upper", "z", "p"));
    List<LogisticTerm> all = new ArrayList<>();
    all.add(fit.intercept());
    all.addAll(fit.terms());
    for (LogisticTerm x : all) {
      t.row(
          List.of(
              x.name(),
              Numbers.full(x.coef()),
              Numbers.full(x.se()),
              Numbers.full(x.oddsRatio()),
              Numbers.full(x.oddsRatioLower()),
              Numbers.full(x.oddsRatioUpper()),
              Numbers.full(x.z()),
              Numbers.full(x.p())));
    }
    return t;
  }

  /** Laid out like R's print(summary(glm)) followed by the odds ratios with their CIs. */
  public static void text(LogisticReport report, PrintStream out) {
    ModelFrame frame = report.frame();
    LogisticResult fit = report.fit();
    out.println("Logistic regression: " + report.formula() + "   data: " + report.source());
    out.printf(
        "n = %d, events = %d (outcome %s)%s%n%n",
        fit.n(),
        fit.events(),
        frame.binaryResponseCoding(),
        frame.droppedMissing() > 0
            ? "   (" + frame.droppedMissing() + " observations deleted due to missingness)"
            : "");
    out.println("Coefficients:");
    TextTable coef = new TextTable(List.of("", "Estimate", "Std. Error", "z value", "Pr(>|z|)"));
    List<LogisticTerm> all = new ArrayList<>();
    all.add(fit.intercept());
    all.addAll(fit.terms());
    for (LogisticTerm t : all) {
      coef.row(
          List.of(
              t.name(),
              Numbers.signif(t.coef(), 6),
              Numbers.signif(t.se(), 6),
              Numbers.signif(t.z(), 4),
              Numbers.pValue(t.p())));
    }
    coef.print(out);
    out.println();
    out.println("(Dispersion parameter for binomial family taken to be 1)");
    out.println();
    out.printf(
        "    Null deviance: %s  on %d  degrees of freedom%n",
        Numbers.signif(fit.nullDeviance(), 6), fit.n() - 1);
    out.printf(
        "Residual deviance: %s  on %d  degrees of freedom%n",
        Numbers.signif(fit.deviance(), 6), fit.n() - fit.df());
    out.printf("AIC: %s%n%n", Numbers.signif(fit.aic(), 6));
    out.printf(
        "Number of Fisher Scoring iterations: %d%s%n%n",
        fit.iterations(), fit.converged() ? "" : " (NOT converged)");
    String lvl = Numbers.signif(fit.confLevel() * 100, 4) + "%";
    out.println(
        "Odds ratios with "
            + lvl
            + " "
            + (fit.ciType() == ConfidenceIntervalType.WALD ? "Wald" : "profile-likelihood")
            + " confidence intervals:");
    TextTable or = new TextTable(List.of("", "OR", "lower", "upper"));
    for (LogisticTerm t : fit.terms()) {
      or.row(
          List.of(
              t.name(),
              Numbers.signif(t.oddsRatio(), 4),
              Numbers.signif(t.oddsRatioLower(), 4),
              Numbers.signif(t.oddsRatioUpper(), 4)));
    }
    or.print(out);
    out.println();
    out.printf(
        "Likelihood ratio test= %s  on %d df,   p=%s%n",
        Numbers.signif(fit.likelihoodRatio().statistic(), 4),
        fit.likelihoodRatio().df(),
        Numbers.pValue(fit.likelihoodRatio().p()));
    out.printf(
        "Log-likelihood: null %s, model %s%n",
        Numbers.signif(fit.logLikNull(), 8), Numbers.signif(fit.logLikModel(), 8));
    out.println();
    out.println("Method: " + fit.method());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
