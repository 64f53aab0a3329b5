package org.thyra.stats.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortedSearchTest {

  /** Counts by a linear scan, the definition the binary search must meet. */
  private static int below(double[] x, int from, int to, double v) {
    int i = from;
    while (i < to && x[i] < v) {
      i++;
    }
    return i;
  }

  private static int atOrBelow(double[] x, double v) {
    int c = 0;
    for (double d : x) {
      if (d <= v) {
        c++;
      }
    }
    return c;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void agreesWithALinearScanOnTiedValues(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = r.nextInt(0, 40);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(0, 8); // few distinct values: many ties
    }
    Arrays.sort(x);
    for (double v = -1; v <= 9; v += 0.5) {
      assertThat(SortedSearch.lowerBound(x, v)).as("lower %s", v).isEqualTo(below(x, 0, n, v));
      assertThat(SortedSearch.upperBound(x, v)).as("upper %s", v).isEqualTo(atOrBelow(x, v));
      int from = n == 0 ? 0 : r.nextInt(0, n + 1);
      int to = n == 0 ? 0 : r.nextInt(from, n + 1);
      assertThat(SortedSearch.lowerBound(x, from, to, v))
          .as("lower %s in [%d, %d)", v, from, to)
          .isEqualTo(below(x, from, to, v));
    }
  }

  @Test
  void tiesAreCountedOnTheirSide() {
    double[] x = {1, 2, 2, 2, 3};
    assertThat(SortedSearch.lowerBound(x, 2)).isEqualTo(1);
    assertThat(SortedSearch.upperBound(x, 2)).isEqualTo(4);
    assertThat(SortedSearch.lowerBound(x, 0)).isZero();
    assertThat(SortedSearch.upperBound(x, 3)).isEqualTo(5);
    assertThat(SortedSearch.lowerBound(new double[0], 1)).isZero();
    assertThat(SortedSearch.lowerBound(x, 2, 4, 2)).isEqualTo(2);
  }
}
