package org.thyra.analysis.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.Logit;

/**
 * What matching ({@link MatchAnalysis}) and weighting ({@code IptwAnalysis}) share: the fitted
 * propensity score of a logistic model, and the columns whose balance they report.
 */
public final class PropensityScore {
  private PropensityScore() {}

  /**
   * The fitted probabilities {@code 1 / (1 + exp(-(b0 + x b)))}, as {@code fitted(glm(...))}; an
   * aliased coefficient (NaN) counts as 0, as R drops its column.
   *
   * @param ps the fitted propensity model
   * @param x its design columns, in the model's term order
   */
  public static double[] fitted(LogisticResult ps, double[][] x) {
    int n = x.length == 0 ? 0 : x[0].length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double eta = ps.intercept().coef();
      for (int j = 0; j < x.length; j++) {
        double b = ps.terms().get(j).coef();
        if (!Double.isNaN(b)) {
          eta += b * x[j][i];
        }
      }
      p[i] = Logit.inverse(eta);
    }
    return p;
  }

  /**
   * Columns of a balance table: the score first, then each included variable (a categorical one as
   * one 0/1 indicator per level, named {@code name=level}).
   *
   * @param columns the columns, one per name
   * @param names their names
   */
  public record BalanceColumns(double[][] columns, List<String> names) {
    /**
     * @param score the score's column (propensity or distance)
     * @param scoreName its name
     * @param variables the model frame's variables
     * @param design the frame's design columns (a numeric variable's is at its first column)
     * @param include which variables to show
     */
    public static BalanceColumns of(
        double[] score,
        String scoreName,
        List<Variable> variables,
        double[][] design,
        Predicate<String> include) {
      int n = score.length;
      List<double[]> cols = new ArrayList<>();
      List<String> names = new ArrayList<>();
      cols.add(score);
      names.add(scoreName);
      for (Variable v : variables) {
        if (!include.test(v.name())) {
          continue;
        }
        if (v.categorical()) {
          int[] codes = v.codes();
          for (int l = 0; l < v.levels().size(); l++) {
            double[] ind = new double[n];
            for (int i = 0; i < n; i++) {
              ind[i] = codes[i] == l ? 1 : 0;
            }
            cols.add(ind);
            names.add(v.name() + "=" + v.levels().get(l));
          }
        } else {
          cols.add(design[v.firstColumn()]);
          names.add(v.name());
        }
      }
      return new BalanceColumns(cols.toArray(double[][]::new), List.copyOf(names));
    }
  }
}
