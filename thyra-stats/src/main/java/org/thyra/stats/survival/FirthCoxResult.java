package org.thyra.stats.survival;

import java.util.List;

/**
 * Firth's penalised Cox model ({@link FirthCox#fit}), one entry per column in each array.
 *
 * @param names column names
 * @param coef penalised estimates
 * @param se {@code sqrt(diag I(b)^-1)} at the estimate
 * @param lower lower profile penalised-likelihood limit
 * @param upper upper profile penalised-likelihood limit
 * @param lr penalised likelihood-ratio statistic of {@code b_j = 0} (1 df)
 * @param p its p-value
 * @param penalizedLogLik {@code l*(b) = l(b) + ½ log det I(b)} at the estimate
 * @param logLik the (unpenalised) log partial likelihood at the estimate
 * @param penalizedLogLikNull {@code l*(0)}
 * @param globalTest {@code 2 (l*(b) − l*(0))} on as many df as columns
 * @param n observations
 * @param events events
 * @param iterations iterations of the full model's fit
 * @param confLevel level of the intervals
 * @param warnings non-convergence of the fit or of a profile
 */
public record FirthCoxResult(
    List<String> names,
    double[] coef,
    double[] se,
    double[] lower,
    double[] upper,
    double[] lr,
    double[] p,
    double penalizedLogLik,
    double logLik,
    double penalizedLogLikNull,
    CoxTestResult globalTest,
    int n,
    int events,
    int iterations,
    double confLevel,
    List<String> warnings)
    implements org.thyra.stats.Result {

  /**
   * @return exp(coef): the hazard ratios
   */
  public double[] hazardRatios() {
    double[] hr = new double[coef.length];
    for (int j = 0; j < hr.length; j++) {
      hr[j] = Math.exp(coef[j]);
    }
    return hr;
  }

  @Override
  public String method() {
    return "Firth's penalised partial likelihood l(b) + 1/2 log det I(b) (Heinze & Schemper"
        + " 2001), Breslow ties, as coxphf; SE from I(b)^-1 at the estimate; profile penalised-"
        + "likelihood confidence intervals and penalised likelihood-ratio p-values (1 df)";
  }
}
