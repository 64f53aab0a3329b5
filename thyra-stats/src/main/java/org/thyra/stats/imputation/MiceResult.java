package org.thyra.stats.imputation;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Completed data sets from chained equations.
 *
 * @param completed m completed data sets, each {@code [column][row]}; observed values unchanged
 * @param methods imputation model per column
 * @param method the conventions used (m, maxit, seed, RNG, donors, predictors)
 * @param warnings e.g. a model that did not converge
 */
public record MiceResult(
    List<double[][]> completed,
    List<ImputationMethod> methods,
    String method,
    List<String> warnings)
    implements Result {
  public MiceResult {
    completed = List.copyOf(completed);
    methods = List.copyOf(methods);
    warnings = List.copyOf(warnings);
  }
}
