package org.thyra.stats.cutpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CutpointEdgeTest {
  private static final double[] TIME = {5, 8, 12, 3, 9, 15, 20, 7, 11, 2};
  private static final double[] EVENT = {1, 0, 1, 1, 1, 0, 1, 1, 0, 1};

  @Test
  void noEventsIsRejected() {
    double[] none = new double[TIME.length];
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, none, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no events");
    assertThatThrownBy(() -> ThreeGroupScan.scan(TIME, none, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no events");
  }

  /**
   * On the two-thread path the outcome is checked on the second thread: its errors still arrive as
   * the same IllegalArgumentException, and a bad x is reported as on one thread.
   */
  @Test
  void invalidInputOnTheTwoThreadPathGivesTheSameMessages() {
    int saved = MaxSelectedRank.parallelMinRows;
    MaxSelectedRank.parallelMinRows = 2;
    try {
      double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
      double[] badTime = TIME.clone();
      badTime[3] = Double.NaN;
      double[] badEvent = EVENT.clone();
      badEvent[5] = 2;
      double[] badX = x.clone();
      badX[7] = Double.POSITIVE_INFINITY;
      assertThatThrownBy(() -> MaxSelectedRank.logRank(badTime, EVENT, x))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("observation 4");
      assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, badEvent, x))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("event must be 0 or 1; observation 6");
      assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, new double[TIME.length], x))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no events");
      assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, EVENT, badX))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("x has a missing or non-finite value at observation 8");
    } finally {
      MaxSelectedRank.parallelMinRows = saved;
    }
  }

  @Test
  void allTiedVariableHasNoCutpoint() {
    double[] x = new double[TIME.length];
    assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, EVENT, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minprop too large");
    assertThatThrownBy(() -> ThreeGroupScan.scan(TIME, EVENT, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no pair");
  }

  @Test
  void tooFewRowsForMinprop() {
    // with minprop 0.45 the only admissible low-group sizes are 4 and 5 (floor(10 * 0.55) = 5); x
    // has a block of 6 ties
    double[] x = {1, 1, 1, 1, 1, 1, 2, 3, 4, 5};
    assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, EVENT, x, 0.45, 0.55))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no cut-point between");
    assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, EVENT, x, 0.6, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minprop");
  }

  @Test
  void missingValuesAreRejected() {
    double[] x = {1, 2, Double.NaN, 4, 5, 6, 7, 8, 9, 10};
    assertThatThrownBy(() -> MaxSelectedRank.logRank(TIME, EVENT, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 3");
  }

  @Test
  void lowGroupIsValuesAtOrBelowTheCutpoint() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    MaxSelectedRankResult r = MaxSelectedRank.logRank(TIME, EVENT, x);
    int low = 0;
    for (double v : x) {
      low += v <= r.cutpoint() ? 1 : 0;
    }
    assertThat(r.nLow()).isEqualTo(low);
    assertThat(r.nLow() + r.nHigh()).isEqualTo(10);
    assertThat(r.pAdjusted()).isBetween(0.0, 1.5);
    assertThat(r.method()).contains("Lau94");
  }

  static LongStream seeds() {
    return LongStream.of(3, 17, 99);
  }

  /**
   * The statistic at each cut equals the standardized two-sample sum of log-rank scores computed
   * directly.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void statisticEqualsDirectTwoSampleScoreTest(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 150;
    double[] t = new double[n];
    double[] e = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextInt(30);
      t[i] = Math.ceil(rnd.nextDouble() * 50 / (1 + x[i] / 10));
      e[i] = rnd.nextDouble() < 0.7 ? 1 : 0;
    }
    MaxSelectedRankResult r = MaxSelectedRank.logRank(t, e, x);
    double[] a = LogRankScores.of(t, e);
    double s = 0;
    double s2 = 0;
    for (double v : a) {
      s += v;
      s2 += v * v;
    }
    for (int c = 0; c < r.cuts().length; c++) {
      double sum = 0;
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (x[i] <= r.cuts()[c]) {
          sum += a[i];
          m++;
        }
      }
      double ex = (double) m / n * s;
      double var = (double) m * (n - m) / ((double) n * n * (n - 1)) * (n * s2 - s * s);
      assertThat(r.statistics()[c]).isCloseTo(Math.abs(sum - ex) / Math.sqrt(var), within(1e-9));
    }
  }

  @Test
  void scanThinsCandidatesAndSaysSo() {
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 2000;
    double[] t = new double[n];
    double[] e = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble();
      t[i] = rnd.nextDouble() * (x[i] > 0.7 ? 5 : 10);
      e[i] = rnd.nextDouble() < 0.8 ? 1 : 0;
    }
    ThreeGroupScanResult r = ThreeGroupScan.scan(t, e, x, 0.1, 40);
    assertThat(r.candidateCuts()).isLessThanOrEqualTo(40);
    assertThat(r.method()).contains("thinned");
    assertThat(r.lowCut()).isLessThan(r.highCut());
    assertThat(r.groupSizes()[0] + r.groupSizes()[1] + r.groupSizes()[2]).isEqualTo(n);
    for (int g : r.groupSizes()) {
      assertThat(g).isGreaterThanOrEqualTo(200);
    }
  }
}
