package org.thyra.report.regression;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.regression.FittedTerm;
import org.thyra.analysis.regression.ScreenAnalysis;
import org.thyra.analysis.regression.ScreenReport;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.ScreenResult;
import org.thyra.stats.regression.StepwiseResult;

/**
 * {@code thyra screen}'s report: the seeds' table (univariable HR/OR (CI) p beside the
 * multivariable model's) as text, JSON and CSV, and the side-by-side forest plot.
 */
public final class ScreenWriter {
  private ScreenWriter() {}

  /** Writes the report in one format. */
  public static void write(ScreenReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** Univariable and multivariable ratios side by side, one row per term. */
  public static ForestFigure forest(ScreenReport r, FigureSpec spec) {
    return ForestFigure.screen(
        r.frame(),
        r.screen().rows().stream().map(row -> row.fit().fit()).toList(),
        r.multivariable() == null ? null : r.multivariable().fit(),
        r.cox(),
        spec);
  }

  private static String ratio(ScreenReport r) {
    return r.cox() ? "hr" : "or";
  }

  private static ObjectNode method(ScreenReport r) {
    ScreenAnalysis.Request q = r.request();
    boolean cox = r.cox();
    boolean firth = q.firth();
    double entryP = q.entryP();
    ObjectNode m = Json.object();
    m.put(
        "model",
        cox
            ? "Cox proportional hazards (coxph), " + q.ties().toLowerCase(Locale.ROOT) + " ties"
            : firth
                ? "binomial, logit link, Firth's penalised likelihood (brglm2 AS_mean)"
                : "logistic regression (glm binomial)");
    m.put("ci", cox || r.ciType() == ConfidenceIntervalType.WALD ? "Wald" : "profile likelihood");
    m.put("conf_level", q.confLevel());
    m.put(
        "univariable_test",
        firth
            ? "penalised likelihood ratio 2 (l*_1 - l*_0), l* = l + 1/2 log det I, vs the"
                + " intercept-only Firth fit (as logistf), one p per variable (df = its"
                + " coefficients)"
            : "likelihood ratio vs the null model, one p per variable (df = its coefficients)");
    m.put("term_test", "Wald z per coefficient");
    m.put("entry", "univariable p < " + entryP);
    m.put("rows", "complete cases on every candidate variable, the same rows for every model");
    m.put(
        "selection",
        r.stepwise() == null
            ? "none: the multivariable model holds every entered variable"
            : "stepwise AIC (k = 2) as MASS::stepAIC, direction "
                + q.select().toLowerCase(Locale.ROOT)
                + ", scope: the entered variables"
                + (cox ? "; AIC = -2 loglik + 2 edf as extractAIC.coxph" : ""));
    m.put("description", r.method());
    return m;
  }

  /** The JSON of {@code thyra screen} (docs/CLI.md). */
  public static ObjectNode json(ScreenReport r) {
    ModelFrame frame = r.frame();
    boolean cox = r.cox();
    ObjectNode root = Json.object();
    root.put("analysis", "screen");
    root.put("data", r.source());
    root.put("formula", frame.formula().toString());
    root.put("model", cox ? "cox" : "logistic");
    if (cox) {
      root.put("event_coding", frame.eventCoding().description());
    } else {
      root.put("outcome_coding", frame.binaryResponseCoding());
    }
    root.put("n", frame.n());
    root.put("events", r.events());
    root.put("dropped_missing", frame.droppedMissing());
    root.set("method", method(r));
    root.set("warnings", Json.strings(r.warnings()));
    root.put("entry_p", r.request().entryP());
    ArrayNode uni = root.putArray("univariable");
    for (ScreenResult.Row<?> row : r.screen().rows()) {
      ObjectNode o = uni.addObject();
      o.put("variable", row.variable());
      ArrayNode ts = o.putArray("terms");
      for (FittedTerm t : ScreenAnalysis.terms(row.fit().fit())) {
        ts.add(LogisticWriter.term(t, ratio(r)));
      }
      o.set("statistic", Json.number(row.statistic()));
      o.put("df", row.df());
      o.set("p", Json.number(row.p()));
      o.put("entered", row.entered());
    }
    root.set("entered", Json.strings(r.screen().entered()));
    root.set("selected", Json.strings(r.selectedNames()));
    ArrayNode steps = root.putArray("steps");
    if (r.stepwise() != null) {
      for (StepwiseResult.Step s : r.stepwise().steps()) {
        ObjectNode o = steps.addObject();
        o.put("change", s.change());
        o.set("aic", Json.number(s.aic()));
        o.put("df", s.df());
      }
    }
    if (r.multivariable() == null) {
      root.putNull("multivariable");
    } else {
      ObjectNode m = root.putObject("multivariable");
      ArrayNode ts = m.putArray("terms");
      for (FittedTerm t : ScreenAnalysis.terms(r.multivariable().fit())) {
        ts.add(LogisticWriter.term(t, ratio(r)));
      }
      ObjectNode ll = m.putObject("loglik");
      ll.set("null", Json.number(r.multivariableLogLikNull()));
      // with Firth's: the unpenalised log-likelihood and AIC at the Firth estimate (brglm2)
      ll.set("model", Json.number(r.multivariableLogLik()));
      m.put("df", r.multivariable().df());
      m.set("aic", Json.number(r.multivariableAic()));
    }
    ArrayNode table = root.putArray("table");
    for (ScreenAnalysis.TableRow row : r.table()) {
      ObjectNode o = table.addObject();
      o.put("variable", row.variable());
      o.put("term", row.uni().term());
      o.set("univariable", cell(r, row.uni(), row.variableP()));
      o.set("multivariable", row.multi() == null ? null : cell(r, row.multi(), Double.NaN));
    }
    return root;
  }

  private static ObjectNode cell(ScreenReport r, FittedTerm t, double variableP) {
    ObjectNode o = Json.object();
    o.set(ratio(r), Json.number(t.ratio()));
    o.set("lower", Json.number(t.lower()));
    o.set("upper", Json.number(t.upper()));
    o.set("p", Json.number(t.p()));
    if (!Double.isNaN(variableP)) {
      o.set("p_variable", Json.number(variableP));
    }
    return o;
  }

  /** The side-by-side table as CSV, full precision. */
  public static CsvTable csv(ScreenReport r) {
    String R = ratio(r);
    CsvTable t =
        new CsvTable(
            List.of(
                "variable",
                "term",
                "uni_" + R,
                "uni_lower",
                "uni_upper",
                "uni_p",
                "uni_p_variable",
                "entered",
                "multi_" + R,
                "multi_lower",
                "multi_upper",
                "multi_p"));
    for (ScreenAnalysis.TableRow row : r.table()) {
      boolean entered = r.screen().entered().contains(row.variable());
      t.row(
          List.of(
              row.variable(),
              row.uni().term(),
              Numbers.full(row.uni().ratio()),
              Numbers.full(row.uni().lower()),
              Numbers.full(row.uni().upper()),
              Numbers.full(row.uni().p()),
              Numbers.full(row.variableP()),
              Boolean.toString(entered),
              row.multi() == null ? "" : Numbers.full(row.multi().ratio()),
              row.multi() == null ? "" : Numbers.full(row.multi().lower()),
              row.multi() == null ? "" : Numbers.full(row.multi().upper()),
              row.multi() == null ? "" : Numbers.full(row.multi().p())));
    }
    return t;
  }

  private static String ratioCi(FittedTerm t) {
    return Numbers.signif(t.ratio(), 3)
        + " ("
        + Numbers.signif(t.lower(), 3)
        + "-"
        + Numbers.signif(t.upper(), 3)
        + ")";
  }

  /** The seeds' table: univariable HR/OR (CI) p | multivariable HR/OR (CI) p. */
  public static void text(ScreenReport r, PrintStream out) {
    ModelFrame frame = r.frame();
    boolean cox = r.cox();
    boolean firth = r.request().firth();
    double entryP = r.request().entryP();
    String select = r.request().select();
    String R = cox ? "HR" : "OR";
    String lvl = Numbers.signif(r.request().confLevel() * 100, 4) + "% CI";
    out.printf(
        "Univariable screen and multivariable %s model: %s   data: %s%n",
        cox ? "Cox" : "logistic", frame.formula(), r.source());
    out.printf(
        "n = %d, events = %d%s; entry at univariable p < %s; selection: %s%n%n",
        frame.n(),
        r.events(),
        frame.droppedMissing() > 0
            ? " (" + frame.droppedMissing() + " rows dropped for missing values)"
            : "",
        Numbers.signif(entryP, 4),
        r.stepwise() == null
            ? "none"
            : select.toLowerCase(Locale.ROOT) + " (AIC, as MASS::stepAIC)");
    TextTable t =
        new TextTable(
            List.of(
                "",
                "univariable " + R + " (" + lvl + ")",
                "p",
                "p (variable)",
                "",
                "multivariable " + R + " (" + lvl + ")",
                "p"));
    String last = null;
    for (ScreenAnalysis.TableRow row : r.table()) {
      boolean first = !row.variable().equals(last);
      last = row.variable();
      boolean entered = r.screen().entered().contains(row.variable());
      t.row(
          List.of(
              row.uni().term(),
              ratioCi(row.uni()),
              Numbers.pValue(row.uni().p()),
              first ? Numbers.pValue(row.variableP()) : "",
              first && entered ? "*" : "",
              row.multi() == null ? (entered ? "(removed)" : "") : ratioCi(row.multi()),
              row.multi() == null ? "" : Numbers.pValue(row.multi().p())));
    }
    t.print(out);
    out.println();
    out.println(
        "*: entered the multivariable model (univariable "
            + (firth ? "penalised " : "")
            + "likelihood-ratio p < "
            + Numbers.signif(entryP, 4)
            + ")");
    if (r.stepwise() != null) {
      out.println();
      out.println("Stepwise selection by AIC (" + select.toLowerCase(Locale.ROOT) + "):");
      TextTable s = new TextTable(List.of("step", "df", "AIC"));
      for (StepwiseResult.Step step : r.stepwise().steps()) {
        s.row(
            List.of(
                step.change().isEmpty() ? "start" : step.change(),
                Integer.toString(step.df()),
                Numbers.signif(step.aic(), 7)));
      }
      s.print(out);
    }
    if (r.multivariable() != null) {
      out.println();
      out.printf(
          "Multivariable model: %s; log-likelihood %s, AIC %s%n",
          String.join(" + ", r.selectedNames()),
          Numbers.signif(r.multivariableLogLik(), 8),
          Numbers.signif(r.multivariableAic(), 7));
    }
    out.println();
    out.println(
        "Method: "
            + (firth
                ? "Firth's penalised likelihood (brglm2 AS_mean); univariable penalised"
                    + " likelihood-ratio test as logistf (null maximised with the variable at 0,"
                    + " same design); entry at p < "
                    + Numbers.signif(entryP, 4)
                : r.screen().method()
                    + (r.stepwise() == null ? "" : "; " + r.stepwise().method())));
    for (String w : r.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
