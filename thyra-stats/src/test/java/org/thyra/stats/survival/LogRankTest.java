package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.thyra.stats.inference.PValueAdjustment;

/** Hand-computed log-rank examples and edge cases (cross-checked with survdiff). */
class LogRankTest {

  private static final double EPS = 1e-12;
  // group 0: events at 1 and 3; group 1: events at 2 and 4
  private static final double[] T = {1, 3, 2, 4};
  private static final int[] S = {1, 1, 1, 1};
  private static final int[] G = {0, 0, 1, 1};

  @Test
  void logRankByHand() {
    // E_0 = 2/4 + 1/3 + 1/2 = 4/3; V_00 = 1/4 + 2/9 + 1/4 = 13/18; (2 - 4/3)^2 / V = 8/13
    LogRankResult r = LogRank.test(T, S, G, 2, null, 0);
    assertThat(r.observed()).containsExactly(2, 2);
    assertThat(r.expected()[0]).isCloseTo(4.0 / 3, within(EPS));
    assertThat(r.expected()[1]).isCloseTo(8.0 / 3, within(EPS));
    assertThat(r.variance()[0][0]).isCloseTo(13.0 / 18, within(EPS));
    assertThat(r.variance()[0][1]).isCloseTo(-13.0 / 18, within(EPS));
    assertThat(r.statistic()).isCloseTo(8.0 / 13, within(EPS));
    assertThat(r.df()).isEqualTo(1);
    assertThat(r.n()).containsExactly(2, 2);
    assertThat(r.method()).startsWith("log-rank (G-rho, rho=0)");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void petoPetoWeightsByHand() {
    // pooled S(t-) = 1, 3/4, 1/2, 1/4 at t = 1..4: O_0 = 1 + 1/2, E_0 = 1/2 + 1/4 + 1/4,
    // V = 1/4 + (9/16)(2/9) + (1/4)(1/4) = 7/16; statistic (1/2)^2 / (7/16) = 4/7
    LogRankResult r = LogRank.test(T, S, G, 2, null, 1);
    assertThat(r.observed()[0]).isCloseTo(1.5, within(EPS));
    assertThat(r.expected()[0]).isCloseTo(1.0, within(EPS));
    assertThat(r.variance()[0][0]).isCloseTo(7.0 / 16, within(EPS));
    assertThat(r.statistic()).isCloseTo(4.0 / 7, within(EPS));
    assertThat(r.method()).contains("rho=1");
  }

  @Test
  void strataAddUpWithinStratumComparisons() {
    // two copies of the example in two strata: O, E, V double; statistic doubles
    double[] t = {1, 3, 2, 4, 1, 3, 2, 4};
    int[] s = {1, 1, 1, 1, 1, 1, 1, 1};
    int[] g = {0, 0, 1, 1, 0, 0, 1, 1};
    int[] st = {0, 0, 0, 0, 1, 1, 1, 1};
    LogRankResult r = LogRank.test(t, s, g, 2, st, 0);
    assertThat(r.expected()[0]).isCloseTo(8.0 / 3, within(EPS));
    assertThat(r.variance()[0][0]).isCloseTo(13.0 / 9, within(EPS));
    assertThat(r.statistic()).isCloseTo(16.0 / 13, within(EPS));
    assertThat(r.strataCount()).isEqualTo(2);
    assertThat(r.method()).contains("stratified by 2 strata");
    // unstratified on the same rows differs (pooled risk sets)
    assertThat(LogRank.test(t, s, g, 2, null, 0).statistic()).isNotCloseTo(16.0 / 13, within(1e-3));
  }

  @Test
  void noEventsGivesStatisticZeroAndPOneWithAWarning() {
    LogRankResult r =
        LogRank.test(
            new double[] {1, 2, 3, 4}, new int[] {0, 0, 0, 0}, new int[] {0, 0, 1, 1}, 2, null, 0);
    assertThat(r.statistic()).isZero();
    assertThat(r.df()).isZero();
    assertThat(r.p()).isEqualTo(1.0);
    assertThat(r.warnings()).singleElement().asString().contains("no events");
  }

  @Test
  void groupWithNobodyAtRiskAtEventTimesIsDroppedFromDf() {
    // group 0 censored before the first event: survdiff gives chi-square 0 on 0 df, p = 1
    LogRankResult r =
        LogRank.test(
            new double[] {1, 2, 5, 6}, new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}, 2, null, 0);
    assertThat(r.statistic()).isZero();
    assertThat(r.df()).isZero();
    assertThat(r.p()).isEqualTo(1.0);
    assertThat(r.expected()).containsExactly(0, 2);
    assertThat(r.warnings()).isNotEmpty();
  }

