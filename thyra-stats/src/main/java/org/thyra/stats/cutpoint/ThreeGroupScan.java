package org.thyra.stats.cutpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.thyra.stats.rank.RadixOrder;

/**
 * Three-group cut-point scan in the manner of X-tile (Camp, Dolled-Filhart and Rimm, 2004, Clin
 * Cancer Res 10:7252-7259): every pair of cut values {@code c1 < c2} among the distinct x values
 * splits the data into low (x &lt;= c1), middle (c1 &lt; x &lt;= c2) and high (x &gt; c2) groups,
 * each with at least {@code max(1, floor(N minprop))} observations; the pair maximising the k-group
 * log-rank chi-square ({@code survdiff}, rho = 0, 2 df) is reported. Pairs where a group has zero
 * expected events are skipped. With more than {@code maxCandidates} distinct admissible cut values,
 * candidates are thinned to values at evenly spaced ranks (stated in the method text). Each pair
 * costs O(N) after one O(N log N) sort.
 *
 * <p><b>Multiple testing:</b> the maximal chi-square is optimistically biased and its naive
 * chi-square(2) p-value ignores the search over all pairs; it is not a valid test. X-tile itself
 * validates by Monte Carlo / split-sample; this class does not.
 */
public final class ThreeGroupScan {
  /** Default upper limit on candidate cut values. */
  public static final int DEFAULT_MAX_CANDIDATES = 100;

  private ThreeGroupScan() {}

  /** With minprop 0.1 and at most {@value #DEFAULT_MAX_CANDIDATES} candidate cut values. */
  public static ThreeGroupScanResult scan(double[] time, double[] event01, double[] x) {
    return scan(time, event01, x, 0.1, DEFAULT_MAX_CANDIDATES);
  }

