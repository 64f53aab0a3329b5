package org.thyra.report.competing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.competing.CompetingOutcome;
import org.thyra.analysis.competing.CrrReport;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.competing.FineGrayFit;

/** {@code thyra crr}'s report in text, JSON and CSV. */
public final class CrrWriter {
  private CrrWriter() {}

  /** Writes the report in one format. */
  public static void write(CrrReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The JSON of {@code thyra crr} (docs/CLI.md). */
  public static ObjectNode json(CrrReport report) {
    CompetingOutcome data = report.data();
    FineGrayFit fit = report.fit();
    String causeLabel = report.cause();
    double lr = report.likelihoodRatio();
    double lrP = report.likelihoodRatioP();
    double confLevel = report.request().confLevel();
    String formulaText = report.request().formula();
    ObjectNode root = Json.object();
    root.put("analysis", "fine-gray");
    root.put("data", report.source());
    root.put("formula", formulaText);
    root.put("cause", causeLabel);
    root.put("censor_code", data.censorCode());
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("competing_events", fit.competing());
    root.put("dropped_missing", data.droppedMissing());
    root.put("converged", fit.converged());
    root.put("iterations", fit.iterations());
    ObjectNode m = root.putObject("method");
    m.put("model", "Fine-Gray proportional subdistribution hazards (cmprsk::crr)");
    m.put("censoring_weights", "Kaplan-Meier of the censoring distribution, one group");
    m.put("ties", "Breslow");
    m.put("variance", "sandwich of Fine & Gray (1999) with the censoring term (crr()$var)");
    m.put("ci", "Wald, exp(coef ± z·se)");
    m.put("conf_level", confLevel);
    m.put("convergence", "crr: gtol 1e-6, at most 10 Newton steps with backtracking");
    root.set("warnings", Json.strings(report.warnings()));
    ArrayNode terms = root.putArray("terms");
    double[] se = fit.standardErrors();
    double[] z = fit.z();
    double[] p = fit.p();
    double[] lo = fit.lower();
    double[] hi = fit.upper();
    for (int j = 0; j < se.length; j++) {
      ObjectNode t = terms.addObject();
      t.put("term", fit.names().get(j));
      t.set("coef", Json.number(fit.coefficients()[j]));
      t.set("se", Json.number(se[j]));
      t.set("hr", Json.number(Math.exp(fit.coefficients()[j])));
      t.set("lower", Json.number(lo[j]));
      t.set("upper", Json.number(hi[j]));
      t.set("z", Json.number(z[j]));
      t.set("p", Json.number(p[j]));
    }
    ObjectNode ll = root.putObject("loglik");
    ll.set("null", Json.number(fit.loglikNull()));
    ll.set("model", Json.number(fit.loglik()));
    ObjectNode lrt = root.putObject("tests").putObject("likelihood_ratio");
    lrt.set("statistic", Json.number(lr));
    lrt.put("df", se.length);
    lrt.set("p", Json.number(lrP));
    return root;
  }

  public static CsvTable csv(CrrReport report) {
    FineGrayFit fit = report.fit();
    CsvTable t = new CsvTable(List.of("term", "coef", "se", "hr", "lower", "upper", "z", "p"));
    double[] se = fit.standardErrors();
    for (int j = 0; j < se.length; j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.full(fit.coefficients()[j]),
              Numbers.full(se[j]),
              Numbers.full(Math.exp(fit.coefficients()[j])),
              Numbers.full(fit.lower()[j]),
              Numbers.full(fit.upper()[j]),
              Numbers.full(fit.z()[j]),
              Numbers.full(fit.p()[j])));
    }
    return t;
  }

  /** Laid out like R's print(crr) with the summary's CIs. */
  public static void text(CrrReport report, PrintStream out) {
    CompetingOutcome data = report.data();
    FineGrayFit fit = report.fit();
    String causeLabel = report.cause();
    double lr = report.likelihoodRatio();
    double lrP = report.likelihoodRatioP();
    double confLevel = report.request().confLevel();
    String formulaText = report.request().formula();
    out.printf(
        "Fine-Gray competing risks regression: %s   data: %s%n", formulaText, report.source());
    out.printf(
        "cause %s (censored = %s): n = %d, %d events, %d competing events, %d rows dropped for"
            + " missing values%n",
        causeLabel,
        data.censorCode(),
        fit.n(),
        fit.events(),
        fit.competing(),
        data.droppedMissing());
    out.printf("converged: %s after %d iterations%n%n", fit.converged(), fit.iterations());
    String pct = Numbers.signif(confLevel * 100, 4) + "%";
    TextTable t =
        new TextTable(
            List.of("", "coef", "exp(coef)", "se(coef)", "z", "p", "lower " + pct, "upper"));
    double[] se = fit.standardErrors();
    for (int j = 0; j < se.length; j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.signif(fit.coefficients()[j], 6),
              Numbers.signif(Math.exp(fit.coefficients()[j]), 6),
              Numbers.signif(se[j], 6),
              Numbers.signif(fit.z()[j], 4),
              Numbers.pValue(fit.p()[j]),
              Numbers.signif(fit.lower()[j], 6),
              Numbers.signif(fit.upper()[j], 6)));
    }
    t.print(out);
    out.printf(
        "%nPseudo log-likelihood = %s; pseudo likelihood ratio test = %s on %d df, p = %s%n",
        Numbers.signif(fit.loglik(), 7), Numbers.signif(lr, 6), se.length, Numbers.pValue(lrP));
    out.println();
    out.println("Method: " + report.method());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
