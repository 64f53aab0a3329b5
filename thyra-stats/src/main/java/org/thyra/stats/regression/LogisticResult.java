package org.thyra.stats.regression;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of a logistic regression fit.
 *
 * @param n number of observations
 * @param events number of observations with y = 1
 * @param intercept the intercept
 * @param terms the other coefficients, in design-column order
 * @param logLikNull log-likelihood of the intercept-only model
 * @param logLikModel log-likelihood of the fitted model
 * @param df number of non-aliased coefficients (including the intercept)
 * @param aic -2 logLikModel + 2 df
 * @param deviance residual deviance
 * @param nullDeviance deviance of the intercept-only model
 * @param likelihoodRatio LR test of the model against the intercept-only model
 * @param iterations IRLS iterations
 * @param converged IRLS convergence flag
 * @param separation separation status (see {@link LogisticRegression} for the detection rule)
 * @param ciType confidence interval type
 * @param confLevel confidence level
 * @param method conventions used
 * @param warnings warnings, never null
 */
public record LogisticResult(
    int n,
    int events,
    LogisticTerm intercept,
    List<LogisticTerm> terms,
    double logLikNull,
    double logLikModel,
    int df,
    double aic,
    double deviance,
    double nullDeviance,
    LikelihoodRatioTest likelihoodRatio,
    int iterations,
    boolean converged,
    Separation separation,
    ConfidenceIntervalType ciType,
    double confLevel,
    String method,
    List<String> warnings)
    implements Result {
  public LogisticResult {
    terms = List.copyOf(terms);
    warnings = List.copyOf(warnings);
  }
}
