package org.thyra.stats.regression;

import java.util.List;

/**
 * {@link ModelFitter} for {@link LogisticRegression}: a variable is the group of design columns
 * sharing one {@code assign} index, so a categorical variable enters and leaves as a unit.
 */
public final class LogisticModelFitter implements ModelFitter<LogisticResult> {
  private final double[] y;
  private final double[][] columns;
  private final List<String> names;
  private final int[] assign;
  private final ConfidenceIntervalType ciType;
  private final double level;

  // The parameters are LogisticRegression.fit's (duplicates tool), held for the repeated fits of
  // stepwise selection.
  /**
   * @param y01 outcome 0/1; @param columns design columns (no intercept); @param names column
   *     names; @param assign variable index of each column; @param ciType CI type of the fits
   */
  public LogisticModelFitter(
      double[] y01,
      double[][] columns,
      List<String> names,
      int[] assign,
      ConfidenceIntervalType ciType,
      double level) {
    LogisticRegression.validate(y01, columns, names, assign, level);
    this.y = y01;
    this.columns = columns;
    this.names = List.copyOf(names);
    this.assign = assign.clone();
    this.ciType = ciType;
    this.level = level;
  }

  /** Number of candidate variables (max assign + 1). */
  public int variableCount() {
    return CandidateColumns.variableCount(assign);
  }

  @Override
  public ModelFit<LogisticResult> fit(int[] variables) {
    CandidateColumns selected = CandidateColumns.select(columns, names, assign, variables);
    LogisticResult r =
        LogisticRegression.fit(
            y, selected.columns(), selected.names(), selected.assign(), ciType, level);
    return new ModelFit<>(r.logLikModel(), r.df(), r);
  }
}
