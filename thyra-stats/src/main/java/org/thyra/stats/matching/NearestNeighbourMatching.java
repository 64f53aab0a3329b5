package org.thyra.stats.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.thyra.stats.rank.SortedSearch;
import org.thyra.stats.rank.StableOrder;

/**
 * Greedy nearest-neighbour matching on a scalar distance (a propensity score or its logit), for the
 * ATT, as MatchIt 4.5's {@code matchit(method = "nearest")} given the distance as a vector.
 *
 * <p>Treated units are taken in the chosen {@link MatchOrder}; each takes the nearest available
 * control (within its exact-matching stratum and within the caliper). With {@code ratio = k},
 * matching runs in k rounds, every treated unit taking one more control per round, as MatchIt.
 * Without replacement a control is used once; with replacement each treated unit takes its k
 * nearest distinct controls and the order is immaterial (MatchIt then uses data order).
 *
 * <p>Algorithm: controls of each stratum are sorted once by (distance, row); each treated unit
 * finds its insertion point by binary search and the nearest available control on either side
 * through two path-compressed "next available" forests (left and right) over the sorted positions,
 * so used controls are skipped in amortised near-constant time. Total cost O((n_t + n_c) log n_c)
 * for any caliper, with no n_t × n_c distance matrix.
 *
 * <p>References: Rosenbaum &amp; Rubin (1985), Am Stat 39:33–38; Austin (2011), Pharm Stat
 * 10:150–161 (caliper 0.2 SD of the logit); Ho, Imai, King &amp; Stuart (2011), J Stat Softw 42(8)
 * (MatchIt).
 */
public final class NearestNeighbourMatching {
  private NearestNeighbourMatching() {}

