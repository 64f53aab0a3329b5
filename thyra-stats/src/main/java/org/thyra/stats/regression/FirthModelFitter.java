package org.thyra.stats.regression;

import java.util.List;

/**
 * {@link ModelFitter} for {@link FirthLogistic}: the model's log-likelihood is the penalised one
 * {@code l*(b) = l(b) + ½ log det I(b)}, so that {@link UnivariableScreen}'s statistic {@code 2
 * (l*_1 − l*_0)} is the penalised likelihood-ratio test of Heinze &amp; Schemper (2002), as {@code
 * logistf}'s, with the null model an intercept-only Firth fit. A variable is the group of design
 * columns sharing one {@code assign} index.
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
    return new ModelFit<>(f.penalizedLogLik(), f.result().df(), f.result());
  }
}
