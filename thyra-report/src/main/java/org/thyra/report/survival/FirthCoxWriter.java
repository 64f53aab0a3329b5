package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.survival.FirthCoxReport;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.FirthCoxResult;

/**
 * {@code thyra cox --firth}'s report in text (as {@code print(coxphf)}: coefficients, hazard ratios
 * with profile penalised-likelihood limits, penalised likelihood-ratio χ² and p per term, and the
 * global test), JSON, CSV and its forest plot.
 */
public final class FirthCoxWriter {
  private FirthCoxWriter() {}

  /** Writes the report in one format. */
  public static void write(FirthCoxReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The forest plot of the hazard ratios with their profile penalised-likelihood limits. */
  public static ForestFigure figure(FirthCoxReport report, FigureSpec spec) {
    FirthCoxResult fit = report.fit();
    return new ForestFigure(
        List.of(""),
        "HR",
        ForestFigure.rows(
            report.frame(),
            List.of(
                ForestFigure.estimates(
                    fit.names(), fit.hazardRatios(), exp(fit.lower()), exp(fit.upper()), fit.p()))),
        spec);
  }

  /** The JSON of {@code thyra cox --firth} (docs/CLI.md). */
  public static ObjectNode json(FirthCoxReport report) {
    FirthCoxResult fit = report.fit();
    ObjectNode root = Json.object();
    root.put("analysis", "cox");
    root.put("data", report.source());
    root.put("formula", report.request().formula());
    root.put("event_coding", report.frame().eventCoding().description());
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("dropped_missing", report.droppedMissing());
    ObjectNode method = root.putObject("method");
    method.put("model", "Firth's penalised partial likelihood (coxphf)");
    method.put("ties", "breslow");
    method.put("ci", "profile penalised likelihood");
    method.put("conf_level", fit.confLevel());
    method.put("test", "penalised likelihood ratio, 1 df per term");
    method.put("description", fit.method());
    root.set("warnings", Json.strings(report.warnings()));
    root.put("iterations", fit.iterations());
    ArrayNode terms = root.putArray("terms");
    for (int j = 0; j < fit.names().size(); j++) {
      ObjectNode t = terms.addObject();
      t.put("term", fit.names().get(j));
      t.put("coef", fit.coef()[j]);
      t.put("se", fit.se()[j]);
      t.put("hr", Math.exp(fit.coef()[j]));
      t.set("lower", Json.number(Math.exp(fit.lower()[j])));
      t.set("upper", Json.number(Math.exp(fit.upper()[j])));
      t.set("chisq", Json.number(fit.lr()[j]));
      t.set("p", Json.number(fit.p()[j]));
    }
    ObjectNode loglik = root.putObject("penalized_loglik");
    loglik.put("null", fit.penalizedLogLikNull());
    loglik.put("model", fit.penalizedLogLik());
    root.put("loglik_model", fit.logLik());
    ObjectNode global = root.putObject("tests").putObject("penalized_likelihood_ratio");
    global.put("statistic", fit.globalTest().statistic());
    global.put("df", fit.globalTest().df());
    global.put("p", fit.globalTest().p());
    return root;
  }

  /** One row per term. */
  public static CsvTable csv(FirthCoxReport report) {
    FirthCoxResult fit = report.fit();
    CsvTable t = new CsvTable(List.of("term", "coef", "se", "hr", "lower", "upper", "chisq", "p"));
    for (int j = 0; j < fit.names().size(); j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.full(fit.coef()[j]),
              Numbers.full(fit.se()[j]),
              Numbers.full(Math.exp(fit.coef()[j])),
              Numbers.full(Math.exp(fit.lower()[j])),
              Numbers.full(Math.exp(fit.upper()[j])),
              Numbers.full(fit.lr()[j]),
              Numbers.full(fit.p()[j])));
    }
    return t;
  }

  /** Laid out like {@code print(coxphf)}. */
  public static void text(FirthCoxReport report, PrintStream out) {
    FirthCoxResult fit = report.fit();
    out.println(
        "Cox model with Firth's penalised likelihood (as coxphf): "
            + report.request().formula()
            + "   data: "
            + report.source());
    out.printf(
        "%n  n= %d, number of events= %d%s%n%n",
        fit.n(),
        fit.events(),
        report.droppedMissing() > 0
            ? "   (" + report.droppedMissing() + " observations deleted due to missingness)"
            : "");
    String level = Numbers.signif(fit.confLevel(), 3).replaceFirst("^0", "");
    TextTable t =
        new TextTable(
            List.of(
                "",
                "coef",
                "se(coef)",
                "exp(coef)",
                "lower " + level,
                "upper " + level,
                "Chisq",
                "p"));
    for (int j = 0; j < fit.names().size(); j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.signif(fit.coef()[j], 6),
              Numbers.signif(fit.se()[j], 6),
              Numbers.signif(Math.exp(fit.coef()[j]), 6),
              Numbers.signif(Math.exp(fit.lower()[j]), 4),
              Numbers.signif(Math.exp(fit.upper()[j]), 4),
              Numbers.signif(fit.lr()[j], 4),
              Numbers.pValue(fit.p()[j])));
    }
    t.print(out);
    out.println();
    out.printf(
        "Penalised likelihood ratio test= %s  on %d df,   p=%s%n",
        Numbers.signif(fit.globalTest().statistic(), 4),
        fit.globalTest().df(),
        Numbers.pValue(fit.globalTest().p()));
    out.printf(
        "Penalised log-likelihood: null %s, model %s; %d iterations%n",
        Numbers.signif(fit.penalizedLogLikNull(), 8),
        Numbers.signif(fit.penalizedLogLik(), 8),
        fit.iterations());
    out.println();
    out.println(
        "Method: " + fit.method() + "; events coded " + report.frame().eventCoding().description());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }

  private static double[] exp(double[] b) {
    double[] e = new double[b.length];
    for (int j = 0; j < b.length; j++) {
      e[j] = Math.exp(b[j]);
    }
    return e;
  }
}
