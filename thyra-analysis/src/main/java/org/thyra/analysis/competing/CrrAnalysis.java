package org.thyra.analysis.competing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.stats.competing.FineGray;
import org.thyra.stats.competing.FineGrayFit;

/**
 * Fine–Gray proportional subdistribution hazards regression of one cause of failure in a data file:
 * the workflow behind {@code thyra crr} (SPEC §5), as {@code cmprsk::crr}.
 */
public final class CrrAnalysis {
  private CrrAnalysis() {}

  /**
   * What to fit.
   *
   * @param formula the model as written, {@code Surv(time, status) ~ terms} (main effects only)
   * @param cause the status value of the cause of interest
   * @param censorCode the status value of a censored row
   * @param confLevel confidence level of the subdistribution hazard ratios
   */
  public record Request(String formula, String cause, String censorCode, double confLevel) {}

  /**
   * Reads the file and fits the model; the pseudo likelihood-ratio test compares it with the model
   * without covariates on as many df as coefficients.
   *
   * @throws InputException for a level outside (0, 1), a formula without {@code Surv()}, a term crr
   *     has no counterpart for (interaction, spline, strata, cluster), or a cause that does not
   *     occur
   */
  public static CrrReport run(DataFile input, Request request) {
    Formula formula = formula(input.source(), request);
    SurvivalResponse response = (SurvivalResponse) formula.response();
    return run(
        CompetingOutcome.read(
            input, response.time(), response.event(), request.censorCode(), formula.terms()),
        response.event(),
        input.source(),
        request);
  }

  /**
   * As {@link #run(DataFile, Request)}, on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static CrrReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    Formula formula = formula(source, request);
    SurvivalResponse response = (SurvivalResponse) formula.response();
    return run(
        CompetingOutcome.of(
            table,
            source,
            references,
            response.time(),
            response.event(),
            request.censorCode(),
            formula.terms()),
        response.event(),
        source,
        request);
  }

  /** Checks the options and parses the formula, refusing terms crr has no counterpart for. */
  private static Formula formula(String source, Request request) {
    double confLevel = request.confLevel();
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          source, null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    Formula formula = Formula.parse(request.formula());
    if (!(formula.response() instanceof SurvivalResponse response)) {
      throw new InputException(
          source,
          null,
          null,
          "crr --formula needs Surv(time, status) on the left, got \"" + request.formula() + "\"");
    }
    for (Term t : formula.terms()) {
      if (t.kind() == TermKind.INTERACTION || t.kind() == TermKind.SPLINE) {
        throw new InputException(
            source,
            null,
            null,
            "crr takes main effects only; " + t + " (an interaction or a spline) is not supported");
      }
      if (t.kind() == TermKind.CLUSTER) {
        throw new InputException(
            source, null, t.variable(), "crr has no cluster() (cmprsk::crr has none)");
      }
      if (t.kind() == TermKind.STRATA) {
        throw new InputException(
            source,
            null,
            t.variable(),
            "crr has no strata (cmprsk::crr has none); enter " + t.variable() + " as a covariate");
      }
    }
    return formula;
  }

  private static CrrReport run(
      CompetingOutcome data, String event, String source, Request request) {
    double confLevel = request.confLevel();
    int target = data.causeIndex(source, "--cause", event, request.cause());
    double[][] x = data.frame().design().columns();
    List<String> names = data.frame().design().columnNames();
    FineGrayFit fit =
        DataFile.analyse(
            source,
            null,
            () -> FineGray.fit(data.time(), data.cause(), target, x, names, confLevel));
    double lr = fit.likelihoodRatio();
    double lrP = ChiSquaredDistribution.of(names.size()).survivalProbability(lr);
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    warnings.addAll(fit.warnings());
    return new CrrReport(
        source, request, data, fit, data.causes().get(target - 1), lr, lrP, warnings);
  }
}
