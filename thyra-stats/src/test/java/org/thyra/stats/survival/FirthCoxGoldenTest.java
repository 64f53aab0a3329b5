package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

/**
 * Firth's Cox model against the penalised likelihood R maximises numerically from coxph's
 * log-likelihood and information (src/test/r/firth_cox_goldens.R; coxphf is not in Debian).
 */
class FirthCoxGoldenTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("firthcox/firth_cox").get("firth_cox")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  private static FirthCoxResult fit(JsonNode c) {
    return FirthCox.fit(
        Golden.doubles(c.get("time")),
        Golden.ints(c.get("status")),
        Golden.columns(c.get("columns")),
        Golden.strings(c.get("names")),
        0.95);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesThePenalisedLikelihoodMaximum(String name, JsonNode c) {
    FirthCoxResult r = fit(c);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.names()).isEqualTo(Golden.strings(c.get("names")));
    Golden.close(name + " coef", r.coef(), Golden.doubles(c.get("coef")));
    Golden.close(name + " se", r.se(), Golden.doubles(c.get("se")));
    Golden.close(name + " lower", r.lower(), Golden.doubles(c.get("lower")));
    Golden.close(name + " upper", r.upper(), Golden.doubles(c.get("upper")));
    Golden.close(name + " lr", r.lr(), Golden.doubles(c.get("lr")));
    double[] p = Golden.doubles(c.get("p"));
    for (int j = 0; j < p.length; j++) {
      Golden.closeP(name + " p " + j, r.p()[j], p[j]);
    }
    Golden.close(name + " penalised", r.penalizedLogLik(), c.get("penalized_loglik").asDouble());
    Golden.close(name + " loglik", r.logLik(), c.get("loglik").asDouble());
    Golden.close(
        name + " penalised at 0",
        r.penalizedLogLikNull(),
        c.get("penalized_loglik_null").asDouble());
    Golden.close(name + " global", r.globalTest().statistic(), c.get("global_lr").asDouble());
    assertThat(r.globalTest().df()).isEqualTo(c.get("global_df").asInt());
    Golden.closeP(name + " global p", r.globalTest().p(), c.get("global_p").asDouble());
    int events = 0;
    for (int s : Golden.ints(c.get("status"))) {
      events += s;
    }
    assertThat(r.events()).isEqualTo(events);
    assertThat(r.n()).isEqualTo(c.get("time").size());
  }

  @Test
  void finiteUnderMonotoneLikelihoodWhereMaximumLikelihoodDiverges() {
    JsonNode c = null;
    for (JsonNode e : Golden.load("firthcox/firth_cox").get("firth_cox")) {
      if (e.get("name").asText().contains("monotone")) {
        c = e;
      }
    }
    assertThat(c).isNotNull();
    // R's coxph runs away on 'early' (ML does not exist); Firth's estimate is finite and smaller
    double ml = c.get("ml_coef").get(0).asDouble();
    FirthCoxResult r = fit(c);
    assertThat(Math.abs(ml)).isGreaterThan(10);
    assertThat(r.coef()[0]).isFinite().isLessThan(Math.abs(ml));
    assertThat(r.lower()[0]).isLessThan(r.coef()[0]);
    assertThat(r.upper()[0]).isGreaterThan(r.coef()[0]).isFinite();
  }

  /**
   * The profile limits bracket the estimate and the deviance at each limit is the critical value.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void profileLimitsBracketTheEstimateOnRandomData(long seed) {
    Random rng = new Random(seed);
    int n = 60;
    double[] time = new double[n];
    int[] status = new int[n];
    double[][] x = new double[2][n];
    for (int i = 0; i < n; i++) {
      x[0][i] = rng.nextGaussian();
      x[1][i] = rng.nextInt(2);
      time[i] = Math.ceil(10 * -Math.log(rng.nextDouble()) / Math.exp(0.5 * x[0][i])); // ties
      status[i] = rng.nextInt(4) == 0 ? 0 : 1;
    }
    FirthCoxResult r = FirthCox.fit(time, status, x, List.of("x", "b"), 0.9);
    for (int j = 0; j < 2; j++) {
      assertThat(r.lower()[j]).isLessThan(r.coef()[j]);
      assertThat(r.upper()[j]).isGreaterThan(r.coef()[j]);
      // a 90 % interval is narrower than the 95 % one
      FirthCoxResult wide = FirthCox.fit(time, status, x, List.of("x", "b"), 0.95);
      assertThat(wide.lower()[j]).isLessThan(r.lower()[j]);
      assertThat(wide.upper()[j]).isGreaterThan(r.upper()[j]);
    }
    assertThat(r.penalizedLogLik()).isGreaterThanOrEqualTo(r.penalizedLogLikNull());
  }

  @Test
  void refusesDataWithoutEventsOrWithAConstantColumn() {
    double[] time = {1, 2, 3, 4};
    double[][] x = {{1, 2, 3, 4}};
    assertThatThrownBy(() -> FirthCox.fit(time, new int[4], x, List.of("x"), 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events");
    assertThatThrownBy(
            () ->
                FirthCox.fit(
                    time,
                    new int[] {1, 1, 0, 1},
                    new double[][] {{2, 2, 2, 2}},
                    List.of("c"),
                    0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("singular");
    assertThatThrownBy(
            () ->
                FirthCox.fit(
                    time,
                    new int[] {1, 1, 0, 1},
                    new double[][] {{1, Double.NaN, 2, 3}},
                    List.of("m"),
                    0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m");
  }
}
