package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogisticRegressionEdgeTest {

  @Test
  void completeSeparationIsReportedInsteadOfAnAbsurdOddsRatio() {
    double[] y = {0, 0, 0, 1, 1, 1};
    double[][] x = {{1, 2, 3, 4, 5, 6}};
    LogisticResult r = LogisticRegression.fit(y, x, List.of("x"), new int[] {0});
    assertThat(r.separation()).isEqualTo(Separation.COMPLETE);
    LogisticTerm t = r.terms().get(0);
    assertThat(t.diverging()).isTrue();
    assertThat(t.oddsRatio()).isNaN();
    assertThat(t.oddsRatioLower()).isNaN();
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("complete separation") && w.contains("x"));
  }

  @Test
  void quasiCompleteSeparationFlagsOnlyTheSeparatingColumn() {
    double[] y = {0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1};
    double[] x = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1};
    double[] z = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
    LogisticResult r =
        LogisticRegression.fit(y, new double[][] {x, z}, List.of("x", "z"), new int[] {0, 1});
    assertThat(r.separation()).isEqualTo(Separation.QUASI_COMPLETE);
    assertThat(r.terms().get(0).diverging()).isTrue();
    assertThat(r.terms().get(1).diverging()).isFalse();
    assertThat(r.terms().get(1).oddsRatio()).isFinite();
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("quasi-complete separation"));
  }

  @Test
  void factorLevelWithNoEventsIsQuasiCompleteSeparation() {
    // level "c" (dummy 2) has no events
    double[] y = {1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0};
    double[] b = {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0};
    double[] c = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
    LogisticResult r =
        LogisticRegression.fit(y, new double[][] {b, c}, List.of("g=b", "g=c"), new int[] {0, 0});
    assertThat(r.separation()).isEqualTo(Separation.QUASI_COMPLETE);
    assertThat(r.terms().get(1).diverging()).isTrue();
    assertThat(r.terms().get(1).coef()).isLessThan(-10);
    assertThat(r.terms().get(0).diverging()).isFalse();
  }

  @Test
  void profileLimitOfASeparatedTermIsNaAndSaid() {
    double[] y = {0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1};
    double[] x = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1};
    double[] z = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
    LogisticResult r =
        LogisticRegression.fit(
            y,
            new double[][] {x, z},
            List.of("x", "z"),
            new int[] {0, 1},
            ConfidenceIntervalType.PROFILE,
            0.95);
    assertThat(r.separation()).isEqualTo(Separation.QUASI_COMPLETE);
    assertThat(r.terms().get(0).oddsRatioUpper()).isNaN();
    // the non-separated term still gets finite profile limits around its estimate
    LogisticTerm zt = r.terms().get(1);
    assertThat(zt.lower()).isLessThan(zt.coef());
    assertThat(zt.upper()).isGreaterThan(zt.coef());
  }

  @Test
  void aliasedColumnIsNaLikeR() {
    double[] y = {0, 1, 0, 1, 1, 0, 1, 0};
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] b = {2, 1, 2, 1, 2, 2, 1, 1};
    double[] c = new double[8];
    for (int i = 0; i < 8; i++) {
      c[i] = 2 * a[i] - b[i];
    }
    LogisticResult r =
        LogisticRegression.fit(
            y, new double[][] {a, b, c}, List.of("a", "b", "c"), new int[] {0, 1, 2});
    assertThat(r.terms().get(2).aliased()).isTrue();
    assertThat(r.terms().get(2).coef()).isNaN();
    assertThat(r.df()).isEqualTo(3);
    assertThat(r.warnings()).anyMatch(w -> w.contains("c is aliased"));
  }

  @Test
  void invalidInputIsRejectedWithAPreciseMessage() {
    double[][] x = {{1, 2, 3}};
    assertThatThrownBy(
            () -> LogisticRegression.fit(new double[] {0, 0, 0}, x, List.of("x"), new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one class only");
    assertThatThrownBy(
            () -> LogisticRegression.fit(new double[] {0, 2, 1}, x, List.of("x"), new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 2 is 2.0");
    assertThatThrownBy(
            () ->
                LogisticRegression.fit(
                    new double[] {0, 1, 1},
                    new double[][] {{1, Double.NaN, 3}},
                    List.of("x"),
                    new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () ->
                LogisticRegression.fit(
                    new double[] {0, 1, 1}, new double[][] {{1, 2}}, List.of("x"), new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 2");
    assertThatThrownBy(
            () ->
                LogisticRegression.fit(
                    new double[] {0, 1, 1},
                    x,
                    List.of("x"),
                    new int[] {0},
                    ConfidenceIntervalType.WALD,
                    1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level");
  }

  @Test
  void nonConvergenceIsReported() {
    // complete separation never converges by the deviance rule within 25 iterations? Either way it
    // is flagged.
    double[] y = {0, 0, 0, 0, 1, 1, 1, 1};
    double[][] x = {{1, 2, 3, 4, 5, 6, 7, 8}};
    LogisticResult r = LogisticRegression.fit(y, x, List.of("x"), new int[] {0});
    assertThat(r.separation()).isNotEqualTo(Separation.NONE);
    if (!r.converged()) {
      assertThat(r.warnings()).anyMatch(w -> w.contains("did not converge"));
    }
  }

  static Stream<Long> seeds() {
    return LongStreamSeeds.SEEDS.stream();
  }

  /** Recoding y -> 1 - y negates every coefficient and keeps SEs and the deviance. */
  @ParameterizedTest
  @MethodSource("seeds")
  void flippingTheOutcomeNegatesCoefficients(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 200;
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] y = new double[n];
    double[] yf = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = rnd.nextGaussian();
      x2[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
      double eta = -0.3 + 0.8 * x1[i] - 0.5 * x2[i];
      y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      yf[i] = 1 - y[i];
    }
    double[][] cols = {x1, x2};
    LogisticResult a = LogisticRegression.fit(y, cols, List.of("x1", "x2"), new int[] {0, 1});
    LogisticResult b = LogisticRegression.fit(yf, cols, List.of("x1", "x2"), new int[] {0, 1});
    assertThat(a.separation()).isEqualTo(Separation.NONE);
    assertThat(b.deviance()).isCloseTo(a.deviance(), org.assertj.core.data.Offset.offset(1e-9));
    IntStream.range(0, 2)
        .forEach(
            j -> {
              assertThat(b.terms().get(j).coef())
                  .isCloseTo(-a.terms().get(j).coef(), org.assertj.core.data.Offset.offset(1e-9));
              assertThat(b.terms().get(j).se())
                  .isCloseTo(a.terms().get(j).se(), org.assertj.core.data.Offset.offset(1e-9));
            });
    // likelihood ratio is non-negative and the model log-likelihood beats the null
    assertThat(a.logLikModel()).isGreaterThanOrEqualTo(a.logLikNull());
  }

  static final class LongStreamSeeds {
    static final List<Long> SEEDS = List.of(1L, 2L, 3L, 42L, 2024L);
  }
}
