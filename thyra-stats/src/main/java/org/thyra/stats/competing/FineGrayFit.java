package org.thyra.stats.competing;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A Fine–Gray subdistribution hazards fit ({@link FineGray#fit}).
 *
 * @param names one name per coefficient
 * @param coefficients log subdistribution hazard ratios
 * @param variance the sandwich variance {@code I^{-1} Σ (η_i + ψ_i)(η_i + ψ_i)' I^{-1}} of Fine
 *     &amp; Gray (1999), as {@code crr()$var}
 * @param loglik the log pseudo-likelihood at the estimate
 * @param loglikNull the log pseudo-likelihood at 0
 * @param iterations Newton steps taken
 * @param converged whether {@code crr}'s gradient criterion was met
 * @param n rows used
 * @param events failures from the cause of interest
 * @param competing failures from other causes
 * @param confLevel confidence level of {@link #lower()} / {@link #upper()}
 * @param warnings e.g. non-convergence
 */
public record FineGrayFit(
    List<String> names,
    double[] coefficients,
    double[][] variance,
    double loglik,
    double loglikNull,
    int iterations,
    boolean converged,
    int n,
    int events,
    int competing,
    double confLevel,
    List<String> warnings) {

  /** Standard errors, {@code sqrt(diag(var))}. */
  public double[] standardErrors() {
    double[] se = new double[coefficients.length];
    for (int j = 0; j < se.length; j++) {
      se[j] = Math.sqrt(variance[j][j]);
    }
    return se;
  }

  /** Wald z statistics. */
  public double[] z() {
    double[] se = standardErrors();
    double[] z = new double[se.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = coefficients[j] / se[j];
    }
    return z;
  }

  /** Two-sided normal p-values, {@code 2 (1 − Φ(|z|))} as {@code summary.crr}. */
  public double[] p() {
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double[] z = z();
    double[] p = new double[z.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = 2 * normal.survivalProbability(Math.abs(z[j]));
    }
    return p;
  }

  /** Lower limits of the subdistribution hazard ratios, {@code exp(b − z se)}. */
  public double[] lower() {
    return limits(-1);
  }

  /** Upper limits of the subdistribution hazard ratios. */
  public double[] upper() {
    return limits(1);
  }

  /** Likelihood-ratio statistic {@code 2 (loglik − loglikNull)} of {@code summary.crr}. */
  public double likelihoodRatio() {
    return 2 * (loglik - loglikNull);
  }

  private double[] limits(int sign) {
    double q = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + confLevel) / 2);
    double[] se = standardErrors();
    double[] out = new double[se.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Math.exp(coefficients[j] + sign * q * se[j]);
    }
    return out;
  }
}