  /**
   * Matches treated units to controls.
   *
   * @param distance matching distance per data row (finite)
   * @param treated treatment indicator per data row
   * @param exactStratum exact-matching stratum code per row (units match only within a stratum), or
   *     null for none
   * @param options ratio, caliper, order, replacement, comparison rule
   * @return matches, weights and the conventions used
   */
  public static MatchResult match(
      double[] distance, boolean[] treated, int[] exactStratum, MatchingOptions options) {
    int n = distance.length;
    if (treated.length != n || (exactStratum != null && exactStratum.length != n)) {
      throw new IllegalArgumentException(
          "distance, treated and exactStratum must have the same length, got "
              + n
              + ", "
              + treated.length
              + (exactStratum == null ? "" : ", " + exactStratum.length));
    }
    int n1 = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(distance[i])) {
        throw new IllegalArgumentException(
            "distance must be finite; row " + (i + 1) + " has " + distance[i]);
      }
      n1 += treated[i] ? 1 : 0;
    }
    int n0 = n - n1;
    if (n1 == 0) {
      throw new IllegalArgumentException("no treated units");
    }
    if (n0 == 0) {
      throw new IllegalArgumentException("no control units");
    }
    int[] stratum = exactStratum == null ? new int[n] : exactStratum;
    double caliperAbs = Double.NaN;
    if (options.hasCaliper()) {
      caliperAbs =
          options.caliperScale() == CaliperScale.STANDARD_DEVIATIONS
              ? options.caliper() * standardDeviation(distance)
              : options.caliper();
    }
    List<String> warnings = new ArrayList<>();
    sizeWarnings(treated, stratum, exactStratum != null, options, warnings);

    int[] treatedRows = new int[n1];
    for (int i = 0, k = 0; i < n; i++) {
      if (treated[i]) {
        treatedRows[k++] = i;
      }
    }
    MatchOrder order = options.replace() ? MatchOrder.DATA : options.order();
    int[] visit = treatedOrder(distance, treatedRows, order, options.seed());
    int[][] mm = new int[n1][options.ratio()];
    for (int[] row : mm) {
      Arrays.fill(row, -1);
    }
    if (options.comparison() == DistanceComparison.EXACT) {
      new SortedControls(distance, treated, stratum)
          .match(treatedRows, visit, mm, caliperAbs, options);
    } else {
      TruncatedMatchIt451.match(distance, treated, stratum, treatedRows, mm, caliperAbs, options);
    }
    return result(distance.length, treatedRows, mm, caliperAbs, n1, n0, options, order, warnings);
  }

  private static MatchResult result(
      int n,
      int[] treatedRows,
      int[][] mm,
      double caliperAbs,
      int n1,
      int n0,
      MatchingOptions options,
      MatchOrder order,
      List<String> warnings) {
    double[] w = new double[n];
    int matchedTreated = 0;
    for (int t = 0; t < mm.length; t++) {
      int m = 0;
      for (int c : mm[t]) {
        m += c >= 0 ? 1 : 0;
      }
      if (m == 0) {
        continue;
      }
      matchedTreated++;
      w[treatedRows[t]] = 1;
      for (int c : mm[t]) {
        if (c >= 0) {
          w[c] += 1.0 / m;
        }
      }
    }
    boolean[] isTreated = new boolean[n];
    for (int r : treatedRows) {
      isTreated[r] = true;
    }
    int matchedControl = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!isTreated[i] && w[i] > 0) {
        matchedControl++;
        sum += w[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (!isTreated[i] && w[i] > 0) {
        w[i] *= matchedControl / sum;
      }
    }
    if (matchedTreated < n1) {
      warnings.add(
          (n1 - matchedTreated)
              + " of "
              + n1
              + " treated units have no match"
              + (options.hasCaliper() ? " within the caliper" : ""));
    }
    if (options.comparison() == DistanceComparison.MATCHIT_4_5_1_TRUNCATED
        && options.hasCaliper()) {
      warnings.add(
          "MatchIt 4.5.1 compatibility: distance differences are truncated to integers, so the "
              + "caliper only rejects differences of 1 or more");
    }
    String method =
        "nearest neighbour (greedy), ATT; distance: "
            + options.distanceScale().name().toLowerCase()
            + "; ratio 1:"
            + options.ratio()
            + "; "
            + (options.replace() ? "with" : "without")
            + " replacement"
            + "; order: "
            + order.name().toLowerCase()
            + (options.replace() && options.order() != MatchOrder.DATA
                ? " (with replacement, as MatchIt)"
                : "")
            + (order == MatchOrder.RANDOM ? " (seed " + options.seed() + ", SplittableRandom)" : "")
            + "; caliper: "
            + (options.hasCaliper()
                ? options.caliper()
                    + (options.caliperScale() == CaliperScale.STANDARD_DEVIATIONS
                        ? " SD of the distance (all units)"
                        : " raw")
                    + " = "
                    + caliperAbs
                : "none")
            + "; comparison: "
            + (options.comparison() == DistanceComparison.EXACT
                ? "exact |difference|, ties to lowest row"
                : "MatchIt 4.5.1 integer-truncated (compatibility)");
    return new MatchResult(
        treatedRows, mm, caliperAbs, n1, n0, matchedTreated, matchedControl, w, method, warnings);
  }

  private static void sizeWarnings(
      boolean[] treated,
      int[] stratum,
      boolean exact,
      MatchingOptions options,
      List<String> warnings) {
    if (options.replace()) {
      return;
    }
    double[] codes = new double[stratum.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = stratum[i];
    }
    int[] byCode = StableOrder.ascending(codes);
    boolean fewer = false;
    boolean notK = false;
    int i = 0;
    while (i < byCode.length) {
      int code = stratum[byCode[i]];
      long t = 0;
      long c = 0;
      int j = i;
      while (j < byCode.length && stratum[byCode[j]] == code) {
        if (treated[byCode[j]]) {
          t++;
        } else {
          c++;
        }
        j++;
      }
      fewer |= t > 0 && c < t;
      notK |= t > 0 && c < t * options.ratio();
      i = j;
    }
    if (fewer) {
      warnings.add(
          exact
              ? "Fewer control units than treated units in some 'exact' strata; not all treated units "
                  + "will get a match."
              : "Fewer control units than treated units; not all treated units will get a match.");
    } else if (notK && options.ratio() > 1) {
      warnings.add("Not all treated units will get " + options.ratio() + " matches.");
    }
  }

  static int[] treatedOrder(double[] distance, int[] treatedRows, MatchOrder order, long seed) {
    int n1 = treatedRows.length;
    double[] dt = new double[n1];
    for (int k = 0; k < n1; k++) {
      dt[k] = distance[treatedRows[k]];
    }
    switch (order) {
      case LARGEST:
        return StableOrder.descending(dt);
      case SMALLEST:
        return StableOrder.ascending(dt);
      case RANDOM:
        {
          int[] p = new int[n1];
          for (int k = 0; k < n1; k++) {
            p[k] = k;
          }
          SplittableRandom rng = new SplittableRandom(seed);
          for (int k = n1 - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int tmp = p[k];
            p[k] = p[j];
            p[j] = tmp;
          }
          return p;
        }
      default:
        {
          int[] p = new int[n1];
          for (int k = 0; k < n1; k++) {
            p[k] = k;
          }
          return p;
        }
    }
  }

  /** Sample standard deviation (n - 1), two-pass. */
  static double standardDeviation(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  /** Controls sorted by (stratum, distance, row) with "next available" forests. */
  private static final class SortedControls {
    private final double[] cd;
    private final int[] row;
    private final int[] runStart;
    private final int[] rightParent;
    private final int[] leftParent;
    private final int[] strataCodes;
    private final int[] strataStart;
    private final int[] strataEnd;
    private final double[] distance;
    private final int[] stratum;

    SortedControls(double[] distance, boolean[] treated, int[] stratum) {
      this.distance = distance;
      this.stratum = stratum;
      int[] byDistance = StableOrder.ascending(distance);
      int n0 = 0;
      for (boolean t : treated) {
        n0 += t ? 0 : 1;
      }
      int[] ctrl = new int[n0];
      int k = 0;
      for (int idx : byDistance) {
        if (!treated[idx]) {
          ctrl[k++] = idx;
        }
      }
      // stable partition by stratum code: order of codes, then counting placement
      int[] codes = new int[n0];
      for (int i = 0; i < n0; i++) {
        codes[i] = stratum[ctrl[i]];
      }
      int[] distinct = codes.clone();
      Arrays.sort(distinct);
      int m = 0;
      for (int i = 0; i < distinct.length; i++) {
        if (i == 0 || distinct[i] != distinct[i - 1]) {
          distinct[m++] = distinct[i];
        }
      }
      strataCodes = Arrays.copyOf(distinct, m);
      strataStart = new int[m];
      strataEnd = new int[m];
      int[] counts = new int[m];
      for (int c : codes) {
        counts[Arrays.binarySearch(strataCodes, c)]++;
      }
      for (int s = 0, pos = 0; s < m; s++) {
        strataStart[s] = pos;
        pos += counts[s];
        strataEnd[s] = pos;
      }
      int[] fill = strataStart.clone();
      row = new int[n0];
      cd = new double[n0];
      for (int i = 0; i < n0; i++) {
        int s = Arrays.binarySearch(strataCodes, codes[i]);
        int p = fill[s]++;
        row[p] = ctrl[i];
        cd[p] = distance[ctrl[i]];
      }
      runStart = new int[n0];
      for (int p = 0; p < n0; p++) {
        runStart[p] = p > 0 && cd[p] == cd[p - 1] && sameStratum(p, p - 1) ? runStart[p - 1] : p;
      }
      rightParent = new int[n0 + 1];
      leftParent = new int[n0 + 1];
      for (int p = 0; p <= n0; p++) {
        rightParent[p] = p;
        leftParent[p] = p;
      }
    }

    private boolean sameStratum(int p, int q) {
      return stratum[row[p]] == stratum[row[q]];
    }

    /** First available position >= p (n0 when none). */
    private int findRight(int p) {
      return root(rightParent, p);
    }

    /** Last available position <= p (-1 when none); leftParent is shifted by one. */
    private int findLeft(int p) {
      return root(leftParent, p + 1) - 1;
    }

    /** Union-find: the root of {@code p}, compressing the path to it. */
    private static int root(int[] parent, int p) {
      int root = p;
      while (parent[root] != root) {
        root = parent[root];
      }
      while (parent[p] != root) {
        int next = parent[p];
        parent[p] = root;
        p = next;
      }
      return root;
    }

    private void remove(int p) {
      rightParent[p] = p + 1;
      leftParent[p + 1] = p;
    }

    void match(
        int[] treatedRows, int[] visit, int[][] mm, double caliper, MatchingOptions options) {
      boolean useCaliper = !Double.isNaN(caliper);
      int k = options.ratio();
      if (options.replace()) {
        for (int t = 0; t < treatedRows.length; t++) {
          nearestWithReplacement(treatedRows[t], mm[t], caliper, useCaliper);
        }
        return;
      }
      for (int r = 0; r < k; r++) {
        for (int v : visit) {
          if (r > 0 && mm[v][r - 1] < 0) {
            continue; // availability only shrinks: no match last round, none now
          }
          int tr = treatedRows[v];
          int s = Arrays.binarySearch(strataCodes, stratum[tr]);
          if (s < 0) {
            continue;
          }
          double d = distance[tr];
          int lo = strataStart[s];
          int hi = strataEnd[s];
          int lb = SortedSearch.lowerBound(cd, lo, hi, d);
          int right = findRight(lb);
          if (right >= hi) {
            right = -1;
          }
          int left = lb - 1 >= lo ? findLeft(lb - 1) : -1;
          if (left < lo) {
            left = -1;
          }
          double dl = left >= 0 ? d - cd[left] : Double.POSITIVE_INFINITY;
          double dr = right >= 0 ? cd[right] - d : Double.POSITIVE_INFINITY;
          if (useCaliper) {
            if (dl > caliper) {
              left = -1;
              dl = Double.POSITIVE_INFINITY;
            }
            if (dr > caliper) {
              right = -1;
              dr = Double.POSITIVE_INFINITY;
            }
          }
          if (left < 0 && right < 0) {
            continue;
          }
          if (left >= 0) {
            left = findRight(runStart[left]); // lowest row among equally near on the left
          }
          int chosen;
          if (dl < dr) {
            chosen = left;
          } else if (dr < dl) {
            chosen = right;
          } else {
            chosen = row[left] < row[right] ? left : right;
          }
          mm[v][r] = row[chosen];
          remove(chosen);
        }
      }
    }

    /** The k nearest distinct controls within the caliper; ties by lowest row. */
    private void nearestWithReplacement(int tr, int[] out, double caliper, boolean useCaliper) {
      int s = Arrays.binarySearch(strataCodes, stratum[tr]);
      if (s < 0) {
        return;
      }
      int k = out.length;
      double d = distance[tr];
      int lo = strataStart[s];
      int hi = strataEnd[s];
      int lb = SortedSearch.lowerBound(cd, lo, hi, d);
      int i = lb - 1;
      int j = lb;
      // gather candidates in order of distance until k are found and the next is farther
      List<int[]> cand = new ArrayList<>();
      double kth = Double.NaN;
      while (i >= lo || j < hi) {
        double dl = i >= lo ? d - cd[i] : Double.POSITIVE_INFINITY;
        double dr = j < hi ? cd[j] - d : Double.POSITIVE_INFINITY;
        double next = Math.min(dl, dr);
        if (useCaliper && next > caliper) {
          break;
        }
        if (cand.size() >= k && next > kth) {
          break;
        }
        int p;
        if (dl <= dr) {
          p = i--;
        } else {
          p = j++;
        }
        cand.add(new int[] {p});
        if (cand.size() == k) {
          kth = next;
        }
      }
      cand.sort(
          (a, b) -> {
            double da = Math.abs(cd[a[0]] - d);
            double db = Math.abs(cd[b[0]] - d);
            return da != db ? Double.compare(da, db) : Integer.compare(row[a[0]], row[b[0]]);
          });
      for (int q = 0; q < Math.min(k, cand.size()); q++) {
        out[q] = row[cand.get(q)[0]];
      }
    }
  }
}
