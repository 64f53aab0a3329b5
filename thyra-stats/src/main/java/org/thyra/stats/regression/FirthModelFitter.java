package org.thyra.stats.regression;

import java.util.List;

/**
 * {@link ModelFitter} for {@link FirthLogistic}, for {@link UnivariableScreen}: the {@code logLik}
 * of a fit is half the penalised likelihood-ratio statistic of its variables, {@code l*(b̂) −
 * max_{b_v = 0} l*(b)} with {@code l* = l + ½ log det I} and the penalty of the same design in both
 * (logistf's test, Heinze &amp; Schemper 2002); the empty model's is 0. So the screen's {@code 2
 * (logLik_1 − logLik_0)} is logistf's statistic, which, unlike a comparison with a fit without the
 * columns, does not change when a covariate is rescaled. It is not a log-likelihood: the fit's own
 * (unpenalised) one is {@code fit().logLikModel()}. A variable is the group of design columns
 * sharing one {@code assign} index.
 */
public final class FirthModelFitter implements ModelFitter<LogisticResult> {
  private final double[] y;
  private final double[][] columns;
  private final List<String> names;
  private final int[] assign;
  private final double level;

  /**
   * @param y01 outcome 0/1
   * @param columns design columns (no intercept)
   * @param names column names
   * @param assign variable index of each column
   * @param level confidence level of the Wald intervals
   */
  public FirthModelFitter(
      double[] y01, double[][] columns, List<String> names, int[] assign, double level) {
    LogisticRegression.validate(y01, columns, names, assign, level);
    this.y = y01;
    this.columns = columns;
    this.names = List.copyOf(names);
    this.assign = assign.clone();
    this.level = level;
  }

  @Override
  public ModelFit<LogisticResult> fit(int[] variables) {
    CandidateColumns selected = CandidateColumns.select(columns, names, assign, variables);
    FirthLogistic.Fit f =
        FirthLogistic.fit(y, selected.columns(), selected.names(), selected.assign(), level);
    double half = 0;
    if (variables.length > 0) {
      int[] all = java.util.Arrays.stream(selected.assign()).distinct().toArray();
      half =
          f.penalizedLogLik()
              - FirthLogistic.constrainedPenalizedLogLik(
                  y, selected.columns(), selected.names(), selected.assign(), all);
    }
    return new ModelFit<>(half, f.result().df(), f.result());
  }
}
