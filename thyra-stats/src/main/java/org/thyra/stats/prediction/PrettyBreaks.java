package org.thyra.stats.prediction;

/**
 * "Pretty" axis values as R's {@code pretty(c(lo, hi), n)} (R 4.2 {@code R_pretty}: unit chosen
 * among 1, 2, 5 and 10 times a power of ten with {@code high.u.bias = 1.5}, {@code u5.bias = 2.75},
 * {@code min.n = n %/% 3}, {@code shrink.sml = 0.75}; values within 1e-14 of a step of zero are set
 * to zero). Used for the default nomogram axes ({@code rms::nomogram} takes {@code pretty(range(x),
 * 10)}).
 *
 * <p>Reference: R Core Team, src/appl/pretty.c; Becker RA, Chambers JM, Wilks AR (1988) The New S
 * Language.
 */
public final class PrettyBreaks {

  private static final double ROUNDING_EPS = 1e-10;
  private static final double HIGH_U_BIAS = 1.5;
  private static final double U5_BIAS = 0.5 + 1.5 * HIGH_U_BIAS;
  private static final double SHRINK_SML = 0.75;

  private PrettyBreaks() {}

  /**
   * Pretty values covering {@code [lo, hi]}.
   *
   * @param lo lower end, finite
   * @param hi upper end, finite, >= lo
   * @param n desired number of intervals, >= 1
   * @return about n + 1 equally spaced round values, the first <= lo and the last >= hi
   * @throws IllegalArgumentException for non-finite ends, hi < lo or n < 1
   */
  public static double[] of(double lo, double hi, int n) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
      throw new IllegalArgumentException("pretty needs finite lo <= hi, got " + lo + ", " + hi);
    }
    if (n < 1) {
      throw new IllegalArgumentException("number of intervals must be >= 1, got " + n);
    }
    final int minN = n / 3;
    final double h = HIGH_U_BIAS;
    final double h5 = U5_BIAS;
    final double dx = hi - lo;
    double cell;
    final boolean small;
    if (dx == 0 && hi == 0) {
      cell = 1;
      small = true;
    } else {
      cell = Math.max(Math.abs(lo), Math.abs(hi));
      double u = 1 + ((h5 >= 1.5 * h + 0.5) ? 1 / (1 + h) : 1.5 / (1 + h5));
      u *= Math.max(1, n) * Math.ulp(1.0);
      small = dx < cell * u * 3;
    }
    if (small) {
      if (cell > 10) {
        cell = 9 + cell / 10;
      }
      cell *= SHRINK_SML;
      if (minN > 1) {
        cell /= minN;
      }
    } else {
      cell = dx;
      if (n > 1) {
        cell /= n;
      }
    }
    final double base = Math.pow(10.0, Math.floor(Math.log10(cell)));
    double unit = base;
    double ns = 2 * base;
    if (ns - cell < h * (cell - unit)) {
      unit = ns;
      ns = 5 * base;
      if (ns - cell < h5 * (cell - unit)) {
        unit = ns;
        ns = 10 * base;
        if (ns - cell < h * (cell - unit)) {
          unit = ns;
        }
      }
    }
    double nsLo = Math.floor(lo / unit + ROUNDING_EPS);
    double nuHi = Math.ceil(hi / unit - ROUNDING_EPS);
    while (nsLo * unit > lo + ROUNDING_EPS * unit) {
      nsLo--;
    }
    while (nuHi * unit < hi - ROUNDING_EPS * unit) {
      nuHi++;
    }
    int k = (int) (0.5 + nuHi - nsLo);
    int ndiv;
    if (k < minN) {
      k = minN - k;
      if (nsLo >= 0) {
        nuHi += k / 2;
        nsLo -= k / 2 + k % 2;
      } else {
        nsLo -= k / 2;
        nuHi += k / 2 + k % 2;
      }
      ndiv = minN;
    } else {
      ndiv = k;
    }
    final double from = Math.min(nsLo * unit, lo);
    final double to = Math.max(nuHi * unit, hi);
    // seq.int(from, to, length.out = ndiv + 1)
    final double[] s = new double[ndiv + 1];
    if (ndiv == 0) {
      s[0] = from;
      return s;
    }
    final double by = (to - from) / ndiv;
    for (int i = 0; i <= ndiv; i++) {
      s[i] = i == ndiv ? to : from + i * by;
      if (Math.abs(s[i]) < 1e-14 * by) {
        s[i] = 0;
      }
    }
    return s;
  }
}
