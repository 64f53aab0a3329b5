package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

/**
 * {@link CoxModel#fitFrom}: as {@code coxph(..., init = )} on lung
 * (src/test/r/sorted_outcome_goldens.R, golden/refit/lung_init_*): the same maximum, the
 * log-likelihood and score test at the start.
 */
class CoxFitFromTest {
  private static final List<String> NAMES = List.of("age", "sex", "ph.ecog");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lung_init_near", "lung_init_far"})
  void asCoxphWithInit(String name) {
    final JsonNode g = Golden.load("refit/" + name);
    final CoxFit fit =
        CoxModel.fitFrom(
            Golden.doubles(g.get("init")),
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.columns(g.get("columns")),
            NAMES,
            null,
            CoxOptions.defaults(),
            false);
    final double[] coef = Golden.doubles(g.get("coef"));
    for (int j = 0; j < coef.length; j++) {
      close(fit.coefficients()[j], coef[j]);
    }
    close(fit.loglikNull(), g.get("loglik_start").asDouble());
    close(fit.loglikModel(), g.get("loglik").asDouble());
    close(fit.scoreTest().statistic(), g.get("score").asDouble());
    assertThat(fit.iterations()).isEqualTo(g.get("iter").asInt());
    assertThat(fit.concordance()).isNull();
  }

  @Test
  void startingAtZeroIsTheUsualFit() {
    final JsonNode g = Golden.load("refit/lung_init_near");
    final double[] time = Golden.doubles(g.get("time"));
    final int[] status = Golden.ints(g.get("status"));
    final double[][] x = Golden.columns(g.get("columns"));
    final CoxFit usual = CoxModel.fit(time, status, x, NAMES, null, CoxOptions.defaults());
    final CoxFit zero =
        CoxModel.fitFrom(new double[3], time, status, x, NAMES, null, CoxOptions.defaults(), true);
    assertThat(zero.coefficients()).containsExactly(usual.coefficients());
    assertThat(zero.loglikNull()).isEqualTo(usual.loglikNull());
    assertThat(zero.iterations()).isEqualTo(usual.iterations());
    assertThat(zero.concordance().c()).isEqualTo(usual.concordance().c());
    // from the maximum itself: one step, the same coefficients to the convergence criterion
    final CoxFit again =
        CoxModel.fitFrom(
            usual.coefficients(), time, status, x, NAMES, null, CoxOptions.defaults(), false);
    assertThat(again.iterations()).isLessThanOrEqualTo(2);
    for (int j = 0; j < 3; j++) {
      assertThat(again.coefficients()[j])
          .isCloseTo(
              usual.coefficients()[j], Offset.offset(1e-6 * Math.abs(usual.coefficients()[j])));
    }
  }

  @Test
  void wrongNumberOfStartingValuesIsRefused() {
    assertThatThrownBy(
            () ->
                CoxModel.fitFrom(
                    new double[2],
                    new double[] {1, 2, 3},
                    new int[] {1, 0, 1},
                    new double[][] {{1, 2, 3}},
                    List.of("x"),
                    null,
                    CoxOptions.defaults(),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one per column (1), got 2");
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, Offset.offset(1e-6 * Math.abs(expected) + 1e-12));
  }
}
