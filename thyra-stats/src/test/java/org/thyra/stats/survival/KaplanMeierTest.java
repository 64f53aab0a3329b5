package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed Kaplan–Meier examples and edge cases (values cross-checked with survfit). */
class KaplanMeierTest {

  private static final double EPS = 1e-12;
  private static final double Z95 = 1.959963984540054;

  @Test
  void zeroTimesTiesAndCensorOnlyLastTime() {
    // t: 0 0 1 2, status 1 0 1 0.
    // t=0: n=4 d=1 c=1 S=3/4, Greenwood 1/(4*3); t=1: n=2 d=1 S=3/8, +1/(2*1); t=2: censor only
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {0, 0, 1, 2}, new int[] {1, 0, 1, 0});
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.times()).containsExactly(0, 1, 2);
    assertThat(c.nRisks()).containsExactly(4, 2, 1);
    assertThat(c.nEvent(0)).isEqualTo(1);
    assertThat(c.nCensor(0)).isEqualTo(1);
    assertThat(c.nCensor(2)).isEqualTo(1);
    assertThat(c.survival(0)).isCloseTo(0.75, within(EPS));
    assertThat(c.survival(1)).isCloseTo(0.375, within(EPS));
    assertThat(c.survival(2)).isCloseTo(0.375, within(EPS));
    assertThat(c.stdErr(0)).isCloseTo(0.75 * Math.sqrt(1.0 / 12), within(EPS));
    assertThat(c.stdErr(1)).isCloseTo(0.375 * Math.sqrt(7.0 / 12), within(EPS));
    assertThat(c.lower(1)).isCloseTo(0.375 * Math.exp(-Z95 * Math.sqrt(7.0 / 12)), within(1e-9));
    assertThat(c.upper(1)).isEqualTo(1.0); // log CI clipped at 1
    // summary(fit, times = c(0, 0.5, 2)): at 0 the events at 0 count; n.risk at 0.5 is 2
    KaplanMeierPoint at0 = c.at(0).orElseThrow();
    assertThat(at0.survival()).isCloseTo(0.75, within(EPS));
    assertThat(at0.nRisk()).isEqualTo(4);
    KaplanMeierPoint atHalf = c.at(0.5).orElseThrow();
    assertThat(atHalf.survival()).isCloseTo(0.75, within(EPS));
    assertThat(atHalf.nRisk()).isEqualTo(2);
    assertThat(c.at(2).orElseThrow().nRisk()).isEqualTo(1);
    assertThat(c.at(2.0001)).isEmpty();
    // median: 1 - S reaches 0.5 at t = 1
    assertThat(c.median().estimate()).isEqualTo(1.0);
  }

  @Test
  void medianOnAFlatSegmentAtExactlyOneHalfUsesTheMidpointToLastFollowUp() {
    // S = 3/4, 1/2, 1/2, 1/2: flat at 0.5 from t = 2 to the last follow-up 4;
    // quantile.survfit gives (2 + 4)/2 = 3 (print.survfit would show 2)
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {1, 2, 3, 4}, new int[] {1, 1, 0, 0});
    SurvivalQuantile m = c.median();
    assertThat(m.estimate()).isEqualTo(3.0);
    assertThat(m.lower()).isEqualTo(1.0);
    assertThat(m.upper()).isNaN();
    assertThat(c.quantile(0.25).estimate()).isEqualTo(1.5); // flat at 3/4 between 1 and 2
    assertThat(c.quantile(0.75).isReached()).isFalse();
    assertThat(c.quantile(0.75).lower()).isEqualTo(2.0);
  }

  @Test
  void statusAllOneReachesZeroAndLimitsAreUndefinedThere() {
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {4, 3, 2, 1}, new int[] {1, 1, 1, 1});
    assertThat(c.survivals()).containsExactly(0.75, 0.5, 0.25, 0.0);
    assertThat(c.median().estimate()).isEqualTo(2.5); // S = 0.5 exactly between t = 2 and 3
    assertThat(c.quantile(0.25).estimate()).isEqualTo(1.5);
    assertThat(c.quantile(0.75).estimate()).isEqualTo(3.5);
    assertThat(c.quantile(1.0).estimate()).isEqualTo(4.0);
    assertThat(c.quantile(0.0).estimate()).isEqualTo(0.0);
    assertThat(c.stdErrCumHazard(3)).isInfinite();
    assertThat(c.stdErr(3)).isNaN();
    assertThat(c.lower(3)).isNaN();
    assertThat(c.upper(3)).isNaN();
    assertThat(c.median().lower()).isEqualTo(1.0);
    assertThat(c.median().upper()).isNaN();
  }

  @Test
  void allTimesTied() {
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {5, 5, 5, 5}, new int[] {1, 1, 0, 0});
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.row(0))
        .isEqualTo(new KaplanMeierRow(5, 4, 2, 2, 0.5, 0.5 * Math.sqrt(2.0 / 8), c.lower(0), 1.0));
    assertThat(c.median().estimate()).isEqualTo(5.0);
    assertThat(c.median().lower()).isEqualTo(5.0);
    assertThat(c.median().upper()).isNaN();
    assertThat(c.at(4.9).orElseThrow()).isEqualTo(new KaplanMeierPoint(4.9, 4, 1, 0, 1, 1));
  }

  @Test
  void noEventsKeepsSurvivalAtOneWithAWarning() {
    for (ConfidenceType type : ConfidenceType.values()) {
      KaplanMeierCurve c =
          KaplanMeier.fit(
              new double[] {1, 2, 3}, new int[] {0, 0, 0}, new KaplanMeierOptions(type, 0.95));
      assertThat(c.events()).isZero();
      assertThat(c.survivals()).containsExactly(1, 1, 1);
      assertThat(c.stdErr(2)).isZero();
      assertThat(c.median().isReached()).isFalse();
      assertThat(c.warnings()).anyMatch(w -> w.contains("no events"));
      if (type == ConfidenceType.LOG || type == ConfidenceType.PLAIN) {
        assertThat(c.lower(0)).isEqualTo(1.0);
        assertThat(c.upper(0)).isEqualTo(1.0);
      } else {
        // survfit_confint gives NA (log-log) or NaN (logit, arcsin) at S = 1
        assertThat(c.lower(0)).isNaN();
      }
    }
  }

  @Test
  void singleRow() {
    KaplanMeierCurve event = KaplanMeier.fit(new double[] {3}, new int[] {1});
    assertThat(event.row(0).survival()).isZero();
    assertThat(event.row(0).nRisk()).isEqualTo(1);
    assertThat(event.median().estimate()).isEqualTo(3.0);
    assertThat(event.at(0).orElseThrow().survival()).isEqualTo(1.0);
    assertThat(event.at(3).orElseThrow().stdErr()).isNaN();
    KaplanMeierCurve censored = KaplanMeier.fit(new double[] {3}, new int[] {0});
    assertThat(censored.row(0).survival()).isEqualTo(1.0);
    assertThat(censored.median().estimate()).isNaN();
  }

  @Test
  void plainIntervalIsClippedToTheUnitInterval() {
    KaplanMeierCurve c =
        KaplanMeier.fit(
            new double[] {1, 2, 2, 3, 4, 5},
            new int[] {0, 1, 1, 0, 1, 1},
            new KaplanMeierOptions(ConfidenceType.PLAIN, 0.95));
    // survfit(conf.type = "plain"): t=2 S=0.6, upper 1 (clipped); t=4 S=0.3, lower 0 (clipped)
    assertThat(c.upper(1)).isEqualTo(1.0);
    assertThat(c.lower(3)).isEqualTo(0.0);
    assertThat(c.lower(1)).isCloseTo(0.1705934, within(1e-7));
    assertThat(c.upper(3)).isCloseTo(0.767935, within(1e-6));
  }

  @Test
  void fitGroupsGivesOneCurvePerCodeAndAnEmptyCurveForAnEmptyGroup() {
    double[] t = {1, 2, 3, 4, 5, 6};
    int[] s = {1, 0, 1, 1, 1, 0};
    int[] g = {0, 2, 0, 2, 0, 2};
    List<KaplanMeierCurve> curves = KaplanMeier.fitGroups(t, s, g, 3);
    assertThat(curves).hasSize(3);
    assertThat(curves.get(0).rows())
        .isEqualTo(KaplanMeier.fit(new double[] {1, 3, 5}, new int[] {1, 1, 1}).rows());
    assertThat(curves.get(1).n()).isZero();
    assertThat(curves.get(1).at(1)).isEmpty();
    assertThat(curves.get(1).median().isReached()).isFalse();
    assertThat(curves.get(2).events()).isEqualTo(1);
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2}, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
    assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, -2}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time[1]");
    assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, Double.NaN}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(
            () -> KaplanMeier.fit(new double[] {1, Double.POSITIVE_INFINITY}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2}, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status[1] = 2");
    assertThatThrownBy(() -> KaplanMeier.fit(new double[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(
            () -> KaplanMeier.fitGroups(new double[] {1}, new int[] {1}, new int[] {3}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group[0] = 3");
    assertThatThrownBy(() -> new KaplanMeierOptions(ConfidenceType.LOG, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {1}, new int[] {1});
    assertThatThrownBy(() -> c.at(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeZeroIsTheSameTimeAsZero() {
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {-0.0, 0.0, 1}, new int[] {1, 1, 0});
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.nEvent(0)).isEqualTo(2);
  }

  @Test
  void atBeyondLastFollowUpIsEmpty() {
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {1, 2}, new int[] {1, 0});
    assertThat(c.at(2)).isPresent();
    Optional<KaplanMeierPoint> beyond = c.at(2.5);
    assertThat(beyond).isEmpty();
    assertThat(c.at(Double.POSITIVE_INFINITY)).isEmpty();
  }

  @Test
  void confidenceTypesParseFromRNames() {
    assertThat(ConfidenceType.parse("log-log")).isEqualTo(ConfidenceType.LOG_LOG);
    assertThat(ConfidenceType.parse("LOG_LOG")).isEqualTo(ConfidenceType.LOG_LOG);
    assertThat(ConfidenceType.parse(" Arcsin ")).isEqualTo(ConfidenceType.ARCSIN);
    for (ConfidenceType t : ConfidenceType.values()) {
      assertThat(ConfidenceType.parse(t.rName())).isEqualTo(t);
    }
    assertThatThrownBy(() -> ConfidenceType.parse("loglog"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log-log");
  }
}
