package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.columns;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

/** Logistic regression with prior weights against R's glm.fit(weights) (logreg_goldens.R). */
class LogisticRegressionWeightedTest {

  static Stream<JsonNode> fixtures() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("regression/logistic_weighted.json").forEach(list::add);
    return list.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void matchesGlmFitWithWeights(JsonNode f) {
    WeightedLogisticFit fit =
        LogisticRegression.fitWeighted(
            doubles(f.get("y")), columns(f.get("columns")), doubles(f.get("weights")));
    String name = f.get("name").asText();
    close(name + " coef", fit.coefficients(), doubles(f.get("coef")));
    double[][] cov = columns(f.get("cov_unscaled"));
    for (int j = 0; j < cov.length; j++) {
      close(name + " cov.unscaled row " + j, fit.unscaledCovariance()[j], cov[j]);
    }
    close(name + " deviance", fit.deviance(), f.get("deviance").asDouble());
    assertThat(fit.iterations()).isEqualTo(f.get("iterations").asInt());
    assertThat(fit.converged()).isTrue();
    assertThat(fit.warnings()).isEmpty();
  }

  /**
   * Integer weights equal repeated rows (to IRLS's convergence tolerance: the two fits start from
   * different {@code mustart} and stop at different iterates).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void integerWeightsEqualRepeatedRows(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 60;
    double[] y = new double[n];
    double[] x = new double[n];
    double[] w = new double[n];
    List<Double> ry = new ArrayList<>();
    List<Double> rx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
      y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-0.5 - x[i])) ? 1 : 0;
      w[i] = rng.nextInt(4); // 0 drops the row
      for (int c = 0; c < w[i]; c++) {
        ry.add(y[i]);
        rx.add(x[i]);
      }
    }
    WeightedLogisticFit weighted = LogisticRegression.fitWeighted(y, new double[][] {x}, w);
    double[] ey = ry.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ex = rx.stream().mapToDouble(Double::doubleValue).toArray();
    LogisticResult expanded =
        LogisticRegression.fit(ey, new double[][] {ex}, List.of("x"), new int[] {0});
    assertThat(weighted.coefficients()[0])
        .isCloseTo(expanded.intercept().coef(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(weighted.coefficients()[1])
        .isCloseTo(expanded.terms().get(0).coef(), org.assertj.core.data.Offset.offset(1e-6));
    // the SE comes, as in R, from the weights at the start of the last iteration, which differ
    // between the two fits by more than the estimates do
    assertThat(Math.sqrt(weighted.unscaledCovariance()[1][1]))
        .isCloseTo(
            expanded.terms().get(0).se(), org.assertj.core.data.Percentage.withPercentage(0.1));
    assertThat(weighted.deviance())
        .isCloseTo(expanded.deviance(), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void constantColumnIsAliased() {
    double[] y = {0, 1, 0, 1, 1, 0};
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] c = {2, 2, 2, 2, 2, 2};
    WeightedLogisticFit fit =
        LogisticRegression.fitWeighted(y, new double[][] {x, c}, new double[] {1, 1, 1, 1, 1, 1});
    assertThat(fit.aliased()).containsExactly(false, false, true);
    assertThat(fit.coefficients()[2]).isNaN();
    assertThat(fit.warnings()).anyMatch(s -> s.contains("column 2 is aliased"));
  }

  @Test
  void separationIsReportedAsNonConvergenceOrExtremeFit() {
    double[] y = {0, 0, 0, 1, 1, 1};
    double[] x = {1, 2, 3, 4, 5, 6};
    WeightedLogisticFit fit =
        LogisticRegression.fitWeighted(y, new double[][] {x}, new double[] {1, 1, 1, 1, 1, 1});
    assertThat(fit.warnings()).anyMatch(s -> s.contains("fitted probabilities numerically 0 or 1"));
  }

  @Test
  void refusesBadInput() {
    double[][] x = {{1, 2, 3}};
    assertThatThrownBy(
            () -> LogisticRegression.fitWeighted(new double[] {0, 1, 2}, x, new double[] {1, 1, 1}))
        .hasMessageContaining("observation 3");
    assertThatThrownBy(
            () ->
                LogisticRegression.fitWeighted(new double[] {0, 1, 1}, x, new double[] {1, -1, 1}))
        .hasMessageContaining("observation 2");
    assertThatThrownBy(
            () -> LogisticRegression.fitWeighted(new double[] {0, 1, 1}, x, new double[] {0, 0, 0}))
        .hasMessageContaining("every weight is 0");
    assertThatThrownBy(
            () ->
                LogisticRegression.fitWeighted(
                    new double[] {0, 1, 1},
                    new double[][] {{1, Double.NaN, 3}},
                    new double[] {1, 1, 1}))
        .hasMessageContaining("column 1")
        .hasMessageContaining("observation 2");
    assertThatThrownBy(
            () -> LogisticRegression.fitWeighted(new double[] {0, 1}, x, new double[] {1, 1}))
        .hasMessageContaining("length");
  }
}
