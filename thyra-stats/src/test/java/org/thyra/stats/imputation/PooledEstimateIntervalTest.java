package org.thyra.stats.imputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PooledEstimateIntervalTest {
  private static PooledEstimate withDf(double estimate, double se, double df) {
    return new PooledEstimate(estimate, 0, 0, se * se, se, df, 0, 0, 0, estimate / se, 0.5);
  }

  @Test
  void limitsUseTheStudentQuantileOfThePooledDf() {
    // qt(0.975, 10) = 2.228138851986274 in R
    PooledEstimate e = withDf(0.4, 0.1, 10);
    assertThat(e.lower(0.95)).isCloseTo(0.4 - 2.228138851986274 * 0.1, within(1e-14));
    assertThat(e.upper(0.95)).isCloseTo(0.4 + 2.228138851986274 * 0.1, within(1e-14));
  }

  @Test
  void largeDfApproachesTheNormalInterval() {
    // qnorm(0.95) = 1.644853626951472
    PooledEstimate e = withDf(0, 1, 1e9);
    assertThat(e.upper(0.90)).isCloseTo(1.644853626951472, within(1e-8));
    assertThat(e.lower(0.90)).isCloseTo(-1.644853626951472, within(1e-8));
  }
}
