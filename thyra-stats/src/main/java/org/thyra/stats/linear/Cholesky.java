package org.thyra.stats.linear;

/**
 * Cholesky decomposition {@code A = F D F'} (F unit lower triangular, D diagonal) of a symmetric
 * non-negative definite matrix, with the aliasing rule of R's survival package.
 *
 * <p>This is a port of {@code cholesky2}, {@code chsolve2} and {@code chinv2} from the survival
 * package (T. Therneau). A pivot smaller than {@code toler * max(diag(A))} (or NaN / infinite) is
 * declared redundant: its diagonal element of D is set to 0, the corresponding solution component
 * of {@link #solve} is 0 and the corresponding row and column of {@link #invert} are 0. This is how
 * a Cox model reports a collinear (aliased) column as NA instead of a wrong number.
 *
 * <p>All methods work in place on a square {@code double[n][n]} so that iterative fits allocate
 * nothing. The input of {@link #decompose} is read from the upper triangle ({@code m[i][j]}, {@code
 * j >= i}); the factor is written to the lower triangle and the diagonal.
 *
 * <p>Reference: Therneau TM, survival package source, files cholesky2.c, chsolve2.c, chinv2.c.
 *
 * <p>{@link #lower}, {@link #solveLower} and {@link #inversePositiveDefinite} give the plain {@code
 * L L'} form of a strictly positive-definite matrix, which a multivariate normal draw needs.
 */
public final class Cholesky {

  private Cholesky() {}

  /**
   * Factors {@code m} in place (LDL' form, lower triangle and diagonal).
   *
   * @param m symmetric matrix; its upper triangle (including the diagonal) is read
   * @param toler relative pivot tolerance (survival's {@code toler.chol}, default {@code
   *     .Machine$double.eps^0.75})
   * @return the rank of the matrix, or minus the rank if it is not non-negative definite (a pivot
   *     below {@code -8 * toler * max(diag)}); 0 when no diagonal is positive
   */
  public static int decompose(double[][] m, double toler) {
    final int n = m.length;
    boolean nonNegative = true;
    double eps = 0;
    for (int i = 0; i < n; i++) {
      if (m[i][i] > eps) {
        eps = m[i][i];
      }
      for (int j = i + 1; j < n; j++) {
        m[j][i] = m[i][j];
      }
    }
    if (eps == 0) {
      // every column constant: nothing is estimable
      return 0;
    }
    eps *= toler;
    int rank = 0;
    for (int i = 0; i < n; i++) {
      final double pivot = m[i][i];
      if (!Double.isFinite(pivot) || pivot < eps) {
        m[i][i] = 0;
        if (pivot < -8 * eps) {
          nonNegative = false;
        }
      } else {
        rank++;
        for (int j = i + 1; j < n; j++) {
          final double temp = m[j][i] / pivot;
          m[j][i] = temp;
          m[j][j] -= temp * temp * pivot;
          for (int k = j + 1; k < n; k++) {
            m[k][j] -= temp * m[k][i];
          }
        }
      }
    }
    return nonNegative ? rank : -rank;
  }

  /**
   * Solves {@code A b = y} given the factor from {@link #decompose}; {@code y} is overwritten by
   * {@code b}. Components belonging to redundant pivots are set to 0.
   *
   * @param chol the factored matrix
   * @param y right-hand side, replaced by the solution
   */
  public static void solve(double[][] chol, double[] y) {
    final int n = chol.length;
    for (int i = 0; i < n; i++) {
      double temp = y[i];
      for (int j = 0; j < i; j++) {
        temp -= y[j] * chol[i][j];
      }
      y[i] = temp;
    }
    for (int i = n - 1; i >= 0; i--) {
      if (chol[i][i] == 0) {
        y[i] = 0;
      } else {
        double temp = y[i] / chol[i][i];
        for (int j = i + 1; j < n; j++) {
          temp -= y[j] * chol[j][i];
        }
        y[i] = temp;
      }
    }
  }

