package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Weighted KM: whole-number weights are frequencies (the curve of the replicated rows). */
class WeightedKaplanMeierTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void wholeWeightsEqualReplicatedRows(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 30;
    double[] time = new double[n];
    int[] status = new int[n];
    double[] w = new double[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      time[i] = 1 + rng.nextInt(15); // ties on purpose
      status[i] = rng.nextInt(3) == 0 ? 0 : 1;
      w[i] = 1 + rng.nextInt(3);
      total += (int) w[i];
    }
    double[] rt = new double[total];
    int[] rs = new int[total];
    for (int i = 0, k = 0; i < n; i++) {
      for (int c = 0; c < w[i]; c++, k++) {
        rt[k] = time[i];
        rs[k] = status[i];
      }
    }
    KaplanMeierCurve plain = KaplanMeier.fit(rt, rs);
    WeightedKaplanMeier.Curve weighted =
        WeightedKaplanMeier.fit(time, status, w, KaplanMeierOptions.DEFAULT);
    assertThat(weighted.greenwood()).isTrue();
    assertThat(weighted.size()).isEqualTo(plain.size());
    for (int i = 0; i < plain.size(); i++) {
      assertThat(weighted.times()[i]).isEqualTo(plain.time(i));
      assertThat(weighted.nRisk()[i]).isEqualTo(plain.nRisk(i));
      assertThat(weighted.survival()[i]).isCloseTo(plain.survival(i), offset(1e-12));
      if (Double.isFinite(plain.stdErr(i)) && plain.survival(i) > 0) {
        assertThat(weighted.stdErr(i)).isCloseTo(plain.stdErr(i), offset(1e-12));
        assertThat(weighted.lower(i)).isCloseTo(plain.lower(i), offset(1e-12));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1.7, 2.25})
  void aCommonNonIntegerWeightLeavesTheCurveButScalesTheRobustVariance(double c) {
    double[] time = {2, 3, 3, 5, 8, 8, 9, 12, 14, 20};
    int[] status = {1, 0, 1, 1, 0, 1, 1, 0, 1, 0};
    double[] ones = new double[time.length];
    double[] w = new double[time.length];
    java.util.Arrays.fill(ones, 1.5);
    java.util.Arrays.fill(w, 1.5 * c);
    WeightedKaplanMeier.Curve a =
        WeightedKaplanMeier.fit(time, status, ones, KaplanMeierOptions.DEFAULT);
    WeightedKaplanMeier.Curve b =
        WeightedKaplanMeier.fit(time, status, w, KaplanMeierOptions.DEFAULT);
    assertThat(a.greenwood()).isFalse();
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.survival()[i]).isCloseTo(a.survival()[i], offset(1e-12));
      // the IJ variance is invariant to a common scale of the weights
      assertThat(b.stdErr(i)).isCloseTo(a.stdErr(i), offset(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesInvalidWeights(double bad) {
    assertThatThrownBy(
            () ->
                WeightedKaplanMeier.fit(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[] {1, bad},
                    KaplanMeierOptions.DEFAULT))
        .hasMessageContaining("row 2");
  }
}
