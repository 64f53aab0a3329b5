package org.thyra.stats.regression;

/**
 * Interpolating cubic spline with Forsythe, Malcolm and Moler's end conditions (third derivatives
 * at the ends matched to divided differences), as R's {@code spline(method = "fmm")}.
 *
 * <p>Reference: Forsythe, Malcolm and Moler (1977) Computer Methods for Mathematical Computations,
 * §4.4; R {@code src/library/stats/src/splines.c}.
 */
final class FmmSpline {
  private final double[] x;
  private final double[] y;
  private final double[] b;
  private final double[] c;
  private final double[] d;

  /**
   * @param x strictly increasing knots; @param y values at the knots
   */
  FmmSpline(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("spline needs at least 2 distinct knots, got " + n);
    }
    this.x = x.clone();
    this.y = y.clone();
    // 1-based arrays as in the C original, to keep the recurrences recognisable
    double[] xx = new double[n + 1];
    double[] yy = new double[n + 1];
    double[] bb = new double[n + 1];
    double[] cc = new double[n + 1];
    double[] dd = new double[n + 1];
    for (int i = 0; i < n; i++) {
      xx[i + 1] = x[i];
      yy[i + 1] = y[i];
    }
    if (n < 3) {
      double t = yy[2] - yy[1];
      bb[1] = t / (xx[2] - xx[1]);
      bb[2] = bb[1];
    } else {
      int nm1 = n - 1;
      dd[1] = xx[2] - xx[1];
      cc[2] = (yy[2] - yy[1]) / dd[1];
      for (int i = 2; i < n; i++) {
        dd[i] = xx[i + 1] - xx[i];
        bb[i] = 2.0 * (dd[i - 1] + dd[i]);
        cc[i + 1] = (yy[i + 1] - yy[i]) / dd[i];
        cc[i] = cc[i + 1] - cc[i];
      }
      bb[1] = -dd[1];
      bb[n] = -dd[nm1];
      cc[1] = 0.0;
      cc[n] = 0.0;
      if (n > 3) {
        cc[1] = cc[3] / (xx[4] - xx[2]) - cc[2] / (xx[3] - xx[1]);
        cc[n] = cc[nm1] / (xx[n] - xx[n - 2]) - cc[n - 2] / (xx[nm1] - xx[n - 3]);
        cc[1] = cc[1] * dd[1] * dd[1] / (xx[4] - xx[1]);
        cc[n] = -cc[n] * dd[nm1] * dd[nm1] / (xx[n] - xx[n - 3]);
      }
      for (int i = 2; i <= n; i++) {
        double t = dd[i - 1] / bb[i - 1];
        bb[i] = bb[i] - t * dd[i - 1];
        cc[i] = cc[i] - t * cc[i - 1];
      }
      cc[n] = cc[n] / bb[n];
      for (int i = nm1; i >= 1; i--) {
        cc[i] = (cc[i] - dd[i] * cc[i + 1]) / bb[i];
      }
      bb[n] = (yy[n] - yy[n - 1]) / dd[n - 1] + dd[n - 1] * (cc[n - 1] + 2.0 * cc[n]);
      for (int i = 1; i <= nm1; i++) {
        bb[i] = (yy[i + 1] - yy[i]) / dd[i] - dd[i] * (cc[i + 1] + 2.0 * cc[i]);
        dd[i] = (cc[i + 1] - cc[i]) / dd[i];
        cc[i] = 3.0 * cc[i];
      }
      cc[n] = 3.0 * cc[n];
      dd[n] = dd[nm1];
    }
    b = new double[n];
    c = new double[n];
    d = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = bb[i + 1];
      c[i] = cc[i + 1];
      d[i] = dd[i + 1];
    }
  }

  /** Value of the spline at u (cubic extrapolation outside the knots, as R). */
  double value(double u) {
    int n = x.length;
    int i = 0;
    if (u < x[0] || (n > 1 && x[1] < u)) {
      int j = n;
      do {
        int k = (i + j) / 2;
        if (u < x[k]) {
          j = k;
        } else {
          i = k;
        }
      } while (j > i + 1);
    }
    double dx = u - x[i];
    return y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
  }
}
