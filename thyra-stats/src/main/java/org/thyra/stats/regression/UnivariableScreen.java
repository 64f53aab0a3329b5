package org.thyra.stats.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Univariable screening: each candidate variable alone against the null model by the
 * likelihood-ratio test {@code 2 (loglik1 - loglik0)} on {@code df1 - df0} degrees of freedom (one
 * overall p for a categorical variable, as {@code anova(null, fit, test = "Chisq")}); a variable
 * enters the multivariable model when {@code p < entryP}.
 *
 * <p>A term with margins (an interaction {@code a:b}, whose margins are {@code a} and {@code b}) is
 * tested against its margins instead: the margins alone vs the margins plus the term, the
 * hierarchical test {@code anova(fit(a + b), fit(a + b + a:b))}. A spline is one variable of
 * several columns, so it is tested as a whole on its df.
 */
public final class UnivariableScreen {
  private UnivariableScreen() {}

  /**
   * @param fitter fits a model on a set of variables
   * @param variables candidate names
   * @param entryP entry threshold in (0, 1]
   */
  public static <F> ScreenResult<F> screen(
      ModelFitter<F> fitter, List<String> variables, double entryP) {
    return screen(fitter, variables, entryP, null);
  }

  /**
   * @param fitter fits a model on a set of variables
   * @param variables candidate names
   * @param entryP entry threshold in (0, 1]
   * @param margins per variable the variables its test is adjusted for (an interaction's main
   *     effects), or {@code null} for none
   */
  public static <F> ScreenResult<F> screen(
      ModelFitter<F> fitter, List<String> variables, double entryP, int[][] margins) {
    if (fitter == null || variables == null) {
      throw new IllegalArgumentException("fitter and variables must not be null");
    }
    if (!(entryP > 0 && entryP <= 1)) {
      throw new IllegalArgumentException("entryP must be in (0, 1], got " + entryP);
    }
    ModelFit<F> nullFit = fitter.fit(new int[0]);
    List<ScreenResult.Row<F>> rows = new ArrayList<>();
    List<String> entered = new ArrayList<>();
    List<Integer> enteredIdx = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int v = 0; v < variables.size(); v++) {
      int[] base = margins == null || margins[v] == null ? new int[0] : margins[v];
      ModelFit<F> reference = base.length == 0 ? nullFit : fitter.fit(base);
      int[] with = java.util.Arrays.copyOf(base, base.length + 1);
      with[base.length] = v;
      ModelFit<F> f = fitter.fit(with);
      int df = f.df() - reference.df();
      double stat = 2 * (f.logLik() - reference.logLik());
      double p;
      if (df <= 0) {
        p = Double.NaN;
        warnings.add("variable " + variables.get(v) + " adds no estimable coefficient; no p-value");
      } else {
        p = ChiSquaredDistribution.of(df).survivalProbability(Math.max(stat, 0));
      }
      boolean in = p < entryP;
      if (in) {
        entered.add(variables.get(v));
        enteredIdx.add(v);
      }
      rows.add(new ScreenResult.Row<>(variables.get(v), v, f, stat, df, p, in));
    }
    String method =
        "univariable screen: likelihood-ratio test of each variable alone vs the null model "
            + "(one p per variable"
            + (margins == null
                ? ""
                : ", on its df; an interaction with its main effects vs them alone")
            + "); entry at p < "
            + entryP;
    return new ScreenResult<>(
        rows,
        entered,
        enteredIdx.stream().mapToInt(Integer::intValue).toArray(),
        entryP,
        method,
        warnings);
  }
}
