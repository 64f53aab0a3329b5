package org.thyra.stats.imputation;

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

/** Rubin pooling against mice::pool on fixed nhanes2 imputations (lm and logistic glm fits). */
class RubinPoolingGoldenTest {
  static Stream<JsonNode> cases() {
    return Golden.cases(Golden.read("cohort/rubin_nhanes2.json"), "cases").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithMicePool(JsonNode c) {
    String name = c.get("name").asText();
    int m = c.get("estimates").size();
    double[][] q = new double[m][];
    double[][] u = new double[m][];
    for (int l = 0; l < m; l++) {
      q[l] = doubles(c.get("estimates").get(l));
      u[l] = doubles(c.get("variances").get(l));
    }
    RubinPoolingResult r = RubinPooling.pool(q, u, c.get("dfcom").asDouble());
    JsonNode g = c.get("pooled");
    for (int j = 0; j < r.terms().size(); j++) {
      PooledEstimate e = r.terms().get(j);
      String what = name + " " + c.get("terms").get(j).asText();
      close(what + " estimate", e.estimate(), g.get("estimate").get(j));
      close(what + " ubar", e.withinVariance(), g.get("ubar").get(j));
      close(what + " b", e.betweenVariance(), g.get("b").get(j));
      close(what + " t", e.totalVariance(), g.get("t").get(j));
      close(what + " df", e.df(), g.get("df").get(j));
      close(what + " riv", e.riv(), g.get("riv").get(j));
      close(what + " lambda", e.lambda(), g.get("lambda").get(j));
      close(what + " fmi", e.fmi(), g.get("fmi").get(j));
    }
  }

  @Test
  void noBetweenVarianceGivesLambdaZeroAndFlooredDf() {
    double[][] q = {{1.0}, {1.0}, {1.0}};
    double[][] u = {{0.25}, {0.25}, {0.25}};
    RubinPoolingResult r = RubinPooling.pool(q, u, 50);
    PooledEstimate e = r.terms().get(0);
    assertThat(e.lambda()).isZero();
    assertThat(e.totalVariance()).isEqualTo(0.25);
    // lambda floored at 1e-4: df_old = 2/1e-8 dominates, df close to df_obs = 51/53*50*(1-1e-4)
    assertThat(e.df())
        .isCloseTo(51.0 / 53 * 50 * (1 - 1e-4), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(r.warnings()).hasSize(1);
  }

  @Test
  void infiniteCompleteDataDfGivesRubinsOriginalDf() {
    double[][] q = {{1.0}, {2.0}};
    double[][] u = {{1.0}, {1.0}};
    PooledEstimate e = RubinPooling.pool(q, u, Double.POSITIVE_INFINITY).terms().get(0);
    // B = 0.5, T = 1 + 1.5*0.5 = 1.75, lambda = 0.75/1.75, df = 1/lambda^2
    double lambda = 0.75 / 1.75;
    assertThat(e.df()).isCloseTo(1 / (lambda * lambda), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> RubinPooling.pool(new double[][] {{1}}, new double[][] {{1}}, 10))
        .hasMessageContaining("at least 2 imputations");
    assertThatThrownBy(
            () -> RubinPooling.pool(new double[][] {{1}, {2}}, new double[][] {{1}, {-1}}, 10))
        .hasMessageContaining("variance non-negative");
    assertThatThrownBy(
            () -> RubinPooling.pool(new double[][] {{1}, {2, 3}}, new double[][] {{1}, {1}}, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
