package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants on seeded random data with heavy ties (integer times, some zero). */
class SurvivalPropertyTest {

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  private record Data(double[] time, int[] status, int[] group, int[] strata) {
    static Data random(long seed, int groups) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int n = 1 + rnd.nextInt(300);
      double[] t = new double[n];
      int[] s = new int[n];
      int[] g = new int[n];
      int[] st = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = rnd.nextInt(40);
        s[i] = rnd.nextDouble() < 0.6 ? 1 : 0;
        g[i] = i < groups ? i : rnd.nextInt(groups); // every group present when n allows
        st[i] = rnd.nextInt(3);
      }
      return new Data(t, s, g, st);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void kaplanMeierBookkeepingAndMonotonicity(long seed) {
    Data d = Data.random(seed, 1);
    KaplanMeierCurve c = KaplanMeier.fit(d.time(), d.status());
    int events = 0;
    int censored = 0;
    for (int i = 0; i < c.size(); i++) {
      events += c.nEvent(i);
      censored += c.nCensor(i);
      if (i > 0) {
        assertThat(c.time(i)).isGreaterThan(c.time(i - 1));
        assertThat(c.survival(i)).isLessThanOrEqualTo(c.survival(i - 1));
        assertThat(c.nRisk(i)).isEqualTo(c.nRisk(i - 1) - c.nEvent(i - 1) - c.nCensor(i - 1));
      }
      double lo = c.lower(i);
      double up = c.upper(i);
      if (!Double.isNaN(lo)) {
        assertThat(lo).isLessThanOrEqualTo(c.survival(i) + 1e-15);
        assertThat(up).isGreaterThanOrEqualTo(c.survival(i) - 1e-15).isLessThanOrEqualTo(1.0);
      }
    }
    assertThat(c.nRisk(0)).isEqualTo(d.time().length);
    assertThat(events).isEqualTo(c.events());
    assertThat(events + censored).isEqualTo(c.n());
    // reversing the rows changes nothing
    double[] rt = new double[d.time().length];
    int[] rs = new int[rt.length];
    for (int i = 0; i < rt.length; i++) {
      rt[i] = d.time()[rt.length - 1 - i];
      rs[i] = d.status()[rt.length - 1 - i];
    }
    assertThat(KaplanMeier.fit(rt, rs).rows()).isEqualTo(c.rows());
    // the median interval brackets the median when all three are reached
    SurvivalQuantile m = c.median();
    if (m.isReached() && !Double.isNaN(m.lower()) && !Double.isNaN(m.upper())) {
      assertThat(m.lower()).isLessThanOrEqualTo(m.estimate());
      assertThat(m.upper()).isGreaterThanOrEqualTo(m.estimate());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void logRankConservesEventsAndIgnoresLabels(long seed) {
    Data d = Data.random(seed, 3);
    if (d.time().length < 3) {
      return;
    }
    LogRankResult r = LogRank.test(d.time(), d.status(), d.group(), 3, d.strata(), 0);
    double o = 0;
    double e = 0;
    for (int k = 0; k < 3; k++) {
      o += r.observed()[k];
      e += r.expected()[k];
      double rowSum = 0;
      for (int j = 0; j < 3; j++) {
        rowSum += r.variance()[k][j];
        assertThat(r.variance()[k][j]).isCloseTo(r.variance()[j][k], within(1e-12));
      }
      assertThat(rowSum).isCloseTo(0, within(1e-9));
    }
    assertThat(e).isCloseTo(o, within(1e-9 * Math.max(1, o)));
    // relabelling the groups (0 -> 2 -> 1 -> 0) leaves the statistic unchanged
    int[] relabelled = new int[d.group().length];
    for (int i = 0; i < relabelled.length; i++) {
      relabelled[i] = (d.group()[i] + 2) % 3;
    }
    LogRankResult r2 = LogRank.test(d.time(), d.status(), relabelled, 3, d.strata(), 0);
    assertThat(r2.statistic()).isCloseTo(r.statistic(), within(1e-9 * Math.max(1, r.statistic())));
    assertThat(r2.df()).isEqualTo(r.df());
    // a single stratum code equals no strata
    LogRankResult none = LogRank.test(d.time(), d.status(), d.group(), 3, null, 0.5);
    LogRankResult one =
        LogRank.test(d.time(), d.status(), d.group(), 3, new int[d.time().length], 0.5);
    assertThat(one.statistic()).isEqualTo(none.statistic());
  }
}
