package org.thyra.stats.inference;

import java.util.Arrays;
import java.util.Locale;

/**
 * Multiplicity adjustment of a family of p-values, exactly as R's {@code p.adjust}. NaN entries
 * (R's {@code NA}) are left as NaN and do not count towards the family size.
 */
public enum PValueAdjustment {
  /** Holm (1979) step-down: {@code min(1, cummax((m - i + 1) p_(i)))} over ascending p. */
  HOLM("holm"),
  /** Bonferroni: {@code min(1, m p)}. */
  BONFERRONI("bonferroni"),
  /**
   * Benjamini &amp; Hochberg (1995) false discovery rate: {@code min(1, cummin(m/i p_(i)))} over
   * descending p.
   */
  BH("BH"),
  /** No adjustment. */
  NONE("none");

  private final String rName;

  PValueAdjustment(String rName) {
    this.rName = rName;
  }

  /** The name R's {@code p.adjust} uses. */
  public String rName() {
    return rName;
  }

  /**
   * Parses an R method name ({@code holm}, {@code bonferroni}, {@code BH} or its alias {@code fdr},
   * {@code none}), ignoring case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static PValueAdjustment parse(String name) {
    if (name != null) {
      String s = name.trim().toLowerCase(Locale.ROOT);
      if (s.equals("fdr")) {
        return BH;
      }
      for (PValueAdjustment a : values()) {
        if (a.rName.toLowerCase(Locale.ROOT).equals(s)
            || a.name().toLowerCase(Locale.ROOT).equals(s)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown p-value adjustment '" + name + "'; expected one of holm, bonferroni, BH, none");
  }

  /**
   * Adjusts the p-values.
   *
   * @param p p-values in [0, 1] or NaN
   * @return adjusted p-values, in the input order
   * @throws IllegalArgumentException when a value is outside [0, 1]
   */
  public double[] adjust(double[] p) {
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        if (p[i] < 0 || p[i] > 1) {
          throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " is not a probability");
        }
        m++;
      }
    }
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    if (m == 0) {
      return out;
    }
    int[] idx = new int[m];
    for (int i = 0, k = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        idx[k++] = i;
      }
    }
    switch (this) {
      case NONE:
        for (int i : idx) {
          out[i] = p[i];
        }
        return out;
      case BONFERRONI:
        for (int i : idx) {
          out[i] = Math.min(1, m * p[i]);
        }
        return out;
      case HOLM:
        {
          int[] o = ascending(p, idx);
          double run = 0;
          for (int r = 0; r < m; r++) {
            run = Math.max(run, (m - r) * p[o[r]]);
            out[o[r]] = Math.min(1, run);
          }
          return out;
        }
      case BH:
        {
          int[] o = ascending(p, idx);
          double run = Double.POSITIVE_INFINITY;
          for (int r = m - 1; r >= 0; r--) {
            run = Math.min(run, (double) m / (r + 1) * p[o[r]]);
            out[o[r]] = Math.min(1, run);
          }
          return out;
        }
      default:
        throw new AssertionError(this);
    }
  }

  /** Indices sorted by ascending p (ties in input order; adjusted values of ties coincide). */
  private static int[] ascending(double[] p, int[] idx) {
    Integer[] o = new Integer[idx.length];
    for (int i = 0; i < idx.length; i++) {
      o[i] = idx[i];
    }
    Arrays.sort(o, (a, b) -> Double.compare(p[a], p[b]));
    int[] r = new int[o.length];
    for (int i = 0; i < o.length; i++) {
      r[i] = o[i];
    }
    return r;
  }
}