  /**
   * Replaces the factor from {@link #decompose} by the (generalised) inverse of the original matrix
   * in the upper triangle and diagonal; rows and columns of redundant pivots are 0. The lower
   * triangle is left holding {@code F^-1}; call {@link #symmetrize} for a full matrix.
   *
   * @param chol the factored matrix, overwritten
   */
  public static void invert(double[][] chol) {
    final int n = chol.length;
    for (int i = 0; i < n; i++) {
      if (chol[i][i] > 0) {
        chol[i][i] = 1 / chol[i][i];
        for (int j = i + 1; j < n; j++) {
          chol[j][i] = -chol[j][i];
          for (int k = 0; k < i; k++) {
            chol[j][k] += chol[j][i] * chol[i][k];
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (chol[i][i] == 0) {
        for (int j = 0; j < i; j++) {
          chol[j][i] = 0;
        }
        for (int j = i; j < n; j++) {
          chol[i][j] = 0;
        }
      } else {
        for (int j = i + 1; j < n; j++) {
          final double temp = chol[j][i] * chol[j][j];
          chol[i][j] = temp;
          for (int k = i; k < j; k++) {
            chol[i][k] += temp * chol[j][k];
          }
        }
      }
    }
  }

  /**
   * Copies the upper triangle onto the lower triangle.
   *
   * @param m square matrix, modified
   */
  public static void symmetrize(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < i; j++) {
        m[i][j] = m[j][i];
      }
    }
  }

  /**
   * Quadratic form {@code b' A^- b} by the survival package's Cholesky rule (as {@code
   * coxph.wtest}): redundant directions contribute nothing.
   *
   * @param a symmetric matrix (not modified)
   * @param b vector (not modified)
   * @param toler relative pivot tolerance
   * @return {@code b' A^- b}
   */
  public static double quadraticFormInverse(double[][] a, double[] b, double toler) {
    final int n = b.length;
    final double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    decompose(m, toler);
    final double[] s = b.clone();
    solve(m, s);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += b[i] * s[i];
    }
    return sum;
  }

  /**
   * Number of non-redundant pivots of a factored matrix.
   *
   * @param chol the factored matrix
   * @return count of positive diagonal elements
   */
  public static int rank(double[][] chol) {
    int df = 0;
    for (int i = 0; i < chol.length; i++) {
      if (chol[i][i] > 0) {
        df++;
      }
    }
    return df;
  }

  // The textbook form A = L L' of a strictly positive-definite matrix, for what needs L itself
  // (a multivariate normal draw b + L z, as mice's chol()) rather than survival's LDL' with
  // aliasing above. Imputation draws with it; keeping its operation order keeps imputations
  // reproducible across releases.

  /**
   * Lower-triangular L with {@code A = L L'} (row-major, A read in full).
   *
   * @param a symmetric positive-definite matrix (not modified)
   * @return L
   * @throws ArithmeticException when A is not positive definite
   */
  public static double[][] lower(double[][] a) {
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

  /**
   * {@code A^-1} of a symmetric positive-definite matrix through {@link #lower}.
   *
   * @param a the matrix (not modified)
   * @return its inverse
   */
  public static double[][] inversePositiveDefinite(double[][] a) {
    int n = a.length;
    double[][] l = lower(a);
    double[][] inv = new double[n][n];
    for (int c = 0; c < n; c++) {
      double[] e = new double[n];
      e[c] = 1;
      double[] x = solveLower(l, e);
      for (int r = 0; r < n; r++) {
        inv[r][c] = x[r];
      }
    }
    return inv;
  }

  /**
   * Solves {@code L L' x = b}.
   *
   * @param l the factor from {@link #lower}
   * @param b right-hand side (not modified)
   * @return x
   */
  public static double[] solveLower(double[][] l, double[] b) {
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
