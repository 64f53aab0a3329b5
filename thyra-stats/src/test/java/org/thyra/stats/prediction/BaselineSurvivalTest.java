package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.survival.Ties;

class BaselineSurvivalTest {

  private static double[] linearPredictor(double[][] x, double[] coef) {
    final double[] lp = new double[x[0].length];
    for (int j = 0; j < x.length; j++) {
      for (int i = 0; i < lp.length; i++) {
        lp[i] += coef[j] * x[j][i];
      }
    }
    return lp;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"lung_efron", "lung_breslow", "lung_strata_efron", "veteran_efron", "pbc_efron"})
  void survivalAtHorizonsAsSurvfitCoxph(String name) {
    final JsonNode g = Golden.load("prediction/baseline_" + name);
    final double[] coef = Golden.doubles(g.get("coef"));
    final double[] lp = linearPredictor(Golden.columns(g.get("x")), coef);
    final double[] newLp = linearPredictor(Golden.columns(g.get("newx")), coef);
    final int[] strata = Golden.ints(g.get("strata"));
    final int[] newStrata = Golden.ints(g.get("newstrata"));
    final Ties ties = "efron".equals(g.get("ties").asText()) ? Ties.EFRON : Ties.BRESLOW;
    final BaselineHazard h =
        BaselineSurvival.estimate(
            Golden.doubles(g.get("time")), Golden.ints(g.get("status")), lp, strata, ties);
    final double[] horizons = Golden.doubles(g.get("horizons"));
    for (int i = 0; i < newLp.length; i++) {
      Golden.close(
          name + " row " + i,
          h.survival(newStrata[i], horizons, newLp[i]),
          Golden.doubles(g.get("survival").get(i)));
    }
    // the whole step function of the first new row: survival and cumulative hazard
    final double[] t = Golden.doubles(g.get("first_time"));
    final double[] s = Golden.doubles(g.get("first_surv"));
    final double[] cumhaz = Golden.doubles(g.get("first_cumhaz"));
    final double[][] eventTimes = h.eventTimes();
    Golden.close(name + " event times", eventTimes[newStrata[0]], t);
    final double scale = Math.exp(newLp[0] - h.reference());
    for (int k = 0; k < t.length; k++) {
      Golden.close(name + " S at " + t[k], h.survival(newStrata[0], t[k], newLp[0]), s[k]);
      Golden.close(
          name + " H at " + t[k], h.cumulativeHazard(newStrata[0], t[k]) * scale, cumhaz[k]);
    }
    assertThat(h.lastFollowUp()[newStrata[0]])
        .isEqualTo(g.get("first_stratum_max_time").asDouble());
    assertThat(h.method()).contains(ties == Ties.EFRON ? "Efron" : "Breslow");
  }

  @Test
  void horizonBeyondLastFollowUpIsRejected() {
    final JsonNode g = Golden.load("prediction/baseline_lung_efron");
    final double[] time = Golden.doubles(g.get("time"));
    final double[] lp = new double[time.length];
    final BaselineHazard h =
        BaselineSurvival.estimate(time, Golden.ints(g.get("status")), lp, null, Ties.EFRON);
    final double last = h.lastFollowUp()[0];
    assertThat(h.survival(0, last, 0)).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> h.survival(0, last + 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond the last follow-up time " + last);
    assertThatThrownBy(() -> h.survival(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.survival(1, 10, 0)).hasMessageContaining("stratum 1");
  }

  @Test
  void beforeFirstEventSurvivalIsOneAndNoEventsGivesWarning() {
    final double[] time = {5, 3, 8, 2};
    final int[] status = {0, 1, 0, 0};
    final double[] lp = {0.1, -0.2, 0.3, 0.0};
    final BaselineHazard h =
        BaselineSurvival.estimate(time, status, lp, new int[] {0, 0, 1, 1}, Ties.EFRON);
    assertThat(h.survival(0, 2.9, 0.5)).isEqualTo(1.0);
    // one event at 3 with both stratum-0 rows at risk: dH = 1 / (e^{0.1-c} + e^{-0.2-c})
    final double c = (0.1 - 0.2 + 0.3) / 4;
    assertThat(h.cumulativeHazard(0, 3))
        .isCloseTo(
            1 / (Math.exp(0.1 - c) + Math.exp(-0.2 - c)),
            org.assertj.core.data.Offset.offset(1e-15));
    assertThat(h.cumulativeHazard(1, 8)).isZero();
    assertThat(h.warnings()).containsExactly("stratum 1 has no events: its baseline hazard is 0");
  }

  @Test
  void efronEqualsBreslowWithoutTiesAndIsLargerWithTies() {
    final double[] time = {1, 2, 2, 3, 4};
    final int[] status = {1, 1, 1, 0, 1};
    final double[] lp = {0.5, -0.1, 0.4, 0, 0.2};
    final BaselineHazard e = BaselineSurvival.estimate(time, status, lp, null, Ties.EFRON);
    final BaselineHazard b = BaselineSurvival.estimate(time, status, lp, null, Ties.BRESLOW);
    assertThat(e.cumulativeHazard(0, 1)).isEqualTo(b.cumulativeHazard(0, 1));
    assertThat(e.cumulativeHazard(0, 2)).isGreaterThan(b.cumulativeHazard(0, 2));
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(
            () ->
                BaselineSurvival.estimate(
                    new double[] {1, 2}, new int[] {1}, new double[2], null, Ties.EFRON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
    assertThatThrownBy(
            () ->
                BaselineSurvival.estimate(
                    new double[] {1, 2}, new int[] {1, 2}, new double[2], null, Ties.EFRON))
        .hasMessageContaining("status must be 0 or 1");
    assertThatThrownBy(
            () ->
                BaselineSurvival.estimate(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[2],
                    new int[] {0, 2},
                    Ties.EFRON))
        .hasMessageContaining("stratum 1 has no rows");
  }
}
