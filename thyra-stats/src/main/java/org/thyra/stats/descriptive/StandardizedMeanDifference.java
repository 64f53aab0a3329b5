package org.thyra.stats.descriptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.means.SampleMoments;
import org.thyra.stats.rank.GroupCodes;

/**
 * Standardised mean differences as R's {@code tableone} reports them.
 *
 * <p>Continuous: {@code |m1 - m2| / sqrt((v1 + v2) / 2)} (unweighted pooled SD). Categorical with
 * levels {@code 1..K}: Yang &amp; Dalton's multinomial SMD {@code sqrt(T' S^+ T)}, {@code T = p1 -
 * p2} over levels 2..K, {@code S = (S1 + S2)/2}, {@code S_g = diag(p) - p p'} (levels 2..K) and
 * {@code S^+} the Moore–Penrose inverse (eigenvalues below {@code sqrt(eps) * max} dropped, as
 * {@code MASS::ginv}). For a binary variable this is {@code |p1 - p2| / sqrt((p1(1-p1) +
 * p2(1-p2))/2)}. With more than two groups every pair is computed and their mean reported. Missing
 * values and missing groups are ignored.
 *
 * <p>References: Yang &amp; Dalton (2012), SAS Global Forum paper 335-2012; Austin (2009), Stat Med
 * 28:3083–3107; Yoshida &amp; Bartel, R package {@code tableone} ({@code StdDiff}, {@code
 * StdDiffMulti}).
 */
public final class StandardizedMeanDifference {
  private StandardizedMeanDifference() {}

  /**
   * SMD of a continuous variable.
   *
   * @param x values (NaN = missing)
   * @param group group codes (NaN = missing)
   * @return pairwise SMDs and their mean
   */
  public static SmdResult continuous(double[] x, double[] group) {
    checkLengths(x, group);
    double[] codes = GroupCodes.distinctSorted(group);
    checkGroups(codes);
    int k = codes.length;
    SampleMoments[] m = new SampleMoments[k];
    for (int j = 0; j < k; j++) {
      m[j] = SampleMoments.of(subset(x, group, codes[j]));
    }
    List<String> warnings = new ArrayList<>();
    double[] pw =
        pairwise(
            k,
            (a, b) ->
                Math.abs(m[a].mean() - m[b].mean())
                    / Math.sqrt((m[a].variance() + m[b].variance()) / 2));
    for (int j = 0; j < k; j++) {
      if (m[j].n() < 2) {
        warnings.add(
            "group " + codes[j] + " has fewer than 2 non-missing values: its SMDs are undefined");
      }
    }
    return result(pw, codes, "continuous: |m1 - m2| / sqrt((v1 + v2)/2)", warnings);
  }

  /**
   * SMD of a categorical variable (levels are the distinct non-missing codes of {@code x} among
   * rows with a group).
   *
   * @param x level codes (NaN = missing)
   * @param group group codes (NaN = missing)
   * @return pairwise SMDs and their mean
   */
  public static SmdResult categorical(double[] x, double[] group) {
    checkLengths(x, group);
    double[] codes = GroupCodes.distinctSorted(group);
    checkGroups(codes);
    double[] xs = x.clone();
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(group[i])) {
        xs[i] = Double.NaN;
      }
    }
    double[] levels = GroupCodes.distinctSorted(xs);
    int k = codes.length;
    int l = levels.length;
    double[][] prop = new double[k][l];
    double[] count = new double[k];
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(xs[i])) {
        continue;
      }
      int g = Arrays.binarySearch(codes, group[i]);
      prop[g][Arrays.binarySearch(levels, xs[i])]++;
      count[g]++;
    }
    List<String> warnings = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      if (count[g] == 0) {
        warnings.add("group " + codes[g] + " has no non-missing values: its SMDs are undefined");
      }
      for (int v = 0; v < l; v++) {
        prop[g][v] /= count[g];
      }
    }
    double[] pw = pairwise(k, (a, b) -> multinomial(prop[a], prop[b]));
    return result(pw, codes, "categorical: Yang & Dalton sqrt(T' S^+ T)", warnings);
  }

  /** The SMD of one pair of groups (by index). */
  private interface PairSmd {
    double of(int a, int b);
  }

  /** The SMD of every pair a &lt; b of the k groups, in the order (0,1), (0,2), ..., (k-2,k-1). */
  private static double[] pairwise(int k, PairSmd smd) {
    double[] pw = new double[k * (k - 1) / 2];
    int q = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        pw[q++] = smd.of(a, b);
      }
    }
    return pw;
  }

  private static SmdResult result(
      double[] pw, double[] codes, String formula, List<String> warnings) {
    String pairs = codes.length > 2 ? "mean of pairwise SMDs" : "two groups";
    return new SmdResult(mean(pw), pw, codes, formula + "; " + pairs, warnings);
  }

  /** sqrt(T' S^+ T) over levels 2..K. */
  static double multinomial(double[] p1, double[] p2) {
    int d = p1.length - 1;
    if (d < 1) {
      return 0;
    }
    double[] t = new double[d];
    double[][] s = new double[d][d];
    for (int i = 0; i < d; i++) {
      t[i] = p1[i + 1] - p2[i + 1];
      for (int j = 0; j < d; j++) {
        double c1 = (i == j ? p1[i + 1] : 0) - p1[i + 1] * p1[j + 1];
        double c2 = (i == j ? p2[i + 1] : 0) - p2[i + 1] * p2[j + 1];
        s[i][j] = (c1 + c2) / 2;
      }
    }
    for (double v : t) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
    }
    SymmetricEigen e = SymmetricEigen.of(s);
    double max = 0;
    for (double v : e.values()) {
      max = Math.max(max, Math.abs(v));
    }
    double tol = Math.sqrt(Math.ulp(1.0)) * max;
    double q = 0;
    for (int k = 0; k < d; k++) {
      double lambda = e.values()[k];
      if (lambda > tol) {
        double proj = 0;
        for (int i = 0; i < d; i++) {
          proj += e.vectors()[i][k] * t[i];
        }
        q += proj * proj / lambda;
      }
    }
    return Math.sqrt(q);
  }

  private static double[] subset(double[] x, double[] group, double code) {
    int n = 0;
    for (double g : group) {
      if (g == code) {
        n++;
      }
    }
    double[] out = new double[n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (group[i] == code) {
        out[k++] = x[i];
      }
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  private static void checkLengths(double[] x, double[] group) {
    if (x.length != group.length) {
      throw new IllegalArgumentException(
          "'x' and 'group' must have the same length, got " + x.length + " and " + group.length);
    }
  }

  private static void checkGroups(double[] codes) {
    if (codes.length < 2) {
      throw new IllegalArgumentException("an SMD needs at least 2 groups, got " + codes.length);
    }
  }
}
