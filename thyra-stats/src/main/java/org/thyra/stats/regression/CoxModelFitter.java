package org.thyra.stats.regression;

import java.util.List;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;

/**
 * {@link ModelFitter} for {@link CoxModel}: a variable is the group of design columns sharing one
 * {@code assign} index, so a categorical variable enters and leaves as a unit; strata, ties and the
 * other options are the same in every fit.
 *
 * <p>The model's log-likelihood is the maximised log partial likelihood and its df the number of
 * non-aliased coefficients, as R's {@code extractAIC.coxph} ({@code edf = sum(!is.na(coef))},
 * {@code AIC = -2 loglik + 2 edf}), which {@code MASS::stepAIC} uses for {@code coxph} fits. The
 * null model (no variables) has {@code loglik = } the fit's null log partial likelihood and df 0.
 */
public final class CoxModelFitter implements ModelFitter<CoxFit> {
  private final double[] time;
  private final int[] status;
  private final double[][] columns;
  private final List<String> names;
  private final int[] assign;
  private final int[] strata;
  private final CoxOptions options;

  /**
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @param columns design columns (column-major)
   * @param names column names
   * @param assign variable index of each column
   * @param strata stratum codes per row, or null
   * @param options Cox options (ties, convergence, CI level)
   * @throws IllegalArgumentException on mismatched lengths
   */
  public CoxModelFitter(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      int[] assign,
      int[] strata,
      CoxOptions options) {
    if (time == null || status == null || columns == null || names == null || assign == null) {
      throw new IllegalArgumentException(
          "time, status, columns, names and assign must not be null");
    }
    CandidateColumns.checkLengths(columns, names, assign);
    for (int a : assign) {
      if (a < 0) {
        throw new IllegalArgumentException("assign must be >= 0, got " + a);
      }
    }
    this.time = time;
    this.status = status;
    this.columns = columns;
    this.names = List.copyOf(names);
    this.assign = assign.clone();
    this.strata = strata;
    this.options = options == null ? CoxOptions.defaults() : options;
  }

  /** Number of candidate variables (max assign + 1). */
  public int variableCount() {
    return CandidateColumns.variableCount(assign);
  }

  @Override
  public ModelFit<CoxFit> fit(int[] variables) {
    CandidateColumns selected = CandidateColumns.select(columns, names, assign, variables);
    CoxFit fit = CoxModel.fit(time, status, selected.columns(), selected.names(), strata, options);
    int df = 0;
    for (boolean a : fit.aliased()) {
      df += a ? 0 : 1;
    }
    double logLik = selected.columns().length == 0 ? fit.loglikNull() : fit.loglikModel();
    return new ModelFit<>(logLik, df, fit);
  }
}
