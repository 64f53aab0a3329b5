package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-checkable examples, edge cases and seeded properties of {@link CoxModel}. */
class CoxModelTest {

  // The survival package's "book1" example (Therneau & Grambsch, appendix E) without its NA row
  private static final double[] T6 = {9, 1, 1, 6, 6, 8};
  private static final int[] D6 = {1, 1, 0, 1, 1, 0};
  private static final double[][] X6 = {{0, 1, 1, 1, 0, 0}};

  private static CoxFit fit6(Ties ties) {
    return CoxModel.fit(T6, D6, X6, List.of("x"), null, CoxOptions.of(ties));
  }

  /** Root of a decreasing score function by bisection. */
  private static double root(DoubleUnaryOperator score) {
    double lo = -5;
    double hi = 5;
    for (int i = 0; i < 200; i++) {
      final double mid = (lo + hi) / 2;
      if (score.applyAsDouble(mid) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  @Test
  void breslowSixRowsClosedForm() {
    // l(b) = 2b - log(3r + 3) - 2 log(r + 3), r = exp(b); U = 0 gives r^2 - 3r - 6 = 0
    final CoxFit fit = fit6(Ties.BRESLOW);
    final double r = (3 + Math.sqrt(33)) / 2;
    final double b = Math.log(r);
    assertThat(fit.coefficients()[0]).isCloseTo(b, within(1e-6));
    assertThat(fit.loglikNull()).isCloseTo(-Math.log(6) - 2 * Math.log(4), within(1e-12));
    assertThat(fit.loglikModel())
        .isCloseTo(2 * b - Math.log(3 * r + 3) - 2 * Math.log(r + 3), within(1e-10));
    final double info = r / ((r + 1) * (r + 1)) + 6 * r / ((r + 3) * (r + 3));
    assertThat(fit.standardErrors()[0]).isCloseTo(1 / Math.sqrt(info), within(1e-6));
    // score test at 0: U(0) = 1, I(0) = 5/8
    assertThat(fit.scoreTest().statistic()).isCloseTo(1.6, within(1e-12));
    assertThat(fit.scoreTest().df()).isEqualTo(1);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.warnings()).isEmpty();
    assertThat(fit.method()).startsWith("Breslow ties");
  }

  @Test
  void efronSixRowsClosedForm() {
    // l(b) = 2b - log(3r + 3) - log(r + 3) - log((r + 5) / 2)
    final CoxFit fit = fit6(Ties.EFRON);
    final double b =
        root(
            x -> {
              final double r = Math.exp(x);
              return 2 - r / (r + 1) - r / (r + 3) - r / (r + 5);
            });
    final double r = Math.exp(b);
    assertThat(fit.coefficients()[0]).isCloseTo(b, within(1e-6));
    assertThat(fit.loglikNull()).isCloseTo(-Math.log(6) - Math.log(4) - Math.log(3), within(1e-12));
    assertThat(fit.loglikModel())
        .isCloseTo(
            2 * b - Math.log(3 * r + 3) - Math.log(r + 3) - Math.log((r + 5) / 2), within(1e-10));
    final double info =
        r / ((r + 1) * (r + 1)) + 3 * r / ((r + 3) * (r + 3)) + 5 * r / ((r + 5) * (r + 5));
    assertThat(fit.standardErrors()[0]).isCloseTo(1 / Math.sqrt(info), within(1e-6));
    // U(0) = 13/12, I(0) = 83/144
    assertThat(fit.scoreTest().statistic()).isCloseTo(169.0 / 83, within(1e-12));
    final double lr = 2 * (fit.loglikModel() - fit.loglikNull());
    assertThat(fit.likelihoodRatioTest().statistic()).isCloseTo(lr, within(1e-12));
    assertThat(fit.hazardRatios()[0]).isCloseTo(r, within(1e-5));
    assertThat(fit.lower()[0]).isLessThan(r);
    assertThat(fit.upper()[0]).isGreaterThan(r);
    assertThat(fit.method()).startsWith("Efron ties");
  }

  @Test
  void noEventsGivesNaCoefficientsAndAWarning() {
    final CoxFit fit =
        CoxModel.fit(
            new double[] {1, 2, 3},
            new int[] {0, 0, 0},
            new double[][] {{1, 2, 3}},
            List.of("x"),
            null,
            CoxOptions.defaults());
    assertThat(fit.coefficients()[0]).isNaN();
    assertThat(fit.aliased()[0]).isTrue();
    assertThat(fit.events()).isZero();
    assertThat(fit.converged()).isFalse();
    assertThat(fit.warnings()).singleElement().asString().contains("No events");
    assertThat(fit.concordance().c()).isNaN();
    assertThat(fit.likelihoodRatioTest().df()).isZero();
    assertThatThrownBy(
            () ->
                CoxZph.test(
                    fit,
                    new double[] {1, 2, 3},
                    new int[] {0, 0, 0},
                    new double[][] {{1, 2, 3}},
                    null,
                    new int[] {0},
                    List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs events");
  }

  @Test
  void constantColumnIsAliasedAndTheOthersAreUnaffected() {
    final SplittableRandom rng = new SplittableRandom(7);
    final int n = 60;
    final double[] t = new double[n];
    final int[] d = new int[n];
    final double[] x = new double[n];
    final double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
      t[i] = -Math.log(rng.nextDouble()) / Math.exp(0.5 * x[i]);
      d[i] = rng.nextInt(4) == 0 ? 0 : 1;
      c[i] = 3.5;
    }
    final CoxFit alone = CoxModel.fit(t, d, new double[][] {x}, List.of("x"), null, null);
    final CoxFit with = CoxModel.fit(t, d, new double[][] {x, c}, List.of("x", "c"), null, null);
    assertThat(with.aliased()).containsExactly(false, true);
    assertThat(with.coefficients()[1]).isNaN();
    assertThat(with.standardErrors()[1]).isNaN();
    assertThat(with.coefficients()[0]).isCloseTo(alone.coefficients()[0], within(1e-10));
    assertThat(with.standardErrors()[0]).isCloseTo(alone.standardErrors()[0], within(1e-10));
    assertThat(with.likelihoodRatioTest().df()).isEqualTo(1);
    assertThat(with.waldTest().statistic()).isCloseTo(alone.waldTest().statistic(), within(1e-8));
    assertThat(with.warnings()).anyMatch(w -> w.contains("singular") && w.contains("c"));
  }

  @Test
  void collinearColumnIsAliased() {
    final double[] t = {5, 8, 3, 9, 12, 2, 7, 4, 10, 6};
    final int[] d = {1, 0, 1, 1, 0, 1, 1, 1, 0, 1};
    final double[] a = {1, 3, 2, 5, 4, 6, 2, 8, 1, 3};
    final double[] b = {2, 1, 2, 3, 1, 2, 1, 2, 1, 1};
    final double[] sum = new double[10];
    for (int i = 0; i < 10; i++) {
      sum[i] = a[i] + 2 * b[i];
    }
    final CoxFit fit =
        CoxModel.fit(t, d, new double[][] {a, b, sum}, List.of("a", "b", "s"), null, null);
    assertThat(fit.aliased()).containsExactly(false, false, true);
    assertThat(fit.variance()[2]).containsOnly(0.0);
  }

  @Test
  void perfectSeparationRunsAwayAsInR() {
    // every event happens to a subject with the largest x in its risk set: b -> infinity.
    // R 4.2 / survival 3.5 gives iter 21, b = 22.11038, loglik (-7.426549, -3.178054) and
    // "Ran out of iterations and did not converge" (lung_monotone covers the other warning)
    final double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
    final int[] d = {1, 1, 1, 1, 0, 0, 0, 0};
    final double[] x = {1, 1, 1, 1, 0, 0, 0, 0};
    final CoxFit fit = CoxModel.fit(t, d, new double[][] {x}, List.of("x"), null, null);
    assertThat(fit.iterations()).isEqualTo(21);
    assertThat(fit.coefficients()[0]).isCloseTo(22.11038, within(1e-5));
    assertThat(fit.loglikNull()).isCloseTo(-7.426549, within(1e-6));
    assertThat(fit.loglikModel()).isCloseTo(-3.178054, within(1e-6));
    assertThat(fit.converged()).isFalse();
    assertThat(fit.warnings()).contains("Ran out of iterations and did not converge");
  }

  @Test
  void runningOutOfIterationsIsReported() {
    final CoxFit fit =
        CoxModel.fit(T6, D6, X6, List.of("x"), null, CoxOptions.defaults().withMaxIterations(2));
    assertThat(fit.converged()).isFalse();
    assertThat(fit.iterations()).isEqualTo(3);
    assertThat(fit.warnings()).contains("Ran out of iterations and did not converge");
  }

  @Test
  void allTimesTiedEfronMatchesClosedForm() {
    // 4 subjects all at t = 1, two events (x = 1 and x = 0), two censored with x = 0, 1:
    // at b = 0 Efron gives -log 4 - log 3
    final CoxFit fit =
        CoxModel.fit(
            new double[] {1, 1, 1, 1},
            new int[] {1, 1, 0, 0},
            new double[][] {{1, 0, 0, 1}},
            List.of("x"),
            null,
            CoxOptions.defaults());
    assertThat(fit.loglikNull()).isCloseTo(-Math.log(4) - Math.log(3), within(1e-12));
    final CoxFit breslow =
        CoxModel.fit(
            new double[] {1, 1, 1, 1},
            new int[] {1, 1, 0, 0},
            new double[][] {{1, 0, 0, 1}},
            List.of("x"),
            null,
            CoxOptions.of(Ties.BRESLOW));
    assertThat(breslow.loglikNull()).isCloseTo(-2 * Math.log(4), within(1e-12));
    // the events' x equal the risk set mean: the estimate is 0 under both methods
    assertThat(fit.coefficients()[0]).isCloseTo(0, within(1e-8));
    assertThat(breslow.coefficients()[0]).isCloseTo(0, within(1e-8));
  }

  @Test
  void levelPresentInOneStratumOnlyIsEstimated() {
    // the dummy z is 1 only in stratum 1; within stratum 1 it varies, so it is estimable
    final double[] t = {1, 2, 3, 4, 5, 6, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5};
    final int[] d = {1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0};
    final double[] z = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1};
    final double[] a = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
    final int[] s = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    final CoxFit fit = CoxModel.fit(t, d, new double[][] {z, a}, List.of("z", "a"), s, null);
    assertThat(fit.aliased()).containsExactly(false, false);
    assertThat(fit.coefficients()).doesNotContain(Double.NaN);
    assertThat(fit.strataCount()).isEqualTo(2);
    assertThat(fit.method()).contains("2 strata");
  }

  @Test
  void nullModelHasOnlyTheLikelihood() {
    final CoxFit fit = CoxModel.fit(T6, D6, new double[0][], List.of(), null, null);
    assertThat(fit.size()).isZero();
    assertThat(fit.iterations()).isZero();
    assertThat(fit.loglikModel()).isEqualTo(fit.loglikNull());
    assertThat(fit.loglikNull()).isCloseTo(-Math.log(6) - Math.log(4) - Math.log(3), within(1e-12));
    assertThat(fit.likelihoodRatioTest().df()).isZero();
    assertThat(fit.concordance().c()).isEqualTo(0.5);
  }

  @Test
  void singleRowIsRefused() {
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {5},
                    new int[] {1},
                    new double[][] {{2}},
                    List.of("x"),
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }

  @Test
  void invalidInputIsRejectedWithAPreciseMessage() {
    final List<String> x = List.of("x");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2}, new int[] {1}, new double[][] {{1, 2}}, x, null, null))
        .hasMessageContaining("status has length 1");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2, 3},
                    new int[] {1, 0, 1},
                    new double[][] {{1, 2}},
                    x,
                    null,
                    null))
        .hasMessageContaining("column x has length 2");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, Double.NaN}},
                    x,
                    null,
                    null))
        .hasMessageContaining("column x has a non-finite value NaN at row 1");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, Double.POSITIVE_INFINITY}},
                    x,
                    null,
                    null))
        .hasMessageContaining("non-finite");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, -2}, new int[] {1, 0}, new double[][] {{1, 2}}, x, null, null))
        .hasMessageContaining("time must be finite and >= 0");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2}, new int[] {1, 2}, new double[][] {{1, 2}}, x, null, null))
        .hasMessageContaining("status must be 0 or 1");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, 2}},
                    List.of("x", "y"),
                    null,
                    null))
        .hasMessageContaining("columnNames has 2 names");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, 2}},
                    x,
                    new int[] {0},
                    null))
        .hasMessageContaining("strata has length 1");
    assertThatThrownBy(
            () ->
                CoxModel.fit(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, 2}},
                    x,
                    new int[] {0, -1},
                    null))
        .hasMessageContaining("strata codes");
    assertThatThrownBy(() -> new CoxOptions(Ties.EFRON, 20, 0, 1e-12, 1e-5, 0.95))
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> CoxOptions.defaults().withConfLevel(1.0))
        .hasMessageContaining("confLevel");
  }

  static IntStream seeds() {
    return IntStream.range(0, 12);
  }

  private record Data(double[] t, int[] d, double[][] x, int[] s) {}

  private static Data simulate(int seed, boolean ties) {
    final SplittableRandom rng = new SplittableRandom(seed);
    final int n = 40 + rng.nextInt(160);
    final double[] t = new double[n];
    final int[] d = new int[n];
    final double[][] x = new double[3][n];
    final int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = rng.nextGaussian();
      x[1][i] = rng.nextInt(2);
      x[2][i] = 50 + 10 * rng.nextGaussian();
      final double eta = 0.7 * x[0][i] - 0.5 * x[1][i] + 0.02 * (x[2][i] - 50);
      final double time = -Math.log(rng.nextDouble()) / Math.exp(eta);
      t[i] = ties ? Math.ceil(time * 5) : time;
      d[i] = rng.nextInt(5) == 0 ? 0 : 1;
      s[i] = rng.nextInt(2);
    }
    return new Data(t, d, x, s);
  }

  private static final List<String> NAMES = List.of("a", "b", "c");

  @ParameterizedTest
  @MethodSource("seeds")
  void rowOrderDoesNotMatter(int seed) {
    final Data data = simulate(seed, true);
    final int n = data.t.length;
    final int[] perm = IntStream.range(0, n).map(i -> n - 1 - i).toArray();
    final double[] t2 = new double[n];
    final int[] d2 = new int[n];
    final double[][] x2 = new double[3][n];
    final int[] s2 = new int[n];
    for (int i = 0; i < n; i++) {
      t2[i] = data.t[perm[i]];
      d2[i] = data.d[perm[i]];
      s2[i] = data.s[perm[i]];
      for (int j = 0; j < 3; j++) {
        x2[j][i] = data.x[j][perm[i]];
      }
    }
    final CoxFit a = CoxModel.fit(data.t, data.d, data.x, NAMES, data.s, null);
    final CoxFit b = CoxModel.fit(t2, d2, x2, NAMES, s2, null);
    for (int j = 0; j < 3; j++) {
      assertThat(b.coefficients()[j]).isCloseTo(a.coefficients()[j], within(1e-9));
      assertThat(b.standardErrors()[j]).isCloseTo(a.standardErrors()[j], within(1e-9));
    }
    assertThat(b.loglikModel()).isCloseTo(a.loglikModel(), within(1e-9));
    assertThat(b.concordance().c()).isCloseTo(a.concordance().c(), within(1e-12));
    assertThat(b.linearPredictor()[0]).isCloseTo(a.linearPredictor()[n - 1], within(1e-9));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rescalingACovariateRescalesItsCoefficient(int seed) {
    final Data data = simulate(seed, true);
    final double[][] scaled = {data.x[0].clone(), data.x[1], data.x[2]};
    for (int i = 0; i < scaled[0].length; i++) {
      scaled[0][i] = 10 * scaled[0][i] + 3;
    }
    final CoxFit a = CoxModel.fit(data.t, data.d, data.x, NAMES, null, null);
    final CoxFit b = CoxModel.fit(data.t, data.d, scaled, NAMES, null, null);
    assertThat(b.coefficients()[0] * 10).isCloseTo(a.coefficients()[0], within(1e-7));
    assertThat(b.coefficients()[2]).isCloseTo(a.coefficients()[2], within(1e-7));
    assertThat(b.loglikModel()).isCloseTo(a.loglikModel(), within(1e-8));
    assertThat(b.p()[0]).isCloseTo(a.p()[0], within(1e-7));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void efronEqualsBreslowWithoutTiedEvents(int seed) {
    final Data data = simulate(seed, false);
    final CoxFit e = CoxModel.fit(data.t, data.d, data.x, NAMES, data.s, CoxOptions.of(Ties.EFRON));
    final CoxFit b =
        CoxModel.fit(data.t, data.d, data.x, NAMES, data.s, CoxOptions.of(Ties.BRESLOW));
    for (int j = 0; j < 3; j++) {
      assertThat(e.coefficients()[j]).isCloseTo(b.coefficients()[j], within(1e-10));
    }
    assertThat(e.loglikModel()).isCloseTo(b.loglikModel(), within(1e-10));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void scoreIsZeroAtTheEstimateAndTestsAgreeInLargeSamples(int seed) {
    final Data data = simulate(seed, true);
    final CoxFit fit = CoxModel.fit(data.t, data.d, data.x, NAMES, data.s, null);
    assertThat(fit.converged()).isTrue();
    // one-coefficient refit at the estimate would not move: compare LR and Wald loosely
    final double lr = fit.likelihoodRatioTest().statistic();
    final double wald = fit.waldTest().statistic();
    assertThat(lr).isPositive();
    assertThat(Math.abs(lr - wald) / lr).isLessThan(0.5);
    // Wald z matches b / se and the two-sided p
    final double z = fit.coefficients()[0] / fit.standardErrors()[0];
    assertThat(fit.z()[0]).isEqualTo(z);
  }

  @ParameterizedTest
  @EnumSource(Ties.class)
  void oneStratumEqualsNoStrata(Ties ties) {
    final Data data = simulate(3, true);
    final int[] zeros = new int[data.t.length];
    final CoxFit a = CoxModel.fit(data.t, data.d, data.x, NAMES, null, CoxOptions.of(ties));
    final CoxFit b = CoxModel.fit(data.t, data.d, data.x, NAMES, zeros, CoxOptions.of(ties));
    assertThat(b.coefficients()).containsExactly(a.coefficients());
    assertThat(b.linearPredictor()).containsExactly(a.linearPredictor());
  }

  @Test
  void nearlyEqualTimesAreTiedAsAeqSurv() {
    final double[] t = {1, 2, 3, 4, 5, 6};
    final double[] noisy = {1, 2, 3 + 1e-12, 3, 5, 6};
    final double[] exact = {1, 2, 3, 3, 5, 6};
    final int[] d = {1, 1, 1, 1, 0, 1};
    final double[][] x = {{0.5, 1.5, -0.2, 0.8, 1.1, 0.3}};
    final CoxFit a = CoxModel.fit(noisy, d, x, List.of("x"), null, null);
    final CoxFit b = CoxModel.fit(exact, d, x, List.of("x"), null, null);
    assertThat(a.loglikModel()).isEqualTo(b.loglikModel());
    assertThat(t).hasSize(6);
  }
}
