package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.imputation.CompletedData;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.weighting.CaseWeights;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.CoxRobust;
import org.thyra.stats.survival.CoxRobustResult;
import org.thyra.stats.survival.CoxZphResult;
import org.thyra.stats.survival.Ties;

/**
 * A Cox proportional hazards model of a data file: the workflow behind {@code thyra cox} (SPEC §5),
 * as R's {@code coxph} followed by {@code cox.zph(transform = "km")}. Right-censored data take
 * {@link org.thyra.stats.survival.CoxAnalysis} (with a {@code cluster()} term: the robust variance
 * of {@code coxph(cluster = )}); case weights and counting-process data take {@link
 * CountingCoxAnalysis}; a landmark keeps only the rows followed event-free beyond it ({@link
 * Landmark}). The multiply imputed model is {@code ImputedModel}'s.
 */
public final class CoxAnalysis {
  private CoxAnalysis() {}

  /**
   * What to fit.
   *
   * @param formula the model as written, e.g. {@code Surv(time, status) ~ age + strata(inst)}
   * @param ties tie method, {@code efron} or {@code breslow} (any case), null for Efron
   * @param confLevel confidence level of the hazard ratios
   * @param landmark landmark time s (only rows with {@code time > s} enter), or null
   * @param weights case-weight column, or null
   */
  public record Request(
      String formula, String ties, double confLevel, Double landmark, String weights) {}

  /**
   * Parses a Cox formula, refusing one without a survival response.
   *
   * @param source the data's name, as the message cites it
   * @param text the formula as written
   * @return the formula
   * @throws InputException when the response is not {@code Surv(...)}
   */
  public static Formula formula(String source, String text) {
    Formula formula = Formula.parse(text);
    if (!(formula.response() instanceof SurvivalResponse)) {
      throw new InputException(
          source,
          null,
          null,
          "cox needs a survival response, e.g. \"Surv(time, status) ~ age\"; got \"" + text + "\"");
    }
    return formula;
  }

  /**
   * The tie method named as {@code --ties} takes it.
   *
   * @param source the data's name, as the message cites it
   * @param text {@code efron} or {@code breslow} in any case, or null for Efron (R's default)
   * @throws InputException for any other name
   */
  public static Ties ties(String source, String text) {
    if (text == null) {
      return Ties.EFRON;
    }
    for (Ties t : Ties.values()) {
      if (t.name().equalsIgnoreCase(text.strip())) {
        return t;
      }
    }
    throw new InputException(
        source, null, null, "--ties must be efron or breslow, got \"" + text + "\"");
  }

  /** Reads the file and fits the model. */
  public static CoxReport run(DataFile file, Request request) {
    Formula formula = formula(file.source(), request.formula());
    ties(file.source(), request.ties());
    return run(new Rows(file.source(), file, null, null), formula, request);
  }

