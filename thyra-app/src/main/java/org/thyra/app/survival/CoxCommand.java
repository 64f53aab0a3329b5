package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.ImputationOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Variable;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.survival.CoxAnalysis;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.CoxTestResult;
import org.thyra.stats.survival.CoxZphResult;
import org.thyra.stats.survival.CoxZphTerm;
import org.thyra.stats.survival.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra cox}: Cox proportional hazards model (SPEC §5), as R's coxph and cox.zph. */
@Command(
    name = "cox",
    mixinStandardHelpOptions = true,
    description =
        "Cox proportional hazards regression as R's coxph: Efron or Breslow ties, strata, Wald CIs,"
            + " likelihood-ratio / Wald / score tests, Harrell's C, and the PH test of cox.zph(transform = \"km\").")
public final class CoxCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula, e.g. \"Surv(time, status) ~ age + factor(sex) + strata(inst)\".")
  String formulaText;

  @Option(
      names = "--ties",
      defaultValue = "efron",
      description = "Tie method: efron or breslow (default: ${DEFAULT-VALUE}).")
  Ties ties;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level of the hazard ratios (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Mixin ImputationOptions imputation;

  @Override
  public Integer call() throws Exception {
    Formula formula = Formula.parse(formulaText);
    if (!(formula.response() instanceof org.thyra.frame.formula.SurvivalResponse)) {
      throw new InputException(
          input.source(),
          null,
          null,
          "cox needs a survival response, e.g. \"Surv(time, status) ~ age\"; got \""
              + formulaText
              + "\"");
    }
    if (imputation.requested()) {
      ImputedCox.run(input, output, formula, imputation.completed(input, formula), ties, confLevel);
      return 0;
    }
    ModelFrame frame = input.modelFrame(formula);
    List<String> variables = frame.variables().stream().map(Variable::name).toList();
    double[][] x = frame.design().columns();
    CoxAnalysis analysis =
        input.analyse(
            null,
            () ->
                CoxAnalysis.run(
                    frame.time(),
                    frame.status(),
                    x,
                    frame.design().columnNames(),
                    frame.strata(),
                    frame.design().assign(),
                    variables,
                    CoxOptions.of(ties).withConfLevel(confLevel)));
    CoxFit fit = analysis.fit();
    CoxZphResult ph = analysis.phTest();
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(fit.warnings());
    if (ph == null && fit.events() > 0 && fit.size() > 0) {
      warnings.add("proportional-hazards test not computed: " + analysis.phTestProblem());
    }
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, fit, ph, warnings), out);
            case CSV -> csv(fit).print(out);
            default -> text(formula, frame, fit, ph, warnings, out);
          }
        });
    figure.write(spec -> ForestFigure.of(frame, fit, spec));
    return 0;
  }

  private ObjectNode json(ModelFrame frame, CoxFit fit, CoxZphResult zph, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "cox");
    root.put("data", input.source());
    root.put("formula", frame.formula().toString());
    root.put("event_coding", frame.eventCoding().description());
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("dropped_missing", frame.droppedMissing());
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
    m.put("description", fit.method());
    root.set("warnings", Json.strings(warnings));
    root.put("converged", fit.converged());
    root.put("iterations", fit.iterations());
    ArrayNode terms = root.putArray("terms");
    for (int j = 0; j < fit.size(); j++) {
      ObjectNode t = terms.addObject();
      t.put("term", fit.names().get(j));
      t.set("coef", Json.number(fit.coefficients()[j]));
      t.set("se", Json.number(fit.standardErrors()[j]));
      t.set("hr", Json.number(fit.hazardRatios()[j]));
      t.set("lower", Json.number(fit.lower()[j]));
      t.set("upper", Json.number(fit.upper()[j]));
      t.set("z", Json.number(fit.z()[j]));
      t.set("p", Json.number(fit.p()[j]));
      t.put("aliased", fit.aliased()[j]);
    }
    ObjectNode ll = root.putObject("loglik");
    ll.set("null", Json.number(fit.loglikNull()));
    ll.set("model", Json.number(fit.loglikModel()));
    ObjectNode tests = root.putObject("tests");
    tests.set("likelihood_ratio", test(fit.likelihoodRatioTest()));
    tests.set("wald", test(fit.waldTest()));
    tests.set("score", test(fit.scoreTest()));
    ObjectNode c = root.putObject("concordance");
    c.set("c", Json.number(fit.concordance().c()));
    c.set("se", Json.number(fit.concordance().se()));
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

  private static CsvTable csv(CoxFit fit) {
    CsvTable t = new CsvTable(List.of("term", "coef", "se", "hr", "lower", "upper", "z", "p"));
    for (int j = 0; j < fit.size(); j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.full(fit.coefficients()[j]),
              Numbers.full(fit.standardErrors()[j]),
              Numbers.full(fit.hazardRatios()[j]),
              Numbers.full(fit.lower()[j]),
              Numbers.full(fit.upper()[j]),
              Numbers.full(fit.z()[j]),
              Numbers.full(fit.p()[j])));
    }
    return t;
  }

  /** Laid out like R's print(summary(coxph)) followed by print(cox.zph). */
  private void text(
      Formula formula,
      ModelFrame frame,
      CoxFit fit,
      CoxZphResult zph,
      List<String> warnings,
      PrintStream out) {
    out.println("Cox proportional hazards model: " + formula + "   data: " + input.source());
    out.printf(
        "%n  n= %d, number of events= %d%s%n%n",
        fit.n(),
        fit.events(),
        frame.droppedMissing() > 0
            ? "   (" + frame.droppedMissing() + " observations deleted due to missingness)"
            : "");
    TextTable coef = new TextTable(List.of("", "coef", "exp(coef)", "se(coef)", "z", "Pr(>|z|)"));
    TextTable ci =
        new TextTable(List.of("", "exp(coef)", "exp(-coef)", "lower " + lvl(), "upper " + lvl()));
    for (int j = 0; j < fit.size(); j++) {
      String name = fit.names().get(j);
      double b = fit.coefficients()[j];
      coef.row(
          List.of(
              name,
              Numbers.signif(b, 6),
              Numbers.signif(fit.hazardRatios()[j], 6),
              Numbers.signif(fit.standardErrors()[j], 6),
              Numbers.signif(fit.z()[j], 4),
              Numbers.pValue(fit.p()[j])));
      ci.row(
          List.of(
              name,
              Numbers.signif(fit.hazardRatios()[j], 4),
              Numbers.signif(Math.exp(-b), 4),
              Numbers.signif(fit.lower()[j], 4),
              Numbers.signif(fit.upper()[j], 4)));
    }
    coef.print(out);
    out.println();
    ci.print(out);
    out.println();
    out.printf(
        "Concordance= %s  (se = %s )%n",
        Numbers.signif(fit.concordance().c(), 4), Numbers.signif(fit.concordance().se(), 3));
    printTest(out, "Likelihood ratio test", fit.likelihoodRatioTest());
    printTest(out, "Wald test            ", fit.waldTest());
    printTest(out, "Score (logrank) test ", fit.scoreTest());
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
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }

  private String lvl() {
    return Numbers.signif(confLevel, 3).replaceFirst("^0", "");
  }

  private static void printTest(PrintStream out, String name, CoxTestResult t) {
    out.printf(
        "%s= %s  on %d df,   p=%s%n",
        name, Numbers.signif(t.statistic(), 4), t.df(), Numbers.pValue(t.p()));
  }
}
