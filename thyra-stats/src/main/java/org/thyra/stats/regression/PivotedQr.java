package org.thyra.stats.regression;

/**
 * Householder QR decomposition with LINPACK {@code dqrdc2}'s limited column pivoting, as R's {@code
 * lm.fit} / {@code glm.fit} use it.
 *
 * <p>A column whose norm, after orthogonalisation against the columns before it, falls below {@code
 * tol} times its original norm is moved to the end and counts as aliased; the rank is the number of
 * columns kept. This reproduces R's choice of aliased ({@code NA}) coefficients. The matrix is
 * stored column-major ({@code a[j][i]} = row i of column j) and is overwritten.
 *
 * <p>Reference: Dongarra et al. (1979) LINPACK Users' Guide, {@code dqrdc}; R's {@code
 * src/appl/dqrdc2.f} (modified by D. Bates, 1999).
 */
final class PivotedQr {
  private final double[][] a;
  private final int n;
  private final int p;
  private final double[] qraux;
  private final int[] pivot;
  private final int rank;

  private PivotedQr(double[][] a, int n, double tol) {
    this.a = a;
    this.n = n;
    this.p = a.length;
    this.qraux = new double[p];
    this.pivot = new int[p];
    double[] work1 = new double[p];
    double[] work2 = new double[p];
    for (int j = 0; j < p; j++) {
      pivot[j] = j;
      qraux[j] = norm(a[j], 0);
      work1[j] = qraux[j];
      work2[j] = qraux[j] == 0 ? 1 : qraux[j];
    }
    int lup = Math.min(n, p);
    int k = p; // 0-based: columns k.. are aliased
    for (int l = 0; l < lup; l++) {
      // cycle negligible columns to the end (l < k avoids infinite cycling)
      while (l < k && qraux[l] < work2[l] * tol) {
        double[] col = a[l];
        int piv = pivot[l];
        double q = qraux[l];
        double w1 = work1[l];
        double w2 = work2[l];
        for (int j = l + 1; j < p; j++) {
          a[j - 1] = a[j];
          pivot[j - 1] = pivot[j];
          qraux[j - 1] = qraux[j];
          work1[j - 1] = work1[j];
          work2[j - 1] = work2[j];
        }
        a[p - 1] = col;
        pivot[p - 1] = piv;
        qraux[p - 1] = q;
        work1[p - 1] = w1;
        work2[p - 1] = w2;
        k--;
      }
      if (l == n - 1) {
        break;
      }
      double[] xl = a[l];
      double nrmxl = norm(xl, l);
      if (nrmxl == 0) {
        continue;
      }
      if (xl[l] != 0) {
        nrmxl = Math.copySign(nrmxl, xl[l]);
      }
      double scale = 1.0 / nrmxl;
      for (int i = l; i < n; i++) {
        xl[i] *= scale;
      }
      xl[l] = 1.0 + xl[l];
      for (int j = l + 1; j < p; j++) {
        double[] xj = a[j];
        double dot = 0;
        for (int i = l; i < n; i++) {
          dot += xl[i] * xj[i];
        }
        double t = -dot / xl[l];
        for (int i = l; i < n; i++) {
          xj[i] += t * xl[i];
        }
        if (qraux[j] != 0) {
          double r = Math.abs(xj[l]) / qraux[j];
          double tt = Math.max(1.0 - r * r, 0.0);
          if (Math.abs(tt) < 1e-6) {
            // downdating lost accuracy: recompute the norm
            qraux[j] = norm(xj, l + 1);
            work1[j] = qraux[j];
          } else {
            qraux[j] = qraux[j] * Math.sqrt(tt);
          }
        }
      }
      qraux[l] = xl[l];
      xl[l] = -nrmxl;
    }
    this.rank = Math.min(k, n);
  }

  /**
   * Decomposes {@code columns} (column-major, overwritten) with tolerance {@code tol}.
   *
   * @param columns column-major matrix, each array of length {@code n}
   * @param n number of rows
   * @param tol relative tolerance for declaring a column aliased (R's glm.fit: 1e-11)
   * @return the decomposition
   */
  static PivotedQr decompose(double[][] columns, int n, double tol) {
    return new PivotedQr(columns, n, tol);
  }

  private double norm(double[] x, int from) {
    // scaled sum of squares as BLAS dnrm2, to avoid overflow
    double scale = 0;
    double ssq = 1;
    for (int i = from; i < n; i++) {
      double v = x[i];
      if (v != 0) {
        double av = Math.abs(v);
        if (scale < av) {
          double r = scale / av;
          ssq = 1 + ssq * r * r;
          scale = av;
        } else {
          double r = av / scale;
          ssq += r * r;
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }

  int rank() {
    return rank;
  }

  /** Original column index of pivoted position j. */
  int pivot(int j) {
    return pivot[j];
  }

  /**
   * Least-squares coefficients in original column order; aliased columns get 0 (as {@code dqrls}).
   * {@code y} is not modified.
   */
  double[] solve(double[] y) {
    double[] qty = y.clone();
    int ju = Math.min(rank, n - 1);
    for (int j = 0; j < ju; j++) {
      if (qraux[j] == 0) {
        continue;
      }
      double[] xj = a[j];
      double diag = xj[j];
      xj[j] = qraux[j];
      double dot = 0;
      for (int i = j; i < n; i++) {
        dot += xj[i] * qty[i];
      }
      double t = -dot / xj[j];
      for (int i = j; i < n; i++) {
        qty[i] += t * xj[i];
      }
      xj[j] = diag;
    }
    double[] b = new double[rank];
    System.arraycopy(qty, 0, b, 0, rank);
    for (int j = rank - 1; j >= 0; j--) {
      b[j] /= a[j][j];
      double t = -b[j];
      for (int i = 0; i < j; i++) {
        b[i] += t * a[j][i];
      }
    }
    double[] coef = new double[p];
    for (int j = 0; j < rank; j++) {
      coef[pivot[j]] = b[j];
    }
    return coef;
  }

  /**
   * (R'R)^-1 over the non-aliased columns, in original column order (R's {@code chol2inv}); rows
   * and columns of aliased columns are NaN.
   */
  double[][] unscaledCovariance() {
    // invert the upper triangular R (rank x rank)
    double[][] rinv = new double[rank][rank]; // rinv[i][j], i <= j
    for (int j = 0; j < rank; j++) {
      rinv[j][j] = 1.0 / a[j][j];
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int m = i + 1; m <= j; m++) {
          s += a[m][i] * rinv[m][j];
        }
        rinv[i][j] = -s / a[i][i];
      }
    }
    double[][] cov = new double[p][p];
    for (double[] row : cov) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (int i = 0; i < rank; i++) {
      for (int j = i; j < rank; j++) {
        double s = 0;
        for (int m = j; m < rank; m++) {
          s += rinv[i][m] * rinv[j][m];
        }
        cov[pivot[i]][pivot[j]] = s;
        cov[pivot[j]][pivot[i]] = s;
      }
    }
    return cov;
  }
}
