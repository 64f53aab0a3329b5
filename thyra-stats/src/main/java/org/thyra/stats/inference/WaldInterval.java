package org.thyra.stats.inference;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wald (normal-approximation) confidence interval {@code estimate ± z(1 − α/2) · se}.
 *
 * @param estimate the point estimate
 * @param lower {@code estimate − z · se}
 * @param upper {@code estimate + z · se}
 */
public record WaldInterval(double estimate, double lower, double upper) {

  /**
   * The interval at a confidence level.
   *
   * @param estimate the point estimate
   * @param se its standard error
   * @param confLevel the confidence level, in (0, 1)
   * @return the interval
   */
  public static WaldInterval of(double estimate, double se, double confLevel) {
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confLevel) / 2);
    return new WaldInterval(estimate, estimate - z * se, estimate + z * se);
  }
}
