package org.thyra.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.lesion.VolumeReductionRate;
import org.thyra.clinical.response.RecistResponse;
import org.thyra.clinical.response.RecistTarget;
import org.thyra.clinical.response.TgResponse;
import org.thyra.clinical.response.TgTrendResponse;
import org.thyra.clinical.staging.Ajcc8Staging;
import org.thyra.clinical.staging.TCategory;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

/** Invariants over seeded random inputs (JUnit parameterized, one seed per case). */
class PropertyTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 25).mapToObj(i -> 20260000L + i);
  }

  static BigDecimal decimal(SplittableRandom r, int scale, double max) {
    return BigDecimal.valueOf(r.nextDouble(max)).setScale(scale, java.math.RoundingMode.HALF_EVEN);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void activityConversionsRoundTripExactly(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Activity mci = new Activity(decimal(r, 3, 1000), ActivityUnit.MCI);
    Activity gbq = mci.to(ActivityUnit.GBQ);
    assertThat(gbq.compareTo(mci)).isZero();
    assertThat(gbq.to(ActivityUnit.MCI).value()).isEqualByComparingTo(mci.value());
    assertThat(mci.megabecquerel())
        .isEqualByComparingTo(mci.value().multiply(BigDecimal.valueOf(37)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void tgResponseIsMonotoneInTheAfterValue(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BigDecimal before = decimal(r, 2, 1000).add(BigDecimal.ONE);
    for (TgResponse.Boundary b : TgResponse.Boundary.values()) {
      TgTrendResponse last = TgTrendResponse.PR;
      for (int i = 0; i <= 200; i++) {
        BigDecimal after = before.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(100));
        TgTrendResponse now = TgResponse.classify(before, after, BigDecimal.valueOf(25), b).value();
        assertThat(now.ordinal())
            .as("after %s of %s", after, before)
            .isGreaterThanOrEqualTo(last.ordinal());
        last = now;
      }
      // the grid hits exactly 75 % and 125 % of before: the boundary decides them
      BigDecimal exactDown = before.multiply(new BigDecimal("0.75"));
      assertThat(TgResponse.classify(before, exactDown, BigDecimal.valueOf(25), b).value())
          .isEqualTo(b == TgResponse.Boundary.INCLUSIVE ? TgTrendResponse.PR : TgTrendResponse.SD);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void ajcc8TIsMonotoneInSize(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double a = r.nextDouble(0.01, 8);
    double b = r.nextDouble(0.01, 8);
    TCategory small = Ajcc8Staging.tCategory(Math.min(a, b), ExtrathyroidalExtension.NONE).value();
    TCategory large = Ajcc8Staging.tCategory(Math.max(a, b), ExtrathyroidalExtension.NONE).value();
    List<TCategory> order = List.of(TCategory.T1A, TCategory.T1B, TCategory.T2, TCategory.T3A);
    assertThat(order.indexOf(small)).isLessThanOrEqualTo(order.indexOf(large)).isNotNegative();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void recistTargetWorsensWithTheSumAgainstAFixedBaseline(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BigDecimal baseline = decimal(r, 1, 150).add(BigDecimal.TEN);
    List<RecistResponse> order =
        List.of(RecistResponse.CR, RecistResponse.PR, RecistResponse.SD, RecistResponse.PD);
    int last = 0;
    for (int i = 0; i <= 300; i++) {
      BigDecimal current = baseline.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(200));
      RecistResponse now = RecistTarget.classify(baseline, baseline, current, false).value();
      assertThat(order.indexOf(now)).as("%s of %s", current, baseline).isGreaterThanOrEqualTo(last);
      last = order.indexOf(now);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void vrrIsAtMostHundredAndHundredOnlyWhenGone(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double v0 = r.nextDouble(0.001, 10);
    double v = r.nextDouble(0, 20);
    double vrr = VolumeReductionRate.percent(v0, v);
    assertThat(vrr).isLessThan(100).isEqualTo((v0 - v) / v0 * 100);
    assertThat(VolumeReductionRate.percent(v0, 0)).isEqualTo(100);
  }
}