  @Test
  void emptyGroupCodeIsIgnored() {
    LogRankResult three = LogRank.test(T, S, new int[] {0, 0, 2, 2}, 3, null, 0);
    assertThat(three.statistic()).isCloseTo(8.0 / 13, within(EPS));
    assertThat(three.df()).isEqualTo(1);
    assertThat(three.n()).containsExactly(2, 0, 2);
  }

  @Test
  void allTimesTied() {
    // one event time, N = 4, D = 2, n = (2, 2): E_0 = 1, V_00 = 2*2*2/(4*3) * (1 - 1/2) = 1/3
    LogRankResult r =
        LogRank.test(
            new double[] {5, 5, 5, 5}, new int[] {1, 1, 0, 0}, new int[] {0, 0, 1, 1}, 2, null, 0);
    assertThat(r.expected()[0]).isCloseTo(1, within(EPS));
    assertThat(r.variance()[0][0]).isCloseTo(1.0 / 3, within(EPS));
    assertThat(r.statistic()).isCloseTo(3.0, within(EPS));
  }

  @Test
  void rejectsOneGroupAndInvalidInput() {
    assertThatThrownBy(() -> LogRank.test(T, S, new int[] {1, 1, 1, 1}, 2, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log-rank needs at least two groups with observations");
    assertThatThrownBy(
            () -> LogRank.test(new double[] {1}, new int[] {1}, new int[] {0}, 1, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two groups");
    assertThatThrownBy(() -> LogRank.test(T, S, new int[] {0, 0, 1, 2}, 2, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group[3] = 2");
    assertThatThrownBy(() -> LogRank.test(T, S, G, 2, new int[] {0, -1, 0, 0}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strata[1]");
    assertThatThrownBy(() -> LogRank.test(T, S, G, 2, new int[] {0}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strata has length");
    assertThatThrownBy(() -> LogRank.test(T, S, G, 2, null, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rho");
    assertThatThrownBy(() -> LogRank.test(T, new int[] {1, 1, 1, -1}, G, 2, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status[3]");
    assertThatThrownBy(
            () ->
                LogRankPairwise.test(
                    T, S, new int[] {0, 0, 0, 0}, 3, null, 0, PValueAdjustment.HOLM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two groups");
  }

  @Test
  void pairwiseSkipsEmptyGroupsAndAdjusts() {
    double[] t = {1, 3, 2, 4, 6, 7, 8, 9};
    int[] s = {1, 1, 1, 1, 1, 1, 0, 1};
    int[] g = {0, 0, 1, 1, 3, 3, 3, 3};
    LogRankPairwiseResult r =
        LogRankPairwise.test(t, s, g, 4, null, 0, PValueAdjustment.BONFERRONI);
    assertThat(r.pairs())
        .extracting(LogRankPair::a, LogRankPair::b)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 1),
            org.assertj.core.groups.Tuple.tuple(0, 3),
            org.assertj.core.groups.Tuple.tuple(1, 3));
    LogRankPair first = r.pairs().get(0);
    assertThat(first.statistic()).isCloseTo(8.0 / 13, within(EPS));
    assertThat(first.pAdjusted()).isCloseTo(Math.min(1, 3 * first.p()), within(EPS));
    assertThat(r.method()).contains("bonferroni over 3 pairs");
  }
}
