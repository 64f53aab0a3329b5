package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** Firth logistic regression against brglm2's AS_mean fits (src/test/r/firth_goldens.R). */
class FirthLogisticGoldenTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("regression/firth").get("firth")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesBrglm2(String name, JsonNode c) {
    FirthLogistic.Fit fit =
        FirthLogistic.fit(
            Golden.doubles(c.get("y")),
            Golden.columns(c.get("columns")),
            Golden.strings(c.get("names")),
            Golden.ints(c.get("assign")),
            0.95);
    LogisticResult r = fit.result();
    List<LogisticTerm> all = new ArrayList<>();
    all.add(r.intercept());
    all.addAll(r.terms());
    double[] coef = Golden.doubles(c.get("coef"));
    double[] se = Golden.doubles(c.get("se"));
    double[] z = Golden.doubles(c.get("z"));
    double[] p = Golden.doubles(c.get("p"));
    double[] lo = Golden.doubles(c.get("lower"));
    double[] hi = Golden.doubles(c.get("upper"));
    assertThat(all).hasSize(coef.length);
    for (int j = 0; j < coef.length; j++) {
      LogisticTerm t = all.get(j);
      Golden.close(name + " coef " + j, t.coef(), coef[j]);
      Golden.close(name + " se " + j, t.se(), se[j]);
      Golden.close(name + " z " + j, t.z(), z[j]);
      Golden.closeP(name + " p " + j, t.p(), p[j]);
      Golden.close(name + " lower " + j, t.lower(), lo[j]);
      Golden.close(name + " upper " + j, t.upper(), hi[j]);
    }
    Golden.close(name + " loglik", r.logLikModel(), c.get("loglik").asDouble());
    Golden.close(name + " aic", r.aic(), c.get("aic").asDouble());
    Golden.close(name + " penalised", fit.penalizedLogLik(), c.get("penalized_loglik").asDouble());
  }

  @Test
  void completeSeparationGivesFiniteEstimates() {
    double[] y = {0, 0, 0, 0, 1, 1, 1, 1};
    double[][] x = {{1, 2, 3, 4, 5, 6, 7, 8}};
    LogisticResult r = FirthLogistic.fit(y, x, List.of("x"), new int[] {0}, 0.95).result();
    assertThat(r.terms().get(0).coef()).isFinite().isPositive();
    assertThat(r.terms().get(0).oddsRatioUpper()).isFinite();
  }

  @Test
  void collinearColumnsAreRefused() {
    double[] y = {0, 1, 0, 1, 1, 0};
    double[][] x = {{1, 2, 3, 4, 5, 6}, {2, 4, 6, 8, 10, 12}};
    assertThatThrownBy(() -> FirthLogistic.fit(y, x, List.of("a", "b"), new int[] {0, 1}, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collinear");
  }
}
