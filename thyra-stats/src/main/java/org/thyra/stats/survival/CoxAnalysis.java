package org.thyra.stats.survival;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Cox model together with its test of proportional hazards: what {@code thyra cox} reports.
 *
 * <p>After Newton–Raphson two independent passes over the data remain, Harrell's C of the linear
 * predictor and the {@code cox.zph} score test. They run on two threads, which on large cohorts
 * takes the shorter of the two off the elapsed time. The results are exactly those of {@link
 * CoxModel#fit} and {@link CoxZph#test}.
 *
 * @param fit the fitted model, concordance included
 * @param phTest the proportional-hazards test, or null when it cannot be computed
 * @param phTestProblem why the test is missing (null when it is present)
 */
public record CoxAnalysis(CoxFit fit, CoxZphResult phTest, String phTestProblem) {

  /**
   * Fits the model and tests proportional hazards.
   *
   * @param time follow-up times, finite and >= 0
   * @param status 1 = event, 0 = censored
   * @param columns covariates, column-major
   * @param columnNames one name per column
   * @param strata stratum codes 0..k-1, or null
   * @param assign for each column the index of its variable in {@code variables}
   * @param variables variable (term) names: one PH test row each
   * @param options fit settings
   * @return the fit and its PH test
   * @throws IllegalArgumentException as {@link CoxModel#fit}
   */
  public static CoxAnalysis run(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> columnNames,
      int[] strata,
      int[] assign,
      List<String> variables,
      CoxOptions options) {
    final CoxModel.Engine[] engine = new CoxModel.Engine[1];
    final CoxFit bare =
        CoxModel.fit(time, status, columns, columnNames, strata, options, false, engine);
    if (bare.concordance() != null) {
      // no events: nothing further to compute
      return new CoxAnalysis(bare, null, "the model has no events");
    }
    final CompletableFuture<ConcordanceResult> concordance =
        CompletableFuture.supplyAsync(() -> concordanceOf(bare, engine[0], status, strata));
    CoxZphResult zph = null;
    String problem = null;
    if (bare.size() == 0) {
      problem = "the model has no covariates";
    } else {
      try {
        zph = CoxZph.test(bare, engine[0], time, status, columns, strata, assign, variables);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    try {
      return new CoxAnalysis(bare.withConcordance(concordance.join()), zph, problem);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Harrell's C of the fit's linear predictor, on the times the fit used (timefix as set): their
   * ranks are the engine's, not sorted again.
   */
  private static ConcordanceResult concordanceOf(
      CoxFit fit, CoxModel.Engine engine, int[] status, int[] strata) {
    final CoxTimeFix.Ranked times = engine.inputTimes;
    return Concordance.computeFixed(
        times.time(), times.ranks(), status, fit.linearPredictorView(), strata, true);
  }
}
