package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Near-equal times are merged as survfit / survdiff do with timefix = TRUE (values from R). */
class TimeFixTest {

  @Test
  void roundingDifferencesCountAsOneTime() {
    // survfit(Surv(c(1, 1 + 1e-10, 2), c(1, 1, 0)) ~ 1): one row at time 1 with 2 events
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {1 + 1e-10, 1, 2}, new int[] {1, 1, 0});
    assertThat(c.times()).containsExactly(1, 2);
    assertThat(c.nEvent(0)).isEqualTo(2);
    assertThat(c.survival(0)).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void relativeRuleChainsOntoTheFirstValue() {
    // 1e9, 1e9+1, 1e9+2 differ by 1e-9 relative to their mean: survfit reports one time 1e9
    // with 2 events and one censoring, then 1e9+100
    KaplanMeierCurve c =
        KaplanMeier.fit(new double[] {1e9, 1e9 + 1, 1e9 + 2, 1e9 + 100}, new int[] {1, 1, 0, 1});
    assertThat(c.times()).containsExactly(1e9, 1e9 + 100);
    assertThat(c.nEvent(0)).isEqualTo(2);
    assertThat(c.nCensor(0)).isEqualTo(1);
    assertThat(c.survivals()).containsExactly(0.5, 0.0);
    // the grouped path merges the same way
    assertThat(
            KaplanMeier.fitGroups(
                    new double[] {1e9, 1e9 + 1, 1e9 + 2, 1e9 + 100},
                    new int[] {1, 1, 0, 1},
                    new int[] {0, 0, 0, 0},
                    1)
                .get(0)
                .rows())
        .isEqualTo(c.rows());
  }

  @Test
  void logRankMergesToo() {
    // survdiff gives 0.4285714 both with 1 + 1e-10 and with exact ties
    LogRankResult near =
        LogRank.test(
            new double[] {1, 1 + 1e-10, 2, 3},
            new int[] {1, 1, 1, 0},
            new int[] {0, 1, 0, 1},
            2,
            null,
            0);
    LogRankResult exact =
        LogRank.test(
            new double[] {1, 1, 2, 3}, new int[] {1, 1, 1, 0}, new int[] {0, 1, 0, 1}, 2, null, 0);
    assertThat(near.statistic()).isCloseTo(0.4285714, within(1e-7));
    assertThat(near.statistic()).isEqualTo(exact.statistic());
  }

  @Test
  void distinctTimesAreLeftAlone() {
    double[] t = {3, 1, 2, 1};
    assertThat(TimeFix.apply(t)).isSameAs(t);
  }
}
