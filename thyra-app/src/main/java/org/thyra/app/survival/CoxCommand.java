package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.survival.CountingCoxAnalysis;
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
import org.thyra.stats.survival.CoxRobust;
import org.thyra.stats.survival.CoxRobustResult;
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

  @Option(
      names = "--landmark",
      paramLabel = "S",
      description =
          "Landmark analysis: only rows followed event-free beyond time S (time > S) enter.")
  Double landmark;

  @Option(
      names = "--weights",
      paramLabel = "COL",
      description =
          "Case weights from column COL (e.g. IPTW weights from thyra weight), as coxph(weights ="
              + " ): robust variance when a weight is not a whole number, as R.")
  String weightsColumn;

  @Mixin ImputationOptions imputation;

  /** Rows dropped for a missing value (formula variables and the weight column). */
  private int droppedMissing;

  /** Which variance inference uses, and why (weighted / counting-process fits). */
  private String varianceNote;

  /** The concordance SE to report (coxph's, clustered when R clusters it), NaN when not given. */
  private double concordanceSe;

  private int landmarkExcluded;

  /** With a {@code cluster()} term: the robust variance (then se, z, p, limits use it, as R). */
  private CoxRobustResult robust;

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
    boolean counting = ((org.thyra.frame.formula.SurvivalResponse) formula.response()).counting();
    if (counting || weightsColumn != null) {
      String what = counting ? "Surv(start, stop, event)" : "--weights";
      if (imputation.requested()) {
        throw new InputException(
            input.source(), null, null, what + " is not available with --impute / --imputed");
      }
      if (landmark != null) {
        throw new InputException(
            input.source(),
            null,
            null,
            "--landmark is not available with "
                + what
                + (counting ? " (split the follow-up at the landmark instead)" : ""));
      }
      return weighted(formula);
    }
    if (imputation.requested()) {
      if (landmark != null) {
        throw new InputException(
            input.source(), null, null, "--landmark is not available with --impute / --imputed");
      }
      if (formula.cluster() != null) {
        throw new InputException(
            input.source(),
            null,
            formula.cluster(),
            "cluster() is not available with --impute / --imputed (no pooled robust variance)");
      }
      ImputedCox.run(
          input, output, figure, formula, imputation.completed(input, formula), ties, confLevel);
      return 0;
    }
    Landmark lm = landmark == null ? null : Landmark.frame(input, formula, landmark);
    ModelFrame frame = lm == null ? input.modelFrameWithCluster(formula) : lm.frame();
    droppedMissing = frame.droppedMissing();
    landmarkExcluded = lm == null ? 0 : lm.excluded();
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
    int[] cluster = frame.cluster();
    robust =
        cluster == null || fit.events() == 0 || fit.size() == 0
            ? null
            : input.analyse(
                formula.cluster(),
                () -> CoxRobust.of(fit, frame.time(), frame.status(), x, frame.strata(), cluster));
    List<String> warnings = new ArrayList<>(frame.warnings());
    if (robust != null) {
      warnings.add(
          "concordance SE not given with cluster(): coxph's is clustered, thyra's jackknife is not");
    }
    concordanceSe = robust == null ? fit.concordance().se() : Double.NaN;
    warnings.addAll(fit.warnings());
    if (ph == null && fit.events() > 0 && fit.size() > 0) {
      warnings.add("proportional-hazards test not computed: " + analysis.phTestProblem());
    }
    return write(formula, frame, fit, ph, warnings);
  }

  /** Case weights and/or counting-process data: {@link CountingCoxAnalysis}. */
  private Integer weighted(Formula formula) throws Exception {
    ModelFrame frame;
    double[] weights = null;
    if (weightsColumn != null) {
      org.thyra.analysis.weighting.CaseWeights cw =
          org.thyra.analysis.weighting.CaseWeights.read(
              input.file(), formula, weightsColumn, false);
      frame = cw.frame();
      weights = cw.weights();
      droppedMissing = cw.droppedMissing();
    } else {
      frame = input.modelFrameWithCluster(formula);
      droppedMissing = frame.droppedMissing();
    }
    double[] w = weights;
    CountingCoxAnalysis analysis =
        input.analyse(
            weightsColumn,
            () ->
                CountingCoxAnalysis.run(
                    frame, w, weightsColumn, CoxOptions.of(ties).withConfLevel(confLevel)));
    CoxFit fit = analysis.fit();
    robust = analysis.robust();
    varianceNote = analysis.variance();
    concordanceSe = fit.concordance().se();
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(fit.warnings());
    if (analysis.zph() == null && analysis.zphProblem() != null && fit.events() > 0) {
      warnings.add("proportional-hazards test not computed: " + analysis.zphProblem());
    }
    return write(formula, frame, fit, analysis.zph(), warnings);
  }

  private Integer write(
      Formula formula, ModelFrame frame, CoxFit fit, CoxZphResult ph, List<String> warnings)
      throws Exception {
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, fit, ph, warnings), out);
            case CSV -> csv(fit).print(out);
            default -> text(formula, frame, fit, ph, warnings, out);
          }
        });
    // with a robust variance the plotted limits and p are the robust ones, as in the table
    figure.write(
        spec -> {
          if (robust == null) {
            return ForestFigure.of(frame, fit, spec);
          }
          double[] lo = new double[fit.size()];
          double[] hi = new double[fit.size()];
          double[] pv = new double[fit.size()];
          for (int j = 0; j < fit.size(); j++) {
            lo[j] = lower(fit, j);
            hi[j] = upper(fit, j);
            pv[j] = p(fit, j);
          }
          return new ForestFigure(
              List.of(""),
              "HR",
              ForestFigure.rows(
                  frame,
                  List.of(ForestFigure.estimates(fit.names(), fit.hazardRatios(), lo, hi, pv))),
              spec);
        });
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
    root.put("dropped_missing", droppedMissing);
    if (landmark != null) {
      ObjectNode lmn = root.putObject("landmark");
      lmn.put("time", landmark);
      lmn.put("excluded", landmarkExcluded);
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
    if (weightsColumn != null) {
      m.put("weights", weightsColumn);
    }
    if (frame.start() != null) {
      m.put("response", "counting process (start, stop]");
    }
    if (varianceNote != null) {
      m.put("variance", varianceNote);
    } else if (robust != null) {
      m.put(
          "variance",
          "robust (sandwich) clustered on "
              + frame.formula().cluster()
              + " ("
              + robust.clusters()
              + " clusters), as coxph(cluster =): se, z, p, limits and the Wald test use it;"
              + " robust_score is coxph's robust score test");
    }
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
      if (robust != null) {
        t.set("robust_se", Json.number(robust.standardErrors()[j]));
      }
      t.set("hr", Json.number(fit.hazardRatios()[j]));
      t.set("lower", Json.number(lower(fit, j)));
      t.set("upper", Json.number(upper(fit, j)));
      t.set("z", Json.number(z(fit, j)));
      t.set("p", Json.number(p(fit, j)));
      t.put("aliased", fit.aliased()[j]);
    }
    ObjectNode ll = root.putObject("loglik");
    ll.set("null", Json.number(fit.loglikNull()));
    ll.set("model", Json.number(fit.loglikModel()));
    ObjectNode tests = root.putObject("tests");
    tests.set("likelihood_ratio", test(fit.likelihoodRatioTest()));
    tests.set("wald", test(robust == null ? fit.waldTest() : robust.wald()));
    tests.set("score", test(fit.scoreTest()));
    if (robust != null) {
      tests.set("robust_score", test(robust.score()));
    }
    ObjectNode c = root.putObject("concordance");
    c.set("c", Json.number(fit.concordance().c()));
    c.set("se", Json.number(concordanceSe));
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

  /** The standard error inference uses: the robust one with a cluster() term, as R. */
  private double se(CoxFit fit, int j) {
    return robust == null ? fit.standardErrors()[j] : robust.standardErrors()[j];
  }

  private double z(CoxFit fit, int j) {
    return robust == null ? fit.z()[j] : fit.coefficients()[j] / se(fit, j);
  }

  private double p(CoxFit fit, int j) {
    return robust == null
        ? fit.p()[j]
        : 2
            * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .survivalProbability(Math.abs(z(fit, j)));
  }

  private double lower(CoxFit fit, int j) {
    return robust == null ? fit.lower()[j] : Math.exp(fit.coefficients()[j] - q() * se(fit, j));
  }

  private double upper(CoxFit fit, int j) {
    return robust == null ? fit.upper()[j] : Math.exp(fit.coefficients()[j] + q() * se(fit, j));
  }

  private double q() {
    return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
        .inverseCumulativeProbability((1 + confLevel) / 2);
  }

  private CsvTable csv(CoxFit fit) {
    CsvTable t = new CsvTable(List.of("term", "coef", "se", "hr", "lower", "upper", "z", "p"));
    for (int j = 0; j < fit.size(); j++) {
      t.row(
          List.of(
              fit.names().get(j),
              Numbers.full(fit.coefficients()[j]),
              Numbers.full(fit.standardErrors()[j]),
              Numbers.full(fit.hazardRatios()[j]),
              Numbers.full(lower(fit, j)),
              Numbers.full(upper(fit, j)),
              Numbers.full(z(fit, j)),
              Numbers.full(p(fit, j))));
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
        droppedMissing > 0
            ? "   (" + droppedMissing + " observations deleted due to missingness)"
            : "");
    if (varianceNote != null) {
      out.printf("  variance: %s%n%n", varianceNote);
    }
    if (landmark != null) {
      out.printf(
          "  landmark at %s: %d rows with time <= %s excluded%n%n",
          Numbers.signif(landmark, 7), landmarkExcluded, Numbers.signif(landmark, 7));
    }
    List<String> header = new ArrayList<>(List.of("", "coef", "exp(coef)", "se(coef)"));
    if (robust != null) {
      header.add("robust se");
    }
    header.addAll(List.of("z", "Pr(>|z|)"));
    TextTable coef = new TextTable(header);
    TextTable ci =
        new TextTable(List.of("", "exp(coef)", "exp(-coef)", "lower " + lvl(), "upper " + lvl()));
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
      row.addAll(List.of(Numbers.signif(z(fit, j), 4), Numbers.pValue(p(fit, j))));
      coef.row(row);
      ci.row(
          List.of(
              name,
              Numbers.signif(fit.hazardRatios()[j], 4),
              Numbers.signif(Math.exp(-b), 4),
              Numbers.signif(lower(fit, j), 4),
              Numbers.signif(upper(fit, j), 4)));
    }
    coef.print(out);
    out.println();
    ci.print(out);
    out.println();
    out.printf(
        "Concordance= %s  (se = %s )%n",
        Numbers.signif(fit.concordance().c(), 4),
        Double.isNaN(concordanceSe) ? "NA" : Numbers.signif(concordanceSe, 3));
    printTest(out, "Likelihood ratio test", fit.likelihoodRatioTest());
    printTest(out, "Wald test            ", robust == null ? fit.waldTest() : robust.wald());
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
