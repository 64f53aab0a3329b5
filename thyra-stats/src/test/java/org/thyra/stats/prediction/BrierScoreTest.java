package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrierScoreTest {
  @Test
  void meanSquaredDifference() {
    // mean(c(0.1 - 0, 0.8 - 1, 0.5 - 1, 0.3 - 0)^2) = (0.01 + 0.04 + 0.25 + 0.09) / 4 = 0.0975
    double b = BrierScore.of(new double[] {0.1, 0.8, 0.5, 0.3}, new double[] {0, 1, 1, 0});
    assertThat(b).isCloseTo(0.0975, within(1e-15));
  }

  @Test
  void perfectAndWorstPredictions() {
    assertThat(BrierScore.of(new double[] {0, 1}, new double[] {0, 1})).isZero();
    assertThat(BrierScore.of(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(1);
  }

  @Test
  void refusesMismatchedOrEmptyInput() {
    assertThatThrownBy(() -> BrierScore.of(new double[] {0.5}, new double[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BrierScore.of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
