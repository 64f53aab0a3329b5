package org.thyra.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaldIntervalTest {
  @Test
  void ninetyFivePercentUsesQnorm0975() {
    // qnorm(0.975) = 1.959963984540054 in R
    WaldInterval w = WaldInterval.of(0.7, 0.05, 0.95);
    assertThat(w.estimate()).isEqualTo(0.7);
    assertThat(w.lower()).isCloseTo(0.7 - 1.959963984540054 * 0.05, within(1e-15));
    assertThat(w.upper()).isCloseTo(0.7 + 1.959963984540054 * 0.05, within(1e-15));
  }

  @Test
  void ninetyPercentIsNarrowerAndZeroSeIsAPoint() {
    // qnorm(0.95) = 1.644853626951472
    WaldInterval w = WaldInterval.of(1, 2, 0.90);
    assertThat(w.upper() - w.estimate()).isCloseTo(2 * 1.644853626951472, within(1e-14));
    WaldInterval p = WaldInterval.of(3, 0, 0.95);
    assertThat(p.lower()).isEqualTo(3);
    assertThat(p.upper()).isEqualTo(3);
  }
}
