package org.thyra.report.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis tick positions and their labels: "pretty" steps of 1, 2, 2.5 or 5 × 10^k (as R's {@code
 * pretty}), and log-axis ticks for ratios.
 */
final class Ticks {
  private Ticks() {}

  /** About {@code n} evenly spaced round values covering [lo, hi]. */
  static double[] pretty(double lo, double hi, int n) {
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double raw = (hi - lo) / Math.max(1, n);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw * 0.999) {
        step = m * mag;
        break;
      }
    }
    double start = Math.floor(lo / step + 1e-9) * step;
    double end = Math.ceil(hi / step - 1e-9) * step;
    int k = (int) Math.round((end - start) / step);
    double[] t = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      t[i] = clean(start + i * step);
    }
    return t;
  }

  /** Rounds away binary noise (0.30000000000000004 → 0.3). */
  static double clean(double x) {
    return new BigDecimal(x).round(new java.math.MathContext(12)).doubleValue();
  }

  /** Shortest plain label of a tick value (no exponent, no trailing zeros). */
  static String label(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return new BigDecimal(clean(x))
        .round(new java.math.MathContext(10))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Labels with the same number of decimals for every tick (0.0, 0.2, ... 1.0). */
  static List<String> labels(double[] ticks) {
    int decimals = 0;
    for (double t : ticks) {
      String s = label(t);
      int dot = s.indexOf('.');
      if (dot >= 0) {
        decimals = Math.max(decimals, s.length() - dot - 1);
      }
    }
    List<String> out = new ArrayList<>();
    for (double t : ticks) {
      out.add(
          decimals == 0
              ? label(t)
              : new BigDecimal(clean(t))
                  .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                  .toPlainString());
    }
    return out;
  }

  /**
   * Candidate log-axis tick sets for ratios within [lo, hi], finest first: 1-2-5 per decade, 1-3,
   * every decade, every other decade; each holds 1 when [lo, hi] does.
   */
  static List<double[]> logSets(double lo, double hi) {
    List<double[]> sets =
        List.of(new double[] {1, 2, 5}, new double[] {1, 3}, new double[] {1}, new double[] {1});
    int[] every = {1, 1, 1, 2};
    List<double[]> out = new ArrayList<>();
    for (int s = 0; s < sets.size(); s++) {
      List<Double> t = new ArrayList<>();
      int d0 = (int) Math.floor(Math.log10(lo)) - 1;
      int d1 = (int) Math.ceil(Math.log10(hi)) + 1;
      for (int d = d0; d <= d1; d++) {
        if (Math.floorMod(d, every[s]) != 0) {
          continue;
        }
        for (double m : sets.get(s)) {
          double v = clean(m * Math.pow(10, d));
          if (v >= lo * 0.9999 && v <= hi * 1.0001) {
            t.add(v);
          }
        }
      }
      // always show 1 on a ratio axis
      if (!t.contains(1.0) && lo <= 1 && hi >= 1) {
        t.add(1.0);
        t.sort(Double::compare);
      }
      out.add(t.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }

  /** Log-axis ticks for ratios within [lo, hi]: the finest of {@link #logSets} with at most 8. */
  static double[] log(double lo, double hi) {
    List<double[]> sets = logSets(lo, hi);
    for (double[] t : sets) {
      if (t.length <= 8) {
        return t;
      }
    }
    return sets.get(sets.size() - 1);
  }
}
