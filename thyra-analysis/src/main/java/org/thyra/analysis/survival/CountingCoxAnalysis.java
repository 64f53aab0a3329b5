package org.thyra.analysis.survival;

import java.util.List;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.survival.CoxCounting;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.CoxRobustResult;
import org.thyra.stats.survival.CoxZphResult;

/**
 * The Cox workflow for case weights and counting-process data ({@code thyra cox --weights W},
 * {@code Surv(start, stop, event)}), as R's {@code coxph(..., weights = W)}: the fit, the variance
 * R reports by default (robust when there is a {@code cluster()} term or a non-integer weight,
 * model-based otherwise) and the PH test of {@code cox.zph}.
 *
 * @param fit the fit (model-based variance; concordance with coxph's SE)
 * @param robust the robust variance and tests, or null when R reports the model-based one
 * @param zph the PH test, or null when it cannot be computed (see {@code zphProblem})
 * @param zphProblem why the PH test is missing, or null
 * @param variance which variance the inference uses and why, for the result's method
 */
public record CountingCoxAnalysis(
    CoxFit fit, CoxRobustResult robust, CoxZphResult zph, String zphProblem, String variance) {

  /**
   * Fits the model.
   *
   * @param frame the model frame (with {@code start()} for counting-process data)
   * @param weights case weights per row, or null
   * @param weightColumn the weight column's name (for the method), or null
   * @param options Cox settings
   * @return the analysis
   * @throws IllegalArgumentException for data the model refuses (see {@link CoxCounting})
   */
  public static CountingCoxAnalysis run(
      ModelFrame frame, double[] weights, String weightColumn, CoxOptions options) {
    double[] start = frame.start();
    double[] stop = frame.time();
    int[] status = frame.status();
    double[][] x = frame.design().columns();
    int[] strata = frame.strata();
    int[] cluster = frame.cluster();
    boolean nonInteger = false;
    if (weights != null) {
      for (double w : weights) {
        nonInteger |= w != Math.floor(w);
      }
    }
    boolean robust = cluster != null || nonInteger;
    CoxFit fit =
        CoxCounting.fit(
            start,
            stop,
            status,
            weights,
            x,
            frame.design().columnNames(),
            strata,
            options,
            cluster);
    boolean estimable = fit.events() > 0 && fit.size() > 0;
    CoxRobustResult r =
        robust && estimable
            ? CoxCounting.robust(fit, start, stop, status, weights, x, strata, cluster)
            : null;
    CoxZphResult zph = null;
    String problem = null;
    if (!estimable) {
      problem = fit.events() == 0 ? "no events" : "no covariates";
    } else {
      List<String> variables = frame.variables().stream().map(Variable::name).toList();
      try {
        zph =
            CoxCounting.zph(
                fit, start, stop, status, weights, x, strata, frame.design().assign(), variables);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    String variance;
    if (r != null) {
      variance =
          "robust (sandwich) "
              + (cluster != null
                  ? "clustered on " + frame.formula().cluster() + " (" + r.clusters() + " clusters)"
                  : "with one cluster per row")
              + ", as coxph uses by default "
              + (cluster != null ? "with cluster()" : "with non-integer weights")
              + ": se, z, p, limits and the Wald test use it; robust_score is coxph's robust score"
              + " test";
    } else if (weights != null) {
      variance =
          "model-based (naive): every weight is a whole number, so coxph treats them as"
              + " frequencies and keeps the model-based variance";
    } else {
      variance = "model-based";
    }
    if (weightColumn != null) {
      variance = "case weights from column " + weightColumn + " (coxph(weights = )); " + variance;
    }
    return new CountingCoxAnalysis(fit, r, zph, problem, variance);
  }
}
