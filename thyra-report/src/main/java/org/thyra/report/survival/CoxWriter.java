package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.survival.CoxReport;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxRobustResult;
import org.thyra.stats.survival.CoxTestResult;
import org.thyra.stats.survival.CoxZphResult;
import org.thyra.stats.survival.CoxZphTerm;

/**
 * {@code thyra cox}'s report in text (as R's print(summary(coxph))), JSON and CSV, and its forest
 * plot.
 */
public final class CoxWriter {
  private CoxWriter() {}

  /** Writes the report in one format. */
  public static void write(CoxReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /**
   * The forest plot of the hazard ratios; with a robust variance its limits and p are the robust
   * ones, as in the table.
   */
  public static ForestFigure figure(CoxReport report, FigureSpec spec) {
    CoxFit fit = report.fit();
    ModelFrame frame = report.frame();
    if (report.robust() == null) {
      return ForestFigure.of(frame, fit, spec);
    }
    double[] lo = new double[fit.size()];
    double[] hi = new double[fit.size()];
    double[] pv = new double[fit.size()];
    for (int j = 0; j < fit.size(); j++) {
      lo[j] = report.lower(j);
      hi[j] = report.upper(j);
      pv[j] = report.p(j);
    }
    return new ForestFigure(
        List.of(""),
        "HR",
        ForestFigure.rows(
            frame, List.of(ForestFigure.estimates(fit.names(), fit.hazardRatios(), lo, hi, pv))),
        spec);
  }

  /** The JSON of {@code thyra cox} (docs/CLI.md). */
  public static ObjectNode json(CoxReport report) {
    ModelFrame frame = report.frame();
    CoxFit fit = report.fit();
    CoxRobustResult robust = report.robust();
    Double landmark = report.request().landmark();
    double confLevel = report.request().confLevel();
    CoxZphResult zph = report.zph();
    ObjectNode root = Json.object();
    root.put("analysis", "cox");
    root.put("data", report.source());
    root.put("formula", frame.formula().toString());
    root.put("event_coding", frame.eventCoding().description());
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("dropped_missing", report.droppedMissing());
    if (landmark != null) {
      ObjectNode lmn = root.putObject("landmark");
      lmn.put("time", landmark);
      lmn.put("excluded", report.landmarkExcluded());
    }
    ObjectNode m = root.putObject("method");
    m.put("ties", fit.ties().name().toLowerCase(java.util.Locale.ROOT));
    m.put("ci", "Wald");
    m.put("conf_level", confLevel);
    m.put(
        "convergence",
        "|1 - loglik_new/loglik_old| <= "
            + fit.options().epsilon()
            + ", at most "
            + fit.options().maxIterations()
            + " Newton-Raphson iterations with step-halving");
    m.put(
        "concordance",
        "Harrell's C as survival::concordance (predictor ties 1/2), SE by infinitesimal jackknife");
    m.put("ph_test", "cox.zph(transform = \"km\", terms = TRUE) score test");
    m.put("strata", frame.strata() == null ? 1 : fit.strataCount());
    if (landmark != null) {
      m.put(
          "landmark",
          "rows with time > "
              + Numbers.signif(landmark, 7)
              + " only (event-free and followed beyond the landmark); estimates as coxph on"
              + " Surv(time - s, status) of those rows");
    }
    if (report.request().weights() != null) {
      m.put("weights", report.request().weights());
    }
    if (frame.start() != null) {
      m.put("response", "counting process (start, stop]");
    }
    if (report.variance() != null) {
      m.put("variance", report.variance());
    }
    m.put("description", fit.method());
    root.set("warnings", Json.strings(report.warnings()));
    root.put("converged", fit.converged());
    root.put("iterations", fit.iterations());
    ArrayNode terms = root.putArray("terms");
    for (int j = 0; j < fit.size(); j++) {
      ObjectNode t = terms.addObject();
      t.put("term", fit.names().get(j));
      t.set("coef", Json.number(fit.coefficients()[j]));
      t.set("se", Json.number(fit.standardErrors()[j]));
      if (robust != null) {
        t.set("robust_se", Json.number(robust.standardErrors()[j]));
      }
      t.set("hr", Json.number(fit.hazardRatios()[j]));
      t.set("lower", Json.number(report.lower(j)));
      t.set("upper", Json.number(report.upper(j)));
      t.set("z", Json.number(report.z(j)));
      t.set("p", Json.number(report.p(j)));
      t.put("aliased", fit.aliased()[j]);
    }
    ObjectNode ll = root.putObject("loglik");
    ll.set("null", Json.number(fit.loglikNull()));
    ll.set("model", Json.number(fit.loglikModel()));
    ObjectNode tests = root.putObject("tests");
    tests.set("likelihood_ratio", test(fit.likelihoodRatioTest()));
    tests.set("wald", test(report.wald()));
    tests.set("score", test(fit.scoreTest()));
    if (robust != null) {
      tests.set("robust_score", test(robust.score()));
    }
    ObjectNode c = root.putObject("concordance");
    c.set("c", Json.number(fit.concordance().c()));
    c.set("se", Json.number(report.concordanceSe()));
    if (zph == null) {
      root.putNull("ph_test");
    } else {
      ObjectNode ph = root.putObject("ph_test");
      ArrayNode rows = ph.putArray("terms");
      for (CoxZphTerm z : zph.terms()) {
        rows.add(zphRow(z));
      }
      ph.set("global", zphRow(zph.global()));
    }
    return root;
  }

  private static ObjectNode test(CoxTestResult t) {
    ObjectNode o = Json.object();
    o.set("statistic", Json.number(t.statistic()));
    o.put("df", t.df());
    o.set("p", Json.number(t.p()));
    return o;
  }

  private static ObjectNode zphRow(CoxZphTerm z) {
    ObjectNode o = Json.object();
    o.put("term", z.term());
    o.set("chisq", Json.number(z.chisq()));
    o.put("df", z.df());
    o.set("p", Json.number(z.p()));
    return o;
  }

  public static CsvTable csv(CoxReport report) {
    CoxFit fit = report.fit();
    CsvTable t = new CsvTable(List.of("term", "coef", "se", "hr", "lower", "upper", "z", "p"));
    for (int j = 0; j < fit.size(); j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.full(fit.coefficients()[j]),
              Numbers.full(fit.standardErrors()[j]),
              Numbers.full(fit.hazardRatios()[j]),
              Numbers.full(report.lower(j)),
              Numbers.full(report.upper(j)),
              Numbers.full(report.z(j)),
              Numbers.full(report.p(j))));
    }
    return t;
  }

  /** Laid out like R's print(summary(coxph)) followed by print(cox.zph). */
  public static void text(CoxReport report, PrintStream out) {
    ModelFrame frame = report.frame();
    CoxFit fit = report.fit();
    CoxRobustResult robust = report.robust();
    Double landmark = report.request().landmark();
    double confLevel = report.request().confLevel();
    CoxZphResult zph = report.zph();
    out.println(
        "Cox proportional hazards model: " + report.formula() + "   data: " + report.source());
    out.printf(
        "%n  n= %d, number of events= %d%s%n%n",
        fit.n(),
        fit.events(),
        report.droppedMissing() > 0
            ? "   (" + report.droppedMissing() + " observations deleted due to missingness)"
            : "");
    if (report.varianceShown()) {
      out.printf("  variance: %s%n%n", report.variance());
    }
    if (landmark != null) {
      out.printf(
          "  landmark at %s: %d rows with time <= %s excluded%n%n",
          Numbers.signif(landmark, 7), report.landmarkExcluded(), Numbers.signif(landmark, 7));
    }
    List<String> header = new ArrayList<>(List.of("", "coef", "exp(coef)", "se(coef)"));
    if (robust != null) {
      header.add("robust se");
    }
    header.addAll(List.of("z", "Pr(>|z|)"));
    TextTable coef = new TextTable(header);
    TextTable ci =
        new TextTable(
            List.of(
                "",
                "exp(coef)",
                "exp(-coef)",
                "lower " + lvl(confLevel),
                "upper " + lvl(confLevel)));
    for (int j = 0; j < fit.size(); j++) {
      String name = fit.names().get(j);
      double b = fit.coefficients()[j];
      List<String> row =
          new ArrayList<>(
              List.of(
                  name,
                  Numbers.signif(b, 6),
                  Numbers.signif(fit.hazardRatios()[j], 6),
                  Numbers.signif(fit.standardErrors()[j], 6)));
      if (robust != null) {
        row.add(Numbers.signif(robust.standardErrors()[j], 6));
      }
      row.addAll(List.of(Numbers.signif(report.z(j), 4), Numbers.pValue(report.p(j))));
      coef.row(row);
      ci.row(
          List.of(
              name,
              Numbers.signif(fit.hazardRatios()[j], 4),
              Numbers.signif(Math.exp(-b), 4),
              Numbers.signif(report.lower(j), 4),
              Numbers.signif(report.upper(j), 4)));
    }
    coef.print(out);
    out.println();
    ci.print(out);
    out.println();
    out.printf(
        "Concordance= %s  (se = %s )%n",
        Numbers.signif(fit.concordance().c(), 4),
        Double.isNaN(report.concordanceSe()) ? "NA" : Numbers.signif(report.concordanceSe(), 3));
    printTest(out, "Likelihood ratio test", fit.likelihoodRatioTest());
    printTest(out, "Wald test            ", report.wald());
    printTest(out, "Score (logrank) test ", fit.scoreTest());
    if (robust != null) {
      printTest(out, "Robust score test    ", robust.score());
      out.println(
          "   (Note: the likelihood ratio and score tests assume independence of observations");
      out.println("    within a cluster, the Wald and robust score tests do not).");
    }
    out.printf(
        "Log-likelihood: null %s, model %s; %d iterations%s%n",
        Numbers.signif(fit.loglikNull(), 8),
        Numbers.signif(fit.loglikModel(), 8),
        fit.iterations(),
        fit.converged() ? "" : " (NOT converged)");
    if (zph != null) {
      out.println();
      out.println("Test of proportional hazards (cox.zph, transform = \"km\")");
      TextTable z = new TextTable(List.of("", "chisq", "df", "p"));
      for (CoxZphTerm t : zph.terms()) {
        z.row(
            List.of(
                t.term(),
                Numbers.signif(t.chisq(), 4),
                Integer.toString(t.df()),
                Numbers.pValue(t.p())));
      }
      z.row(
          List.of(
              "GLOBAL",
              Numbers.signif(zph.global().chisq(), 4),
              Integer.toString(zph.global().df()),
              Numbers.pValue(zph.global().p())));
      z.print(out);
    }
    out.println();
    out.println("Method: " + fit.method() + "; events coded " + frame.eventCoding().description());
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }

  private static String lvl(double confLevel) {
    return Numbers.signif(confLevel, 3).replaceFirst("^0", "");
  }

  private static void printTest(PrintStream out, String name, CoxTestResult t) {
    out.printf(
        "%s= %s  on %d df,   p=%s%n",
        name, Numbers.signif(t.statistic(), 4), t.df(), Numbers.pValue(t.p()));
  }
}
