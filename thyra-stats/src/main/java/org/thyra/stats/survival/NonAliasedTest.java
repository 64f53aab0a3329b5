package org.thyra.stats.survival;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.thyra.stats.linear.Cholesky;

/**
 * A chi-square test {@code x' V^- x} over the coefficients that are not aliased, with df the rank
 * of their block of V: {@code coxph.wtest} as {@code coxph} uses it for the Wald test and for the
 * robust score test ({@code rscore}). Aliased coefficients (NA in R) are dropped first, rows and
 * columns alike.
 */
final class NonAliasedTest {

  private NonAliasedTest() {}

  /**
   * @param v covariance (or information) matrix, p x p
   * @param x the vector tested, length p
   * @param aliased per coefficient, whether it is aliased
   * @param toler Cholesky tolerance for the rank
   * @return the statistic, df and p; (0, 0, NaN) when every coefficient is aliased, NaN when a kept
   *     element of x is not finite
   */
  static CoxTestResult of(double[][] v, double[] x, boolean[] aliased, double toler) {
    final int[] keep = kept(aliased);
    final int k = keep.length;
    if (k == 0) {
      return new CoxTestResult(0, 0, Double.NaN);
    }
    final double[] y = vector(x, keep);
    for (double e : y) {
      if (!Double.isFinite(e)) {
        return new CoxTestResult(Double.NaN, k, Double.NaN);
      }
    }
    final double[][] m = matrix(v, keep);
    final double[][] chol = new double[k][];
    for (int i = 0; i < k; i++) {
      chol[i] = m[i].clone();
    }
    Cholesky.decompose(chol, toler);
    final int df = Cholesky.rank(chol);
    final double stat = Cholesky.quadraticFormInverse(m, y, toler);
    final double pv = df > 0 ? ChiSquaredDistribution.of(df).survivalProbability(stat) : Double.NaN;
    return new CoxTestResult(stat, df, pv);
  }

  /** The indices of the coefficients that are not aliased, ascending. */
  static int[] kept(boolean[] aliased) {
    int k = 0;
    for (boolean a : aliased) {
      if (!a) {
        k++;
      }
    }
    final int[] out = new int[k];
    for (int j = 0, r = 0; j < aliased.length; j++) {
      if (!aliased[j]) {
        out[r++] = j;
      }
    }
    return out;
  }

  /** The kept elements of x. */
  static double[] vector(double[] x, int[] keep) {
    final double[] out = new double[keep.length];
    for (int r = 0; r < keep.length; r++) {
      out[r] = x[keep[r]];
    }
    return out;
  }

  /** The kept rows and columns of v. */
  static double[][] matrix(double[][] v, int[] keep) {
    final double[][] out = new double[keep.length][keep.length];
    for (int r = 0; r < keep.length; r++) {
      for (int c = 0; c < keep.length; c++) {
        out[r][c] = v[keep[r]][keep[c]];
      }
    }
    return out;
  }
}