  /**
   * @param time follow-up times
   * @param event01 1 = event, 0 = censored
   * @param x variable to split into three groups
   * @param minprop smallest proportion of observations per group, in [0, 1/3)
   * @param maxCandidates upper limit on candidate cut values (&gt;= 2)
   */
  public static ThreeGroupScanResult scan(
      double[] time, double[] event01, double[] x, double minprop, int maxCandidates) {
    MaxSelectedRank.validateSurvival(time, event01, x);
    if (!(minprop >= 0 && minprop < 1.0 / 3)) {
      throw new IllegalArgumentException(
          "minprop must be in [0, 1/3) for three groups, got " + minprop);
    }
    if (maxCandidates < 2) {
      throw new IllegalArgumentException("maxCandidates must be >= 2, got " + maxCandidates);
    }
    int n = time.length;
    int minSize = (int) Math.max(1, Math.floor(n * minprop));
    double[] u = Arrays.stream(x).sorted().distinct().toArray();
    // count of observations <= u[k]
    double[] sx = x.clone();
    Arrays.sort(sx);
    int[] cumCount = new int[u.length];
    for (int k = 0, i = 0; k < u.length; k++) {
      while (i < n && sx[i] <= u[k]) {
        i++;
      }
      cumCount[k] = i;
    }
    // admissible cut values: at least minSize on each side (pairs are checked again below)
    List<Integer> admissible = new ArrayList<>();
    for (int k = 0; k < u.length - 1; k++) {
      if (cumCount[k] >= minSize && n - cumCount[k] >= minSize) {
        admissible.add(k);
      }
    }
    int[] cand = thin(admissible, maxCandidates);
    boolean thinned = cand.length < admissible.size();
    // observations in time order with their x rank among distinct values
    int[] ot = RadixOrder.order(time);
    double[] t = new double[n];
    double[] e = new double[n];
    int[] xr = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = time[ot[i]];
      e[i] = event01[ot[i]];
      xr[i] = Arrays.binarySearch(u, x[ot[i]]);
    }
    double best = Double.NEGATIVE_INFINITY;
    int bestA = -1;
    int bestB = -1;
    long pairs = 0;
    for (int a = 0; a < cand.length; a++) {
      for (int b = a + 1; b < cand.length; b++) {
        int c1 = cand[a];
        int c2 = cand[b];
        int n1 = cumCount[c1];
        int n2 = cumCount[c2] - n1;
        int n3 = n - cumCount[c2];
        if (n1 < minSize || n2 < minSize || n3 < minSize) {
          continue;
        }
        pairs++;
        double chi = chiSquare(t, e, xr, c1, c2, n1, n2, n3);
        if (chi > best) {
          best = chi;
          bestA = c1;
          bestB = c2;
        }
      }
    }
    if (bestA < 0) {
      throw new IllegalArgumentException(
          "no pair of cut-points leaves at least "
              + minSize
              + " observations in each of three groups ("
              + n
              + " observations, "
              + u.length
              + " distinct values)");
    }
    double p = ChiSquaredDistribution.of(2).survivalProbability(best);
    List<String> warnings = new ArrayList<>();
    String caveat =
        "multiple testing: the cut-points were chosen to maximise the statistic over "
            + pairs
            + " pairs; the chi-square(2) p-value is not adjusted and overstates significance";
    warnings.add(caveat);
    String method =
        "three-group scan in the manner of X-tile: low x <= c1 < middle x <= c2 < high, each group >= "
            + minSize
            + " observations (minprop "
            + minprop
            + "); maximal 3-group log-rank chi-square (rho = 0, 2 df) over "
            + pairs
            + " pairs of "
            + cand.length
            + " candidate cut values"
            + (thinned
                ? " (thinned from " + admissible.size() + " distinct values at evenly spaced ranks)"
                : "")
            + "; "
            + caveat;
    return new ThreeGroupScanResult(
        u[bestA],
        u[bestB],
        best,
        p,
        new int[] {cumCount[bestA], cumCount[bestB] - cumCount[bestA], n - cumCount[bestB]},
        pairs,
        cand.length,
        method,
        warnings);
  }

  private static int[] thin(List<Integer> admissible, int max) {
    int k = admissible.size();
    if (k <= max) {
      return admissible.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] out = new int[max];
    int c = 0;
    for (int i = 0; i < max; i++) {
      int v = admissible.get((int) Math.round(i * (k - 1) / (double) (max - 1)));
      if (c == 0 || out[c - 1] != v) {
        out[c++] = v;
      }
    }
    return Arrays.copyOf(out, c);
  }

  /**
   * k-group log-rank chi-square (as {@code survdiff}, rho = 0) for the groups defined by the cut
   * ranks c1 &lt; c2; data in time order. Returns NaN when a group has no expected events or the
   * variance matrix is singular.
   */
  static double chiSquare(
      double[] t, double[] e, int[] xr, int c1, int c2, int n1, int n2, int n3) {
    int n = t.length;
    double[] atRisk = {n1, n2, n3};
    double o0 = 0, o1 = 0, o2 = 0;
    double e0 = 0, e1 = 0, e2 = 0;
    double v11 = 0, v12 = 0, v22 = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      double d0 = 0, d1 = 0, d2 = 0;
      double r0 = 0, r1 = 0, r2 = 0;
      while (j < n && t[j] == t[i]) {
        int g = xr[j] <= c1 ? 0 : (xr[j] <= c2 ? 1 : 2);
        if (e[j] == 1) {
          if (g == 0) {
            d0++;
          } else if (g == 1) {
            d1++;
          } else {
            d2++;
          }
        }
        if (g == 0) {
          r0++;
        } else if (g == 1) {
          r1++;
        } else {
          r2++;
        }
        j++;
      }
      double d = d0 + d1 + d2;
      double nr = atRisk[0] + atRisk[1] + atRisk[2];
      if (d > 0) {
        double p0 = atRisk[0] / nr;
        double p1 = atRisk[1] / nr;
        double p2 = atRisk[2] / nr;
        o0 += d0;
        o1 += d1;
        o2 += d2;
        e0 += d * p0;
        e1 += d * p1;
        e2 += d * p2;
        if (nr > 1) {
          double f = d * (nr - d) / (nr - 1);
          v11 += f * p1 * (1 - p1);
          v22 += f * p2 * (1 - p2);
          v12 -= f * p1 * p2;
        }
      }
      atRisk[0] -= r0;
      atRisk[1] -= r1;
      atRisk[2] -= r2;
      i = j;
    }
    if (e0 <= 0 || e1 <= 0 || e2 <= 0) {
      return Double.NaN;
    }
    double det = v11 * v22 - v12 * v12;
    if (!(det > 0)) {
      return Double.NaN;
    }
    double a = o1 - e1;
    double b = o2 - e2;
    return (a * a * v22 - 2 * a * b * v12 + b * b * v11) / det;
  }
}
