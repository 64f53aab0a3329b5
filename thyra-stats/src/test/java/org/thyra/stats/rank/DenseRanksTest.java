package org.thyra.stats.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DenseRanksTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  /** The ranks a sort gives: rank r is the r-th smallest distinct value (-0.0 equal to 0.0). */
  @ParameterizedTest
  @MethodSource("seeds")
  void ranksEqualThoseOfASort(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 1 + rnd.nextInt(20_000);
    int levels = 1 + rnd.nextInt(300);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      int l = rnd.nextInt(levels);
      x[i] =
          l == 0
              ? (rnd.nextBoolean() ? 0.0 : -0.0)
              : (l - levels / 2) * 0.37 * (l % 7 == 0 ? 1e-200 : 1);
    }
    DenseRanks r = DenseRanks.of(x, levels);
    assertThat(r).isNotNull();
    double[] distinct = Arrays.stream(x).map(v -> v + 0.0).sorted().distinct().toArray();
    assertThat(r.values()).containsExactly(distinct);
    for (int i = 0; i < n; i++) {
      assertThat(r.values()[r.rank()[i]]).isEqualTo(x[i] + 0.0);
    }
  }

  @Test
  void givesUpBeyondMaxDistinct() {
    double[] x = {3, 1, 2, 3, 1, 4};
    assertThat(DenseRanks.of(x, 3)).isNull();
    DenseRanks r = DenseRanks.of(x, 4);
    assertThat(r.rank()).containsExactly(2, 0, 1, 2, 0, 3);
    assertThat(r.values()).containsExactly(1, 2, 3, 4);
    assertThat(DenseRanks.of(new double[0], 1).values()).isEmpty();
    assertThatThrownBy(() -> DenseRanks.of(x, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