  /**
   * The model on a table already read (a study's cohort).
   *
   * @param table the data
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   * @param request what to fit
   */
  public static CoxReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    Formula formula = formula(source, request.formula());
    ties(source, request.ties());
    return run(new Rows(source, null, table, references), formula, request);
  }

  /**
   * The Cox model on every completed data set of {@code --impute M} / {@code --imputed COLUMN},
   * pooled by Rubin's rules as {@code mice::pool(with(imp, coxph(...)))}; complete-data df for
   * Barnard–Rubin: events − coefficients (mice's {@code get.dfcom} for coxph).
   *
   * @param tieMethod {@code efron} or {@code breslow} (any case), null for Efron
   */
  public static PooledModel imputed(
      DataFile file, Formula formula, CompletedData data, String tieMethod, double confLevel) {
    Ties ties = ties(file.source(), tieMethod);
    return ImputedAnalysis.pool(
        file, formula, data, frame -> ImputedModel.cox(frame, ties, confLevel), confLevel);
  }

  /** Where the rows come from: a file (read as the formula needs) or a table already read. */
  private record Rows(String source, DataFile file, DataTable table, Map<String, String> refs) {
    ModelFrame frame(Formula formula) {
      return file != null ? file.modelFrame(formula) : ModelFrame.build(table, formula, refs);
    }

    Landmark landmark(Formula formula, double s) {
      // a file is read as the landmark always read it: the formula's columns, typed by content
      return file != null
          ? Landmark.frame(
              file.read(formula.variables()), source, file.referenceLevels(), formula, s)
          : Landmark.frame(table, source, refs, formula, s);
    }

    CaseWeights weights(Formula formula, String column) {
      return file != null
          ? CaseWeights.read(file, formula, column, false)
          : CaseWeights.of(table, source, refs, formula, column, false);
    }

    <T> T analyse(String column, java.util.function.Supplier<T> method) {
      return DataFile.analyse(source, column, method);
    }
  }

  private static CoxReport run(Rows rows, Formula formula, Request request) {
    boolean counting = ((SurvivalResponse) formula.response()).counting();
    Double landmark = request.landmark();
    if (counting || request.weights() != null) {
      if (landmark != null) {
        String what = counting ? "Surv(start, stop, event)" : "--weights";
        throw new InputException(
            rows.source(),
            null,
            null,
            "--landmark is not available with "
                + what
                + (counting ? " (split the follow-up at the landmark instead)" : ""));
      }
      return weighted(rows, formula, request);
    }
    if (landmark != null && (!Double.isFinite(landmark) || landmark < 0)) {
      throw new InputException(
          rows.source(), null, null, "--landmark must be a time >= 0, got " + landmark);
    }
    Landmark lm = landmark == null ? null : rows.landmark(formula, landmark);
    ModelFrame frame = lm == null ? rows.frame(formula) : lm.frame();
    List<String> variables = frame.variables().stream().map(Variable::name).toList();
    // read only here and in the fit (which copies the rows into time order): no copy of the design
    double[][] x = frame.design().readOnlyColumns();
    org.thyra.stats.survival.CoxAnalysis analysis =
        rows.analyse(
            null,
            () ->
                org.thyra.stats.survival.CoxAnalysis.run(
                    frame.time(),
                    frame.status(),
                    x,
                    frame.design().columnNames(),
                    frame.strata(),
                    frame.design().assign(),
                    variables,
                    options(request)));
    CoxFit fit = analysis.fit();
    CoxZphResult ph = analysis.phTest();
    int[] cluster = frame.cluster();
    CoxRobustResult robust =
        cluster == null || fit.events() == 0 || fit.size() == 0
            ? null
            : rows.analyse(
                formula.cluster(),
                () -> CoxRobust.of(fit, frame.time(), frame.status(), x, frame.strata(), cluster));
    List<String> warnings = new ArrayList<>(frame.warnings());
    if (robust != null) {
      warnings.add(
          "concordance SE not given with cluster(): coxph's is clustered, thyra's jackknife is not");
    }
    double concordanceSe = robust == null ? fit.concordance().se() : Double.NaN;
    warnings.addAll(fit.warnings());
    if (ph == null && fit.events() > 0 && fit.size() > 0) {
      warnings.add("proportional-hazards test not computed: " + analysis.phTestProblem());
    }
    String variance =
        robust == null
            ? null
            : "robust (sandwich) clustered on "
                + formula.cluster()
                + " ("
                + robust.clusters()
                + " clusters), as coxph(cluster =): se, z, p, limits and the Wald test use it;"
                + " robust_score is coxph's robust score test";
    return new CoxReport(
        rows.source(),
        request,
        formula,
        frame,
        fit,
        ph,
        robust,
        variance,
        false,
        concordanceSe,
        frame.droppedMissing(),
        lm == null ? 0 : lm.excluded(),
        warnings);
  }

  /** Case weights and/or counting-process data: {@link CountingCoxAnalysis}. */
  private static CoxReport weighted(Rows rows, Formula formula, Request request) {
    ModelFrame frame;
    double[] weights = null;
    int droppedMissing;
    String column = request.weights();
    if (column != null) {
      CaseWeights cw = rows.weights(formula, column);
      frame = cw.frame();
      weights = cw.weights();
      droppedMissing = cw.droppedMissing();
    } else {
      frame = rows.frame(formula);
      droppedMissing = frame.droppedMissing();
    }
    double[] w = weights;
    CountingCoxAnalysis analysis =
        rows.analyse(column, () -> CountingCoxAnalysis.run(frame, w, column, options(request)));
    CoxFit fit = analysis.fit();
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(fit.warnings());
    if (analysis.zph() == null && analysis.zphProblem() != null && fit.events() > 0) {
      warnings.add("proportional-hazards test not computed: " + analysis.zphProblem());
    }
    return new CoxReport(
        rows.source(),
        request,
        formula,
        frame,
        fit,
        analysis.zph(),
        analysis.robust(),
        analysis.variance(),
        true,
        fit.concordance().se(),
        droppedMissing,
        0,
        warnings);
  }

  private static CoxOptions options(Request request) {
    return CoxOptions.of(ties(null, request.ties())).withConfLevel(request.confLevel());
  }
}
