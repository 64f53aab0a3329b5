package org.thyra.stats.regression;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Coefficients of a logistic model fitted with prior weights, as {@code glm.fit(x, y, weights,
 * family = binomial())}; the estimates and the unscaled covariance are also those of {@code
 * quasibinomial()} (which differs only in the dispersion applied by {@code summary.glm}).
 *
 * @param coefficients intercept first, then one per column; NaN for an aliased column
 * @param unscaledCovariance {@code (X'WX)^-1} from the last iteration's weighted QR ({@code
 *     summary.glm(fit)$cov.unscaled}), in column order; NaN rows and columns for aliased columns
 * @param aliased whether each coefficient is aliased (linearly dependent on earlier columns)
 * @param deviance weighted residual deviance {@code sum w_i d_i}
 * @param iterations IRLS iterations
 * @param converged IRLS convergence flag
 * @param method conventions used
 * @param warnings warnings, never null
 */
public record WeightedLogisticFit(
    double[] coefficients,
    double[][] unscaledCovariance,
    boolean[] aliased,
    double deviance,
    int iterations,
    boolean converged,
    String method,
    List<String> warnings)
    implements Result {
  /** Copies the warnings. */
  public WeightedLogisticFit {
    warnings = List.copyOf(warnings);
  }
}
