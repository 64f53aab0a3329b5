package org.thyra.stats.imputation;

/** Cholesky factorisation and inverse of small symmetric positive-definite matrices (row-major). */
final class SmallMatrix {
  private SmallMatrix() {}

  /** Lower-triangular L with A = L L'; throws when A is not positive definite. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double s = a[j][j];
      for (int k = 0; k < j; k++) {
        s -= l[j][k] * l[j][k];
      }
      if (!(s > 0)) {
        throw new ArithmeticException("matrix is not positive definite");
      }
      l[j][j] = Math.sqrt(s);
      for (int i = j + 1; i < n; i++) {
        double t = a[i][j];
        for (int k = 0; k < j; k++) {
          t -= l[i][k] * l[j][k];
        }
        l[i][j] = t / l[j][j];
      }
    }
    return l;
  }

  /** A^-1 from its Cholesky factor. */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] l = cholesky(a);
    double[][] inv = new double[n][n];
    for (int c = 0; c < n; c++) {
      double[] e = new double[n];
      e[c] = 1;
      double[] x = solve(l, e);
      for (int r = 0; r < n; r++) {
        inv[r][c] = x[r];
      }
    }
    return inv;
  }

  /** Solves L L' x = b. */
  static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
