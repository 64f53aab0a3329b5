package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.inference.PValueAdjustment;

/**
 * Pairwise weighted log-rank: properties the robust score test has whatever the data (R's numbers
 * on real data are thyra-app's goldens, weighted_pairwise_golden.R): a common factor on the weights
 * changes nothing, the rows' order changes nothing, a pair is tested on its own rows only, and a
 * pair without events has no test and leaves the adjustment's family.
 */
class WeightedLogRankPairwiseTest {

  private record Data(double[] time, int[] status, double[] w, int[] group, int[] strata) {}

  private static Data random(long seed, int n, int groups) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] time = new double[n];
    int[] status = new int[n];
    double[] w = new double[n];
    int[] group = new int[n];
    int[] strata = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i % groups;
      time[i] = 1 + rng.nextInt(20) + group[i]; // ties on purpose
      status[i] = rng.nextInt(3) == 0 ? 0 : 1;
      w[i] = 0.2 + 3 * rng.nextDouble();
      strata[i] = rng.nextInt(2);
    }
    return new Data(time, status, w, group, strata);
  }

  private static LogRankPairwiseResult run(Data d, int groups, boolean stratified) {
    return WeightedLogRankPairwise.test(
        d.time(),
        d.status(),
        d.w(),
        d.group(),
        groups,
        stratified ? d.strata() : null,
        PValueAdjustment.HOLM,
        0.95);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void aCommonFactorOnTheWeightsChangesNothing(long seed) {
    Data d = random(seed, 60, 3);
    double[] scaled = d.w().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 7.5;
    }
    Data s = new Data(d.time(), d.status(), scaled, d.group(), d.strata());
    for (boolean stratified : new boolean[] {false, true}) {
      List<LogRankPair> a = run(d, 3, stratified).pairs();
      List<LogRankPair> b = run(s, 3, stratified).pairs();
      assertThat(a).hasSize(3);
      for (int k = 0; k < 3; k++) {
        assertThat(b.get(k).statistic()).isCloseTo(a.get(k).statistic(), offset(1e-8));
        assertThat(b.get(k).hazardRatio()).isCloseTo(a.get(k).hazardRatio(), offset(1e-8));
        assertThat(b.get(k).hazardRatioUpper())
            .isCloseTo(a.get(k).hazardRatioUpper(), offset(1e-8));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void theRowsOrderChangesNothing(long seed) {
    Data d = random(seed, 45, 3);
    int n = d.time().length;
    int[] perm = new SplittableRandom(seed + 100).ints(0, Integer.MAX_VALUE).limit(n).toArray();
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (x, y) -> Integer.compare(perm[x], perm[y]));
    double[] t = new double[n];
    int[] s = new int[n];
    double[] w = new double[n];
    int[] g = new int[n];
    int[] st = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = d.time()[idx[i]];
      s[i] = d.status()[idx[i]];
      w[i] = d.w()[idx[i]];
      g[i] = d.group()[idx[i]];
      st[i] = d.strata()[idx[i]];
    }
    List<LogRankPair> a = run(d, 3, true).pairs();
    List<LogRankPair> b = run(new Data(t, s, w, g, st), 3, true).pairs();
    for (int k = 0; k < 3; k++) {
      assertThat(b.get(k).statistic()).isCloseTo(a.get(k).statistic(), offset(1e-9));
      assertThat(b.get(k).pAdjusted()).isCloseTo(a.get(k).pAdjusted(), offset(1e-12));
    }
  }

  @Test
  void aPairIsTestedOnItsOwnRowsAsTheTwoGroupWeightedLogRank() {
    Data d = random(11, 60, 3);
    LogRankPair p02 = run(d, 3, true).pairs().get(1);
    assertThat(p02.a()).isZero();
    assertThat(p02.b()).isEqualTo(2);
    // the rows of groups 0 and 2 alone, a third group's rows moved far away must not matter
    int m = 40;
    double[] t = new double[m];
    int[] s = new int[m];
    double[] w = new double[m];
    int[] g = new int[m];
    int[] st = new int[m];
    for (int i = 0, k = 0; i < 60; i++) {
      if (d.group()[i] != 1) {
        t[k] = d.time()[i];
        s[k] = d.status()[i];
        w[k] = d.w()[i];
        g[k] = d.group()[i] == 2 ? 1 : 0;
        st[k++] = d.strata()[i];
      }
    }
    WeightedLogRank two = WeightedLogRank.test(t, s, w, g, 2, st);
    assertThat(p02.statistic()).isCloseTo(two.robustScore().statistic(), offset(1e-10));
    assertThat(p02.p()).isCloseTo(two.robustScore().p(), offset(1e-12));
  }

  @Test
  void aPairWithoutEventsHasNoTestAndLeavesTheFamily() {
    // groups a and b: no events; c has events while a and b are still at risk
    double[] time = {1, 2, 9, 4, 5, 10, 7, 8, 3};
    int[] status = {0, 0, 0, 0, 0, 0, 1, 1, 0};
    double[] w = {1.2, 0.8, 1, 2, 1.5, 1, 1, 0.5, 2};
    int[] group = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    LogRankPairwiseResult r =
        WeightedLogRankPairwise.test(
            time,
            status,
            w,
            group,
            3,
            null,
            PValueAdjustment.BONFERRONI,
            0.95,
            List.of("a", "b", "c"));
    LogRankPair ab = r.pairs().get(0);
    assertThat(ab.statistic()).isNaN();
    assertThat(ab.p()).isNaN();
    assertThat(ab.pAdjusted()).isNaN();
    assertThat(ab.hazardRatio()).isNaN();
    // Bonferroni over the 2 pairs with events, not 3
    LogRankPair ac = r.pairs().get(1);
    assertThat(ac.pAdjusted()).isCloseTo(Math.min(1, 2 * ac.p()), offset(1e-15));
    assertThat(r.warnings())
        .contains("groups a vs b: no events, no test (coxph's coefficient is NA)");
    assertThat(r.method()).contains("over 2 pairs with a test (of 3)");
  }

  @Test
  void eventsWhileOnlyOneGroupIsAtRiskGiveNoTestAsCoxphsNaCoefficient() {
    // every row of a is censored before c's events: no information (R: coef NA, rscore NULL)
    double[] time = {1, 2, 3, 4, 5, 10, 7, 8, 9};
    int[] status = {0, 0, 0, 0, 0, 0, 1, 1, 0};
    double[] w = {1.2, 0.8, 1, 2, 1.5, 1, 1, 0.5, 2};
    int[] group = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    LogRankPairwiseResult r =
        WeightedLogRankPairwise.test(
            time, status, w, group, 3, null, PValueAdjustment.HOLM, 0.95, List.of("a", "b", "c"));
    LogRankPair ac = r.pairs().get(1);
    assertThat(ac.statistic()).isNaN();
    assertThat(ac.hazardRatio()).isNaN();
    assertThat(r.pairs().get(2).statistic()).isPositive();
    assertThat(r.warnings())
        .contains(
            "groups a vs c: no event while both groups are at risk, no test (coxph's coefficient"
                + " is NA)");
  }

  @Test
  void badInputIsRefused() {
    double[] time = {1, 2, 3, 4};
    int[] status = {1, 0, 1, 1};
    double[] w = {1, 1, 1, 1};
    assertThatThrownBy(
            () ->
                WeightedLogRankPairwise.test(
                    time, status, w, new int[] {0, 0, 0, 0}, 1, null, PValueAdjustment.HOLM, 0.95))
        .hasMessageContaining("at least 2 groups");
    assertThatThrownBy(
            () ->
                WeightedLogRankPairwise.test(
                    time, status, w, new int[] {0, 0, 2, 2}, 3, null, PValueAdjustment.HOLM, 0.95))
        .hasMessageContaining("group 2 has no rows");
    assertThatThrownBy(
            () ->
                WeightedLogRankPairwise.test(
                    time, status, w, new int[] {0, 1, 0, 1}, 2, null, PValueAdjustment.HOLM, 1.0))
        .hasMessageContaining("confLevel");
  }
}
