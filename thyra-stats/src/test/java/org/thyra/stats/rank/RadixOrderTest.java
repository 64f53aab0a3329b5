package org.thyra.stats.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RadixOrderTest {
  static LongStream seeds() {
    return LongStream.of(1, 2, 3, 4, 5);
  }

  /**
   * Same permutation as a stable comparison sort, for mixed signs, heavy ties, zeros and
   * infinities.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void equalsStableComparisonOrder(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 5000;
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(6);
      key[i] =
          switch (kind) {
            case 0 -> rnd.nextInt(7) - 3;
            case 1 -> -rnd.nextDouble() * 1e6;
            case 2 -> rnd.nextGaussian() * 1e-300;
            case 3 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 4 -> rnd.nextBoolean() ? 0.0 : -0.0;
            default -> rnd.nextGaussian();
          };
    }
    Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(
        expected,
        (a, b) -> {
          double x = key[a] + 0.0;
          double y = key[b] + 0.0;
          return x < y ? -1 : x > y ? 1 : 0;
        });
    assertThat(RadixOrder.order(key))
        .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
  }

  /** sortedValues equals Arrays.sort with -0.0 read as 0.0, and leaves its input alone. */
  @ParameterizedTest
  @MethodSource("seeds")
  void sortedValuesEqualArraysSort(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 40_000;
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      key[i] =
          switch (rnd.nextInt(5)) {
            case 0 -> rnd.nextInt(9) - 4;
            case 1 -> rnd.nextBoolean() ? 0.0 : -0.0;
            case 2 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : -Double.MAX_VALUE;
            default -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
          };
    }
    double[] input = key.clone();
    double[] expected = key.clone();
    Arrays.sort(expected);
    for (int i = 0; i < n; i++) {
      expected[i] += 0.0;
    }
    assertThat(RadixOrder.sortedValues(key)).containsExactly(expected);
    assertThat(key).containsExactly(input);
  }

  /**
   * Large inputs that force recursion (values clustered within a few ulps, a few distinct values
   * with many ties, a wide exponential spread): the same permutation as a stable comparison sort,
   * the sorted values read back from the keys, and a double payload moved with its key.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void recursionAndPayloadsMatchAStableComparisonSort(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 60_000;
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      key[i] =
          switch ((int) (seed % 3)) {
            case 0 -> 1 + Math.ulp(1.0) * rnd.nextInt(5000);
            case 1 -> rnd.nextInt(4) * 0.1;
            default -> -Math.log(rnd.nextDouble()) * (rnd.nextBoolean() ? 1e-8 : 1e3);
          };
    }
    Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(expected, (a, b) -> Double.compare(key[a], key[b]));
    int[] order = Arrays.stream(expected).mapToInt(Integer::intValue).toArray();
    RadixOrder.Sorted sorted = RadixOrder.sort(key);
    assertThat(sorted.order()).containsExactly(order);
    double[] values = new double[n];
    double[] payload = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = key[order[i]];
      payload[i] = i; // the payload is the original index, as a double
    }
    assertThat(sorted.values()).containsExactly(values);
    long[] sortedKey = RadixOrder.sortKeys(key, payload);
    double[] back = new double[n];
    for (int i = 0; i < n; i++) {
      back[i] = RadixOrder.value(sortedKey[i]);
    }
    assertThat(back).containsExactly(values);
    for (int i = 0; i < n; i++) {
      assertThat(payload[i]).isEqualTo(order[i]);
    }
  }

  @Test
  void emptyAndConstantInputs() {
    assertThat(RadixOrder.order(new double[0])).isEmpty();
    assertThat(RadixOrder.order(new double[] {2, 2, 2})).containsExactly(0, 1, 2);
  }
}
