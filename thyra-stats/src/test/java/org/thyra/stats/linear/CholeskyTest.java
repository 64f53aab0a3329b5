package org.thyra.stats.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CholeskyTest {

  private static final double TOL = Math.pow(Math.ulp(1.0), 0.75);

  @Test
  void invertsAKnownMatrix() {
    // A = [[4, 2], [2, 3]], A^-1 = [[3, -2], [-2, 4]] / 8
    final double[][] m = {{4, 2}, {2, 3}};
    assertThat(Cholesky.decompose(m, TOL)).isEqualTo(2);
    final double[] y = {1, 2};
    Cholesky.solve(m, y);
    assertThat(y[0]).isCloseTo(-1.0 / 8, within(1e-15));
    assertThat(y[1]).isCloseTo(6.0 / 8, within(1e-15));
    Cholesky.invert(m);
    Cholesky.symmetrize(m);
    assertThat(m[0][0]).isCloseTo(3.0 / 8, within(1e-15));
    assertThat(m[0][1]).isCloseTo(-2.0 / 8, within(1e-15));
    assertThat(m[1][0]).isCloseTo(-2.0 / 8, within(1e-15));
    assertThat(m[1][1]).isCloseTo(4.0 / 8, within(1e-15));
  }

  @Test
  void redundantColumnGetsZeroPivotSolutionAndInverse() {
    // third column = first + second
    final double[][] x = {{1, 0, 1}, {0, 1, 1}, {1, 1, 2}, {2, 1, 3}};
    final double[][] m = new double[3][3];
    for (double[] row : x) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          m[i][j] += row[i] * row[j];
        }
      }
    }
    assertThat(Cholesky.decompose(m, TOL)).isEqualTo(2);
    assertThat(Cholesky.rank(m)).isEqualTo(2);
    final double[] y = {1, 1, 1};
    Cholesky.solve(m, y);
    assertThat(y[2]).isZero();
    Cholesky.invert(m);
    Cholesky.symmetrize(m);
    assertThat(m[2]).containsOnly(0.0);
    assertThat(m[0][2]).isZero();
    assertThat(m[0][0]).isPositive();
  }

  @Test
  void zeroMatrixHasRankZero() {
    assertThat(Cholesky.decompose(new double[2][2], TOL)).isZero();
  }

  @Test
  void negativeDefiniteIsFlagged() {
    assertThat(Cholesky.decompose(new double[][] {{1, 0}, {0, -1}}, TOL)).isEqualTo(-1);
  }

  static IntStream seeds() {
    return IntStream.range(0, 10);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void inverseTimesMatrixIsIdentity(int seed) {
    final SplittableRandom rng = new SplittableRandom(seed);
    final int p = 2 + rng.nextInt(6);
    final double[][] a = new double[p][p];
    for (int r = 0; r < 3 * p; r++) {
      final double[] v = new double[p];
      for (int i = 0; i < p; i++) {
        v[i] = rng.nextGaussian();
      }
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          a[i][j] += v[i] * v[j];
        }
      }
    }
    final double[][] m = new double[p][];
    for (int i = 0; i < p; i++) {
      m[i] = a[i].clone();
    }
    assertThat(Cholesky.decompose(m, TOL)).isEqualTo(p);
    Cholesky.invert(m);
    Cholesky.symmetrize(m);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          s += a[i][k] * m[k][j];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-10));
      }
    }
    final double[] b = new double[p];
    for (int i = 0; i < p; i++) {
      b[i] = rng.nextGaussian();
    }
    double expected = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        expected += b[i] * m[i][j] * b[j];
      }
    }
    assertThat(Cholesky.quadraticFormInverse(a, b, TOL))
        .isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-12));
  }
}
