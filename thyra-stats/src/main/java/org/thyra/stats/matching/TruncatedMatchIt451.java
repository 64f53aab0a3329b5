package org.thyra.stats.matching;

import java.util.Arrays;
import org.thyra.stats.rank.StableOrder;

/**
 * Emulation of MatchIt 4.5.1's {@code nn_matchC_vec} as built in Debian 12 (see {@link
 * DistanceComparison#MATCHIT_4_5_1_TRUNCATED}): all units of a stratum sorted by distance (stable),
 * the nearest available control searched to the left and to the right of the treated unit, each
 * side's search stopping at the first available control whose integer-truncated difference exceeds
 * the caliper, the left one kept when its truncated difference is not larger. Quadratic in the
 * worst case; for reproducing results only.
 */
final class TruncatedMatchIt451 {
  private TruncatedMatchIt451() {}

  static void match(
      double[] distance,
      boolean[] treated,
      int[] stratum,
      int[] treatedRows,
      int[][] mm,
      double caliper,
      MatchingOptions options) {
    int[] codes = stratum.clone();
    Arrays.sort(codes);
    int[] rowOfTreated = new int[distance.length];
    Arrays.fill(rowOfTreated, -1);
    for (int t = 0; t < treatedRows.length; t++) {
      rowOfTreated[treatedRows[t]] = t;
    }
    for (int i = 0; i < codes.length; i++) {
      if (i > 0 && codes[i] == codes[i - 1]) {
        continue;
      }
      int code = codes[i];
      int count = 0;
      for (int s : stratum) {
        count += s == code ? 1 : 0;
      }
      int[] units = new int[count];
      for (int r = 0, k = 0; r < stratum.length; r++) {
        if (stratum[r] == code) {
          units[k++] = r;
        }
      }
      matchStratum(distance, treated, units, rowOfTreated, mm, caliper, options);
    }
  }

  private static long truncatedAbs(double x) {
    return Math.abs((long) x); // C: abs((int) x), truncation toward zero
  }

  private static void matchStratum(
      double[] distance,
      boolean[] treated,
      int[] units,
      int[] rowOfTreated,
      int[][] mm,
      double caliper,
      MatchingOptions options) {
    int n = units.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = distance[units[i]];
    }
    int[] sorted = StableOrder.ascending(d); // sorted position -> local index
    int[] position = new int[n];
    for (int p = 0; p < n; p++) {
      position[sorted[p]] = p;
    }
    int n1 = 0;
    for (int u : units) {
      n1 += treated[u] ? 1 : 0;
    }
    if (n1 == 0 || n1 == n) {
      return;
    }
    int[] local1 = new int[n1];
    double[] d1 = new double[n1];
    for (int i = 0, k = 0; i < n; i++) {
      if (treated[units[i]]) {
        local1[k] = i;
        d1[k] = d[i];
        k++;
      }
    }
    MatchOrder order = options.replace() ? MatchOrder.DATA : options.order();
    // local1 holds local indices into d, so the order is computed on the stratum's distances
    int[] ord = NearestNeighbourMatching.treatedOrder(d, local1, order, options.seed());
    long reuseMax = options.replace() ? Integer.MAX_VALUE : 1;
    long[] timesMatched = new long[n];
    boolean[] canBeMatched = new boolean[n];
    for (int p = 0; p < n; p++) {
      canBeMatched[p] = !treated[units[sorted[p]]];
    }
    boolean useCaliper = !Double.isNaN(caliper);
    for (int r = 0; r < options.ratio(); r++) {
      for (int v : ord) {
        int local = local1[v];
        int ii = position[local];
        int t = rowOfTreated[units[local]];
        int[] row = mm[t];
        int kl = find(ii, -1, sorted, units, treated, canBeMatched, r, row, d, useCaliper, caliper);
        int kr = find(ii, +1, sorted, units, treated, canBeMatched, r, row, d, useCaliper, caliper);
        int k;
        double dti = d[sorted[ii]];
        if (kl >= 0 && kr >= 0) {
          k = truncatedAbs(d[sorted[kl]] - dti) <= truncatedAbs(d[sorted[kr]] - dti) ? kl : kr;
        } else if (kl >= 0) {
          k = kl;
        } else if (kr >= 0) {
          k = kr;
        } else {
          continue;
        }
        row[r] = units[sorted[k]];
        timesMatched[k]++;
        if (timesMatched[k] >= reuseMax) {
          canBeMatched[k] = false;
        }
        boolean any = false;
        for (boolean b : canBeMatched) {
          if (b) {
            any = true;
            break;
          }
        }
        if (!any) {
          return;
        }
      }
    }
  }

  private static int find(
      int ii,
      int step,
      int[] sorted,
      int[] units,
      boolean[] treated,
      boolean[] canBeMatched,
      int r,
      int[] row,
      double[] d,
      boolean useCaliper,
      double caliper) {
    int n = sorted.length;
    double dii = d[sorted[ii]];
    for (int k = ii + step; k >= 0 && k < n; k += step) {
      int unit = units[sorted[k]];
      if (treated[unit]) {
        continue;
      }
      if (r > 0 && checkIn(sorted[k], unit, row, units)) {
        continue;
      }
      if (!canBeMatched[k]) {
        continue;
      }
      if (useCaliper && truncatedAbs(dii - d[sorted[k]]) > caliper) {
        return -1;
      }
      return k;
    }
    return -1;
  }

  /**
   * MatchIt 4.5.1 compares the 0-based stratum index of the candidate with the 1-based indices it
   * stored for this treated unit, so it skips the unit just after an earlier match instead of the
   * earlier match itself.
   */
  private static boolean checkIn(int localIndex, int unit, int[] row, int[] units) {
    for (int m : row) {
      if (m < 0) {
        continue;
      }
      int local1Based = Arrays.binarySearch(units, m) + 1;
      if (local1Based == localIndex) {
        return true;
      }
    }
    return false;
  }
}
