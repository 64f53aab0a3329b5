package org.thyra.app.competing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.competing.FineGray;
import org.thyra.stats.competing.FineGrayFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra crr}: Fine–Gray subdistribution hazards regression as {@code cmprsk::crr}. */
@Command(
    name = "crr",
    mixinStandardHelpOptions = true,
    description =
        "Competing risks regression: Fine-Gray proportional subdistribution hazards for the cause"
            + " --cause, as cmprsk::crr (sandwich variance, Wald CIs).")
public final class CrrCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(
      names = "--formula",
      required = true,
      description = "Model, e.g. \"Surv(time, status) ~ age + factor(stage)\".")
  String formulaText;

  @Option(
      names = "--cause",
      defaultValue = "1",
      description = "Status value of the cause of interest (default: ${DEFAULT-VALUE}).")
  String causeCode;

  @Option(
      names = "--censor-code",
      defaultValue = "0",
      description = "Status value of a censored row (default: ${DEFAULT-VALUE}, as cmprsk).")
  String censorCode;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          input.source(), null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    Formula formula = Formula.parse(formulaText);
    if (!(formula.response() instanceof SurvivalResponse response)) {
      throw new InputException(
          input.source(),
          null,
          null,
          "crr --formula needs Surv(time, status) on the left, got \"" + formulaText + "\"");
    }
    for (Term t : formula.terms()) {
      if (t.kind() == TermKind.INTERACTION || t.kind() == TermKind.SPLINE) {
        throw new InputException(
            input.source(),
            null,
            null,
            "crr takes main effects only; " + t + " (an interaction or a spline) is not supported");
      }
      if (t.kind() == TermKind.CLUSTER) {
        throw new InputException(
            input.source(), null, t.variable(), "crr has no cluster() (cmprsk::crr has none)");
      }
      if (t.kind() == TermKind.STRATA) {
        throw new InputException(
            input.source(),
            null,
            t.variable(),
            "crr has no strata (cmprsk::crr has none); enter " + t.variable() + " as a covariate");
      }
    }
    CompetingOutcome data =
        CompetingOutcome.read(
            input, response.time(), response.event(), censorCode, formula.terms());
    int target = data.causeIndex(input, "--cause", response.event(), causeCode);
    double[][] x = data.frame().design().columns();
    List<String> names = data.frame().design().columnNames();
    FineGrayFit fit =
        input.analyse(
            null, () -> FineGray.fit(data.time(), data.cause(), target, x, names, confLevel));
    String causeLabel = data.causes().get(target - 1);
    double lr = fit.likelihoodRatio();
    double lrP = ChiSquaredDistribution.of(names.size()).survivalProbability(lr);
    List<String> warnings = new java.util.ArrayList<>(data.frame().warnings());
    warnings.addAll(fit.warnings());
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(data, fit, causeLabel, lr, lrP, warnings), out);
            case CSV -> csv(fit).print(out);
            default -> text(data, fit, causeLabel, lr, lrP, warnings, out);
          }
        });
    return 0;
  }

  private ObjectNode json(
      CompetingOutcome data,
      FineGrayFit fit,
      String causeLabel,
      double lr,
      double lrP,
      List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "fine-gray");
    root.put("data", input.source());
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
    root.set("warnings", Json.strings(warnings));
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

  private CsvTable csv(FineGrayFit fit) {
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

  private void text(
      CompetingOutcome data,
      FineGrayFit fit,
      String causeLabel,
      double lr,
      double lrP,
      List<String> warnings,
      PrintStream out) {
    out.printf(
        "Fine-Gray competing risks regression: %s   data: %s%n", formulaText, input.source());
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
    out.println(
        "Method: Fine-Gray subdistribution hazards as cmprsk::crr (KM censoring weights, Breslow"
            + " ties, sandwich variance, Wald CIs)");
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
