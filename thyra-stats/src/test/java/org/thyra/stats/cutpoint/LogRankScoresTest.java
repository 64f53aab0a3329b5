package org.thyra.stats.cutpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogRankScoresTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  /**
   * Scores from two separately sorted parts, merged, equal the single sort's to the last bit, with
   * heavy ties across the split and splits anywhere from empty to everything.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void twoSortedPartsMergeToTheSingleSortsScores(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 2 + rnd.nextInt(5000);
    double[] time = new double[n];
    double[] event = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = rnd.nextBoolean() ? rnd.nextInt(30) : rnd.nextDouble() * 30;
      event[i] = rnd.nextInt(3) == 0 ? 0 : 1;
    }
    double[] single = LogRankScores.of(time, event);
    for (int split : new int[] {0, 1, rnd.nextInt(n), n / 2, n - 1, n}) {
      double[] merged =
          LogRankScores.of(
              LogRankScores.sortPart(time, event, 0, split),
              LogRankScores.sortPart(time, event, split, n));
      assertThat(merged).as("split at " + split).containsExactly(single);
    }
  }

  /**
   * Without tied times the scores sum to 0: each event's 1 / (size of its risk set) is charged to
   * every member of that risk set. (With ties exactRankTests' maximum-rank denominators break it.)
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void scoresSumToZero(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 2 + rnd.nextInt(3000);
    double[] time = new double[n];
    double[] event = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = rnd.nextDouble() * 50;
      event[i] = rnd.nextInt(4) == 0 ? 0 : 1;
    }
    double sum = 0;
    for (double s : LogRankScores.of(time, event)) {
      sum += s;
    }
    assertThat(Math.abs(sum)).isLessThan(1e-9 * n);
  }
}
