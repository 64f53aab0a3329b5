package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

class TimeDependentAucTest {

  @ParameterizedTest
  @ValueSource(strings = {"pbc_lp", "lung_lp", "veteran_karno"})
  void aucSeAndCiAsRiskRegressionScore(String name) {
    final JsonNode g = Golden.load("prediction/tdroc_" + name);
    final TimeDependentAucResult r =
        TimeDependentAuc.compute(
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.doubles(g.get("marker")),
            Golden.doubles(g.get("times")),
            0.95);
    final double[] auc = Golden.doubles(g.get("auc"));
    final double[] se = Golden.doubles(g.get("se"));
    final double[] lower = Golden.doubles(g.get("lower"));
    final double[] upper = Golden.doubles(g.get("upper"));
    for (int k = 0; k < auc.length; k++) {
      final TimeDependentAucPoint p = r.points().get(k);
      Golden.close(name + " AUC at " + p.time(), p.auc(), auc[k]);
      Golden.close(name + " SE at " + p.time(), p.se(), se[k]);
      Golden.close(name + " lower at " + p.time(), p.lower(), lower[k]);
      Golden.close(name + " upper at " + p.time(), p.upper(), upper[k]);
    }
    assertThat(r.method()).contains("marginal Kaplan-Meier");
  }

  @Test
  void withoutCensoringAucIsTheMannWhitneyStatisticOfCasesVersusControls() {
    final SplittableRandom rng = new SplittableRandom(4);
    final int n = 200;
    final double[] time = new double[n];
    final int[] status = new int[n];
    final double[] marker = new double[n];
    for (int i = 0; i < n; i++) {
      marker[i] = Math.floor(rng.nextDouble() * 10); // ties in the marker
      time[i] = 1 + Math.floor(-Math.log(rng.nextDouble()) / Math.exp(0.2 * marker[i]) * 50);
      status[i] = 1;
    }
    final double t = 20;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (time[i] <= t && time[j] > t) {
          den++;
          num += marker[i] > marker[j] ? 1 : marker[i] == marker[j] ? 0.5 : 0;
        }
      }
    }
    final TimeDependentAucPoint p =
        TimeDependentAuc.compute(time, status, marker, new double[] {t}, 0.95).points().get(0);
    assertThat(p.auc()).isCloseTo(num / den, Offset.offset(1e-12));
    assertThat(p.se()).isPositive();
    assertThat(p.lower()).isLessThan(p.auc());
  }

  @Test
  void noCasesOrNoControlsIsAClearError() {
    final double[] time = {1, 2, 3, 4, 5};
    final int[] status = {0, 1, 0, 1, 1};
    final double[] marker = {1, 2, 3, 4, 5};
    assertThatThrownBy(
            () -> TimeDependentAuc.compute(time, status, marker, new double[] {1.5}, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no events by time 1.5");
    assertThatThrownBy(() -> TimeDependentAuc.compute(time, status, marker, new double[] {5}, 0.95))
        .hasMessageContaining("no subject is followed beyond time 5.0");
    assertThatThrownBy(
            () ->
                TimeDependentAuc.compute(
                    time, status, new double[] {1, 2, Double.NaN, 4, 5}, new double[] {3}, 0.95))
        .hasMessageContaining("marker must be finite; row 2");
    assertThatThrownBy(() -> TimeDependentAuc.compute(time, status, marker, new double[] {3}, 1.0))
        .hasMessageContaining("confidence level");
  }

  @Test
  void aPerfectMarkerHasAucOne() {
    final double[] time = {1, 2, 3, 4, 5, 6};
    final int[] status = {1, 1, 0, 1, 0, 1};
    final double[] marker = {6, 5, 4, 3, 2, 1};
    final TimeDependentAucPoint p =
        TimeDependentAuc.compute(time, status, marker, new double[] {3.5}, 0.95).points().get(0);
    assertThat(p.auc()).isEqualTo(1.0);
    assertThat(p.upper()).isEqualTo(1.0);
    assertThat(p.cases()).isEqualTo(2);
    assertThat(p.controls()).isEqualTo(3);
  }
}
