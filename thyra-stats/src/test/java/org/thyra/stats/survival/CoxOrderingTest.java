package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoxOrderingTest {

  static IntStream seeds() {
    return IntStream.range(0, 15);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void radixOrderIsAStableAscendingSort(int seed) {
    final SplittableRandom rng = new SplittableRandom(seed);
    final int n = 1 + rng.nextInt(3000);
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      switch (rng.nextInt(5)) {
        case 0 -> v[i] = rng.nextInt(7) - 3; // ties, negatives
        case 1 -> v[i] = rng.nextBoolean() ? -0.0 : 0.0; // signed zeros are equal
        case 2 -> v[i] = rng.nextGaussian() * 1e300;
        case 3 -> v[i] = rng.nextGaussian() * 1e-300;
        default -> v[i] = rng.nextDouble() * 1000;
      }
    }
    final int[] order = CoxOrdering.ascending(v);
    for (int k = 1; k < n; k++) {
      final double a = v[order[k - 1]];
      final double b = v[order[k]];
      assertThat(a).isLessThanOrEqualTo(b);
      if (a == b) {
        assertThat(order[k - 1]).as("stable").isLessThan(order[k]);
      }
    }
    final CoxOrdering.Ranks r = CoxOrdering.ranks(v);
    final double[] sorted = v.clone();
    Arrays.sort(sorted);
    final long distinct = Arrays.stream(sorted).map(x -> x + 0.0).distinct().count();
    assertThat(r.count()).isEqualTo((int) distinct);
    for (int i = 0; i < n; i++) {
      assertThat(r.unique()[r.rank()[i]]).isEqualTo(v[i] + 0.0);
    }
  }

  /**
   * Input already in order (as a bootstrap sample listed in time order) takes the no-sort path: the
   * same distinct values and ranks as the sorting path, and the identity order (which is what a
   * stable sort of sorted input gives).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void sortedInputGivesTheSortingPathsRanks(int seed) {
    final SplittableRandom rng = new SplittableRandom(seed);
    final int n = 2 + rng.nextInt(3000);
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          rng.nextBoolean() ? rng.nextInt(20) : (rng.nextBoolean() ? -0.0 : rng.nextDouble() * 50);
    }
    final double[] sorted = v.clone();
    Arrays.sort(sorted); // -0.0 before 0.0: equal keys either way
    final CoxOrdering.Ranks fromSorted = CoxOrdering.ranks(sorted);
    final CoxOrdering.Ranks fromShuffled = CoxOrdering.ranks(v);
    assertThat(fromSorted.order()).containsExactly(IntStream.range(0, n).toArray());
    assertThat(fromSorted.unique()).containsExactly(fromShuffled.unique());
    for (int k = 0; k < n; k++) {
      assertThat(fromSorted.unique()[fromSorted.rank()[k]]).isEqualTo(sorted[k] + 0.0);
    }
  }
}
