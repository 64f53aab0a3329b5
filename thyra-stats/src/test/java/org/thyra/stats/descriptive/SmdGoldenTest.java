package org.thyra.stats.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** SMDs as tableone, against the R formulas (birthwt, lung, pbc, lalonde). */
class SmdGoldenTest {
  static Stream<JsonNode> continuous() {
    return Golden.cases(Golden.read("cohort/smd.json"), "continuous").stream();
  }

  static Stream<JsonNode> categorical() {
    return Golden.cases(Golden.read("cohort/smd.json"), "categorical").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("continuous")
  void continuousAgreesWithR(JsonNode c) {
    SmdResult r = StandardizedMeanDifference.continuous(doubles(c.get("x")), doubles(c.get("g")));
    check(c, r);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("categorical")
  void categoricalAgreesWithR(JsonNode c) {
    SmdResult r = StandardizedMeanDifference.categorical(doubles(c.get("x")), doubles(c.get("g")));
    check(c, r);
  }

  private static void check(JsonNode c, SmdResult r) {
    String name = c.get("name").asText();
    double[] pw =
        doubles(
            c.get("pairwise").isArray()
                ? c.get("pairwise")
                : new com.fasterxml.jackson.databind.ObjectMapper()
                    .createArrayNode()
                    .add(c.get("pairwise")));
    assertThat(r.pairwise()).hasSize(pw.length);
    for (int i = 0; i < pw.length; i++) {
      close(name + " pair " + i, r.pairwise()[i], pw[i]);
    }
    close(name + " mean", r.smd(), c.get("mean"));
  }

  @Test
  void binaryCategoricalEqualsTheProportionFormula() {
    double[] x = {0, 0, 1, 1, 1, 0, 1, 0, 0, 0};
    double[] g = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    double p1 = 3 / 5.0;
    double p2 = 1 / 5.0;
    double expected = Math.abs(p1 - p2) / Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
    assertThat(StandardizedMeanDifference.categorical(x, g).smd())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
  }

  @Test
  void levelAbsentFromOneGroupIsFinite() {
    double[] x = {1, 2, 3, 1, 2, 1, 1, 2};
    double[] g = {0, 0, 0, 0, 1, 1, 1, 1};
    SmdResult r = StandardizedMeanDifference.categorical(x, g);
    assertThat(r.smd()).isFinite().isPositive();
  }

  @Test
  void identicalDistributionsHaveZeroSmd() {
    double[] x = {1, 2, 3, 1, 2, 3};
    double[] g = {0, 0, 0, 1, 1, 1};
    assertThat(StandardizedMeanDifference.categorical(x, g).smd()).isZero();
    assertThat(StandardizedMeanDifference.continuous(x, g).smd()).isZero();
  }

  @Test
  void allMissingGroupIsWarned() {
    double[] x = {1, 2, Double.NaN, Double.NaN};
    double[] g = {0, 0, 1, 1};
    SmdResult r = StandardizedMeanDifference.continuous(x, g);
    assertThat(r.smd()).isNaN();
    assertThat(r.warnings()).isNotEmpty();
    assertThatThrownBy(() -> StandardizedMeanDifference.continuous(x, new double[] {0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 groups");
  }
}
