package org.thyra.app.regression;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.ImputationOptions;
import org.thyra.app.cohort.ImputedAnalysis;
import org.thyra.app.cohort.ImputedLogistic;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.FirthLogistic;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra logistic}: binary logistic regression (SPEC §5), as R's glm(family = binomial). */
@Command(
    name = "logistic",
    mixinStandardHelpOptions = true,
    description =
        "Logistic regression as R's glm(family = binomial): coefficients, odds ratios with Wald (default) or"
            + " profile-likelihood (MASS::confint) CIs, log-likelihoods, AIC, likelihood-ratio test; separation reported.")
public final class LogisticCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula, e.g. \"low ~ age + lwt + factor(race)\"; the outcome is 0/1, TRUE/FALSE, yes/no"
              + " or a two-level column (the non-reference level is 1).")
  String formulaText;

  @Option(
      names = "--ci",
      defaultValue = "wald",
      description = "Confidence intervals: wald or profile (default: ${DEFAULT-VALUE}).")
  String ci;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(
      names = "--firth",
      description =
          "Firth's penalised-likelihood logistic regression (brglm2 AS_mean): finite estimates"
              + " under separation, Wald intervals.")
  boolean firth;

  @Mixin ImputationOptions imputation;

  @Override
  public Integer call() throws Exception {
    ConfidenceIntervalType ciType = ciType(input, ci);
    Formula formula = RegressionInput.binaryFormula(input, formulaText, "logistic");
    if (firth && (imputation.requested() || ciType != ConfidenceIntervalType.WALD)) {
      throw new IllegalArgumentException(
          "--firth gives Wald intervals of one data set: it is not available with --ci profile,"
              + " --impute or --imputed");
    }
    if (imputation.requested()) {
      if (ciType != ConfidenceIntervalType.WALD) {
        throw new IllegalArgumentException(
            "pooled results have t-based Wald limits: --ci profile is not available"
                + " with --impute / --imputed");
      }
      ImputedAnalysis.Completed data = imputation.completed(input, formula);
      ImputedAnalysis.Pooled pooled = ImputedLogistic.pool(input, formula, data, confLevel);
      output.write(
          out -> {
            switch (output.format()) {
              case JSON -> Json.write(ImputedLogistic.json(input, formula, pooled, confLevel), out);
              case CSV -> pooled.terms().csv("or").print(out);
              default -> ImputedLogistic.text(input, formula, pooled, out);
            }
          });
      figure.write(spec -> ImputedAnalysis.forest(input, formula, pooled, "OR", spec));
      return 0;
    }
    ModelFrame frame = input.modelFrame(formula);
    double[] y = RegressionInput.binaryOutcome(input, frame);
    LogisticResult fit =
        input.analyse(
            null,
            () ->
                firth
                    ? FirthLogistic.fit(
                            y,
                            frame.design().columns(),
                            frame.design().columnNames(),
                            frame.design().assign(),
                            confLevel)
                        .result()
                    : LogisticRegression.fit(
                        y,
                        frame.design().columns(),
                        frame.design().columnNames(),
                        frame.design().assign(),
                        ciType,
                        confLevel));
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(fit.warnings());
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, fit, warnings), out);
            case CSV -> csv(fit).print(out);
            default -> text(formula, frame, fit, warnings, out);
          }
        });
    figure.write(spec -> ForestFigure.of(frame, fit, spec));
    return 0;
  }

  static ConfidenceIntervalType ciType(InputOptions input, String ci) {
    return switch (ci.toLowerCase(Locale.ROOT)) {
      case "wald" -> ConfidenceIntervalType.WALD;
      case "profile" -> ConfidenceIntervalType.PROFILE;
      default ->
          throw new IllegalArgumentException("--ci must be wald or profile, got \"" + ci + "\"");
    };
  }

  private ObjectNode json(ModelFrame frame, LogisticResult fit, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "logistic");
    root.put("data", input.source());
    root.put("formula", frame.formula().toString());
    root.put("outcome_coding", frame.binaryResponseCoding());
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode method = method(fit);
    if (firth) {
      method.put("model", "binomial, logit link, Firth's penalised likelihood (brglm2 AS_mean)");
      method.put("se", "Fisher information at the Firth estimate (summary of brglmFit)");
      method.put("test", "none (likelihood_ratio is null: brglm2 reports no test)");
      method.put("separation_check", "not needed: Firth's estimates are finite under separation");
    }
    root.set("method", method);
    root.set("warnings", Json.strings(warnings));
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

  static ObjectNode method(LogisticResult fit) {
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
  static ObjectNode term(LogisticTerm t) {
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

  private static CsvTable csv(LogisticResult fit) {
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
  private void text(
      Formula formula,
      ModelFrame frame,
      LogisticResult fit,
      List<String> warnings,
      PrintStream out) {
    out.println("Logistic regression: " + formula + "   data: " + input.source());
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
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
