package org.thyra.stats.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RocCurveEdgeTest {

  @Test
  void allTiedMarkerGivesDiagonal() {
    double[] y = {0, 1, 0, 1, 1, 0};
    double[] x = {5, 5, 5, 5, 5, 5};
    RocResult r = RocCurve.of(y, x, RocDirection.AUTO).result(0.95);
    assertThat(r.direction()).isEqualTo(RocDirection.CONTROLS_LOWER);
    assertThat(r.auc().auc()).isEqualTo(0.5);
    assertThat(r.auc().variance()).isEqualTo(0.0);
    assertThat(r.auc().lower()).isEqualTo(0.5);
    assertThat(r.thresholds()).containsExactly(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    assertThat(r.warnings()).anyMatch(w -> w.contains("tied"));
    // both ends have J = 0: both are reported
    assertThat(r.best()).hasSize(2);
  }

  @Test
  void perfectMarkerHasAucOneAndClippedCi() {
    double[] y = {0, 0, 0, 1, 1, 1};
    double[] x = {1, 2, 3, 4, 5, 6};
    RocResult r = RocCurve.of(y, x, RocDirection.AUTO).result(0.95);
    assertThat(r.auc().auc()).isEqualTo(1.0);
    assertThat(r.auc().upper()).isEqualTo(1.0);
    assertThat(r.best())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.threshold()).isEqualTo(3.5);
              assertThat(b.youden()).isEqualTo(1.0);
            });
  }

  @Test
  void youdenTiesAreAllReported() {
    // thresholds 1.5 and 3.5 both give sens + spec = 1.5
    double[] y = {0, 1, 0, 1};
    double[] x = {1, 2, 3, 4};
    RocResult r = RocCurve.of(y, x, RocDirection.CONTROLS_LOWER).result(0.95);
    assertThat(r.best()).extracting(YoudenThreshold::threshold).containsExactly(1.5, 3.5);
  }

  @Test
  void givenDirectionIsKeptEvenIfItGivesAucBelowHalf() {
    double[] y = {0, 0, 1, 1};
    double[] x = {3, 4, 1, 2};
    assertThat(RocCurve.of(y, x, RocDirection.CONTROLS_LOWER).auc()).isEqualTo(0.0);
    assertThat(RocCurve.of(y, x, RocDirection.AUTO).auc()).isEqualTo(1.0);
  }

  @Test
  void oneClassOrMissingValuesAreRejected() {
    assertThatThrownBy(
            () -> RocCurve.of(new double[] {1, 1}, new double[] {1, 2}, RocDirection.AUTO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 controls");
    assertThatThrownBy(
            () -> RocCurve.of(new double[] {0, 1}, new double[] {Double.NaN, 2}, RocDirection.AUTO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 1");
    assertThatThrownBy(() -> RocCurve.of(new double[] {0, 1}, new double[] {1}, RocDirection.AUTO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("marker has 1");
  }

  @Test
  void singleCaseGivesNoVarianceButAnAuc() {
    RocResult r =
        RocCurve.of(new double[] {0, 0, 1}, new double[] {1, 2, 3}, RocDirection.AUTO).result(0.95);
    assertThat(r.auc().auc()).isEqualTo(1.0);
    assertThat(r.auc().variance()).isNaN();
    assertThat(r.warnings()).anyMatch(w -> w.contains("at least 2 cases"));
  }

  @Test
  void identicalMarkersGiveZeroStatistic() {
    double[] y = {0, 1, 0, 1, 1, 0, 0};
    double[] x = {1, 3, 2, 5, 4, 3, 1};
    DeLongTestResult t = DeLongTest.paired(y, x, x.clone());
    assertThat(t.statistic()).isEqualTo(0.0);
    assertThat(t.p()).isEqualTo(1.0);
  }

  static LongStream seeds() {
    return LongStream.of(7, 11, 13, 2026);
  }

  /** AUC equals the brute-force Mann-Whitney proportion over all case-control pairs. */
  @ParameterizedTest
  @MethodSource("seeds")
  void aucEqualsPairCountingWithTies(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 300;
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
      x[i] = rnd.nextInt(20) + (y[i] == 1 ? rnd.nextInt(5) : 0);
    }
    double pairs = 0;
    double wins = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += x[i] > x[j] ? 1 : x[i] == x[j] ? 0.5 : 0;
        }
      }
    }
    RocCurve roc = RocCurve.of(y, x, RocDirection.CONTROLS_LOWER);
    assertThat(roc.auc()).isCloseTo(wins / pairs, within(1e-12));
    // reversing the marker and the direction gives the same AUC
    double[] neg = new double[n];
    for (int i = 0; i < n; i++) {
      neg[i] = -x[i];
    }
    RocCurve rev = RocCurve.of(y, neg, RocDirection.CONTROLS_HIGHER);
    assertThat(rev.auc()).isCloseTo(roc.auc(), within(1e-12));
    assertThat(rev.deLongVariance()).isCloseTo(roc.deLongVariance(), within(1e-12));
  }
}
