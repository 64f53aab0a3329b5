package org.thyra.stats.rank;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Two-sided normal tail as R: {@code 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE))}. */
final class NormalApproximation {
  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private NormalApproximation() {}

  static double twoSided(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return 2 * Math.min(STANDARD.cumulativeProbability(z), STANDARD.survivalProbability(z));
  }
}
