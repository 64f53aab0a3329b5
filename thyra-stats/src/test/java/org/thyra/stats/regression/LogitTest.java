package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogitTest {
  @ParameterizedTest
  @ValueSource(doubles = {-30, -5, -0.5, 0, 0.5, 5, 30})
  void inverseMatchesPlogisAndRoundTrips(double x) {
    double p = Logit.inverse(x);
    assertThat(p).isCloseTo(1 / (1 + Math.exp(-x)), within(1e-16));
    if (Math.abs(x) <= 5) {
      // near p = 1 the logit of a rounded probability cannot recover x
      assertThat(Logit.of(p)).isCloseTo(x, within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-710, -745, -800})
  void farNegativeLogOddsKeepRelativePrecision(double x) {
    // plogis(-800) is 0 in R (exp underflows); down to -745 the stable form stays positive
    // where 1 / (1 + exp(-x)) is already 0 from -710 on
    double p = Logit.inverse(x);
    assertThat(p).isEqualTo(Math.exp(x) / (1 + Math.exp(x)));
    assertThat(1 / (1 + Math.exp(-x))).isZero();
  }

  @ParameterizedTest
  @ValueSource(doubles = {40, 800})
  void largeLogOddsGiveOne(double x) {
    assertThat(Logit.inverse(x)).isEqualTo(1.0);
  }
}
