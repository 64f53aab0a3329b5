package org.thyra.stats.roc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.rank.RadixOrder;
import org.thyra.stats.rank.SortedSearch;

/**
 * Empirical ROC curve of one marker for a binary outcome, as pROC 1.18 ({@code roc}, {@code auc},
 * {@code ci.auc(method = "delong")}, {@code coords(x = "best", best.method = "youden")}).
 *
 * <ul>
 *   <li>Direction AUTO: {@code "<"} (controls lower) when median(controls) &lt;= median(cases),
 *       else {@code ">"}.
 *   <li>AUC = P(case &gt; control) + P(tie)/2 (for {@code "<"}), from DeLong placement values.
 *   <li>DeLong variance {@code var(V10)/n_cases + var(V01)/n_controls} (sample variances), CI
 *       {@code auc +- qnorm(1 - alpha/2) sqrt(var)} clipped to [0, 1].
 *   <li>Thresholds: {@code -Inf}, midpoints between consecutive distinct marker values, {@code
 *       +Inf} (pROC's {@code roc.utils.thresholds}, including its fix when a midpoint rounds onto a
 *       data value); a case is predicted by {@code marker >= t} for {@code "<"} and by {@code
 *       marker <= t} for {@code ">"}.
 *   <li>Youden: every threshold maximising sensitivity + specificity; ties are found in exact
 *       integer arithmetic ({@code tp * n_controls + tn * n_cases}).
 * </ul>
 *
 * Cost O(n): two radix sorts ({@link RadixOrder}; on two threads for large n), then linear merges;
 * no per-observation objects.
 *
 * <p>References: DeLong, DeLong and Clarke-Pearson (1988) Biometrics 44:837-845; Sun and Xu (2014)
 * IEEE Signal Processing Letters 21:1389-1393; Robin et al. (2011) BMC Bioinformatics 12:77; Youden
 * (1950) Cancer 3:32-35; Clopper and Pearson (1934) Biometrika 26:404-413.
 */
public final class RocCurve {
  /** From this many observations cases and controls are sorted on two threads (same result). */
  static volatile int parallelMinRows = 50_000; // not final: tests run the split on small data

  private final double[] cases; // marker values of cases, data order
  private final double[] controls; // marker values of controls, data order
  private final double[] sortedCases;
  private final double[] sortedControls;
  private final RocDirection direction;
  private final double[] casePlacements; // V10, in sorted order of the case values
  private final double[] controlPlacements; // V01, in sorted order of the control values
  private final double auc;

  private RocCurve(double[] cases, double[] controls, RocDirection direction) {
    this.cases = cases;
    this.controls = controls;
    if (cases.length + controls.length < parallelMinRows) {
      this.sortedCases = RadixOrder.sortedValues(cases);
      this.sortedControls = RadixOrder.sortedValues(controls);
    } else {
      // the two sorts are independent: the cases' on a second thread
      CompletableFuture<double[]> sortingCases =
          CompletableFuture.supplyAsync(() -> RadixOrder.sortedValues(cases));
      this.sortedControls = RadixOrder.sortedValues(controls);
      this.sortedCases = sortingCases.join();
    }
    this.direction =
        direction == RocDirection.AUTO
            ? (median(sortedControls) <= median(sortedCases)
                ? RocDirection.CONTROLS_LOWER
                : RocDirection.CONTROLS_HIGHER)
            : direction;
    int n = cases.length;
    int m = controls.length;
    // placement values in sorted order by a linear merge (sequential memory access)
    casePlacements = new double[n];
    controlPlacements = new double[m];
    boolean lower = this.direction == RocDirection.CONTROLS_LOWER;
    long twiceSum = placements(sortedCases, sortedControls, lower, casePlacements);
    placements(sortedControls, sortedCases, !lower, controlPlacements);
    this.auc = twiceSum / (2.0 * n * (double) m);
  }

  /**
   * Placement values of the ascending {@code sorted} among the ascending {@code other}, by a linear
   * merge: {@code (k + t/2) / |other|} with {@code k} the values of {@code other} below (or above,
   * when {@code !below}) and {@code t} those tied. Returns the sum of {@code 2k + t}, exact.
   */
  private static long placements(double[] sorted, double[] other, boolean below, double[] out) {
    int m = other.length;
    long twiceSum = 0;
    int lt = 0;
    int le = 0;
    for (int i = 0; i < sorted.length; i++) {
      double v = sorted[i];
      while (lt < m && other[lt] < v) {
        lt++;
      }
      if (le < lt) {
        le = lt;
      }
      while (le < m && other[le] <= v) {
        le++;
      }
      long twice = below ? 2L * lt + (le - lt) : 2L * (m - le) + (le - lt);
      twiceSum += twice;
      out[i] = twice / (2.0 * m);
    }
    return twiceSum;
  }

  /**
   * Builds the curve.
   *
   * @param outcome01 1 for a case, 0 for a control
   * @param marker marker values (finite)
   * @param direction AUTO or a fixed direction
   * @throws IllegalArgumentException for unequal lengths, values other than 0/1, missing or
   *     non-finite marker values, or when cases or controls are absent
   */
  public static RocCurve of(double[] outcome01, double[] marker, RocDirection direction) {
    if (outcome01 == null || marker == null || direction == null) {
      throw new IllegalArgumentException("outcome, marker and direction must not be null");
    }
    if (outcome01.length != marker.length) {
      throw new IllegalArgumentException(
          "outcome has " + outcome01.length + " values but marker has " + marker.length);
    }
    int n = 0;
    for (int i = 0; i < outcome01.length; i++) {
      if (outcome01[i] != 0 && outcome01[i] != 1) {
        throw new IllegalArgumentException(
            "outcome must be 0 or 1; observation " + (i + 1) + " is " + outcome01[i]);
      }
      if (!Double.isFinite(marker[i])) {
        throw new IllegalArgumentException(
            "marker has a missing or non-finite value at observation "
                + (i + 1)
                + " (remove missing rows first)");
      }
      n += outcome01[i] == 1 ? 1 : 0;
    }
    int m = outcome01.length - n;
    if (n == 0 || m == 0) {
      throw new IllegalArgumentException(
          "ROC needs cases and controls; got " + n + " cases and " + m + " controls");
    }
    double[] cs = new double[n];
    double[] ct = new double[m];
    int a = 0;
    int b = 0;
    for (int i = 0; i < outcome01.length; i++) {
      if (outcome01[i] == 1) {
        cs[a++] = marker[i];
      } else {
        ct[b++] = marker[i];
      }
    }
    return new RocCurve(cs, ct, direction);
  }

  public RocDirection direction() {
    return direction;
  }

  public int nCases() {
    return cases.length;
  }

  public int nControls() {
    return controls.length;
  }

  /** Area under the curve. */
  public double auc() {
    return auc;
  }

  /** DeLong placement values of the cases (V10), in data order of the cases (for paired tests). */
  double[] casePlacements() {
    return inDataOrder(cases, sortedCases, casePlacements);
  }

  /** DeLong placement values of the controls (V01), in data order of the controls. */
  double[] controlPlacements() {
    return inDataOrder(controls, sortedControls, controlPlacements);
  }

  private static double[] inDataOrder(double[] values, double[] sorted, double[] placements) {
    // a placement depends only on the value: look it up at the value's first sorted position
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = placements[SortedSearch.lowerBound(sorted, values[i])];
    }
    return out;
  }

  /** DeLong variance of the AUC; NaN with fewer than 2 cases or 2 controls. */
  public double deLongVariance() {
    return variance(casePlacements, auc) / cases.length
        + variance(controlPlacements, auc) / controls.length;
  }

  static double variance(double[] v, double mean) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : v) {
      double d = x - mean;
      s += d * d;
    }
    return s / (v.length - 1);
  }

  /** AUC with DeLong CI clipped to [0, 1]. */
  public AucInterval aucInterval(double level) {
    checkLevel(level);
    double var = deLongVariance();
    double q = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    double sd = Math.sqrt(var);
    return new AucInterval(auc, var, Math.max(0, auc - q * sd), Math.min(1, auc + q * sd), level);
  }

  /** Thresholds in pROC order (sensitivity from 1 down to 0). */
  public double[] thresholds() {
    double[] t = ascendingThresholds();
    if (direction == RocDirection.CONTROLS_HIGHER) {
      reverse(t);
    }
    return t;
  }

  /** pROC's roc.utils.thresholds, ascending. */
  private double[] ascendingThresholds() {
    double[] u = distinctValues();
    int k = u.length;
    double[] t = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      double lo = i == 0 ? Double.NEGATIVE_INFINITY : u[i - 1];
      double hi = i == k ? Double.POSITIVE_INFINITY : u[i];
      double t1 = (lo + hi) / 2;
      double t2 = lo / 2 + hi / 2;
      double th = Math.abs(t1) > 1e100 ? t2 : t1;
      if (i > 0 && i < k && (th == lo || th == hi)) {
        // midpoint rounded onto a data value (adjacent doubles): pROC keeps the classification
        // exact
        th = direction == RocDirection.CONTROLS_LOWER ? hi : lo;
      }
      t[i] = th;
    }
    return t;
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double s = a[i];
      a[i] = a[j];
      a[j] = s;
    }
  }

  private static void reverse(long[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      long s = a[i];
      a[i] = a[j];
      a[j] = s;
    }
  }

  private double[] distinctValues() {
    double[] all = new double[cases.length + controls.length];
    // merge two sorted arrays
    int i = 0;
    int j = 0;
    int u = 0;
    while (i < sortedCases.length || j < sortedControls.length) {
      double v;
      if (j >= sortedControls.length
          || (i < sortedCases.length && sortedCases[i] <= sortedControls[j])) {
        v = sortedCases[i++];
      } else {
        v = sortedControls[j++];
      }
      if (u == 0 || all[u - 1] != v) {
        all[u++] = v;
      }
    }
    return Arrays.copyOf(all, u);
  }

  private long truePositives(double t) {
    return direction == RocDirection.CONTROLS_LOWER
        ? sortedCases.length - SortedSearch.lowerBound(sortedCases, t)
        : SortedSearch.upperBound(sortedCases, t);
  }

  private long trueNegatives(double t) {
    return direction == RocDirection.CONTROLS_LOWER
        ? SortedSearch.lowerBound(sortedControls, t)
        : sortedControls.length - SortedSearch.upperBound(sortedControls, t);
  }

  /** Full summary: AUC with CI, Youden-best thresholds and the curve. */
  public RocResult result(double level) {
    AucInterval ai = aucInterval(level);
    double[] t = ascendingThresholds();
    int k = t.length;
    long n = cases.length;
    long m = controls.length;
    long[] tp = new long[k];
    long[] tn = new long[k];
    // sweep ascending thresholds with two monotone pointers per group
    boolean lower = direction == RocDirection.CONTROLS_LOWER;
    int ci = 0;
    int cj = 0;
    for (int i = 0; i < k; i++) {
      double th = t[i];
      if (lower) { // positive when x >= t: count values < t
        while (ci < n && sortedCases[ci] < th) {
          ci++;
        }
        while (cj < m && sortedControls[cj] < th) {
          cj++;
        }
        tp[i] = n - ci;
        tn[i] = cj;
      } else { // positive when x <= t: count values <= t
        while (ci < n && sortedCases[ci] <= th) {
          ci++;
        }
        while (cj < m && sortedControls[cj] <= th) {
          cj++;
        }
        tp[i] = ci;
        tn[i] = m - cj;
      }
    }
    if (!lower) {
      reverse(t);
      reverse(tp);
      reverse(tn);
    }
    double[] se = new double[k];
    double[] sp = new double[k];
    long bestScore = Long.MIN_VALUE;
    for (int i = 0; i < k; i++) {
      se[i] = tp[i] / (double) n;
      sp[i] = tn[i] / (double) m;
      bestScore = Math.max(bestScore, tp[i] * m + tn[i] * n);
    }
    List<YoudenThreshold> best = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (tp[i] * m + tn[i] * n == bestScore) {
        best.add(new YoudenThreshold(t[i], se[i], sp[i], se[i] + sp[i] - 1));
      }
    }
    List<String> warnings = new ArrayList<>();
    if (Double.isNaN(ai.variance())) {
      warnings.add("DeLong variance needs at least 2 cases and 2 controls; CI not available");
    }
    if (k == 2) {
      warnings.add("all marker values are tied: the ROC curve is the diagonal (AUC 0.5)");
    }
    String method =
        "empirical ROC as pROC 1.18: direction "
            + direction.symbol()
            + " (controls "
            + (direction == RocDirection.CONTROLS_LOWER ? "<" : ">")
            + " cases"
            + "), AUC with DeLong "
            + level
            + " CI on the AUC scale clipped to [0,1]; thresholds are midpoints between "
            + "consecutive distinct values; Youden J = sensitivity + specificity - 1, all ties reported";
    return new RocResult(
        cases.length, controls.length, direction, ai, best, t, se, sp, method, warnings);
  }

  /** Youden-best thresholds (all ties). */
  public List<YoudenThreshold> youdenBest() {
    return result(0.95).best();
  }

  /**
   * Sensitivity and specificity at a named threshold, with exact Clopper-Pearson intervals. A case
   * is predicted positive when marker &gt;= threshold ({@code "<"}) or &lt;= threshold ({@code
   * ">"}).
   */
  public ThresholdPerformance at(double threshold, double level) {
    checkLevel(level);
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold must not be NaN");
    }
    long n = cases.length;
    long m = controls.length;
    long tp = truePositives(threshold);
    long tn = trueNegatives(threshold);
    double[] seCi = clopperPearson(tp, n, level);
    double[] spCi = clopperPearson(tn, m, level);
    return new ThresholdPerformance(
        threshold,
        tp,
        n - tp,
        tn,
        m - tn,
        tp / (double) n,
        seCi[0],
        seCi[1],
        tn / (double) m,
        spCi[0],
        spCi[1],
        level,
        "positive when marker "
            + (direction == RocDirection.CONTROLS_LOWER ? ">=" : "<=")
            + " threshold; exact Clopper-Pearson "
            + level
            + " binomial CIs (as binom.test), not pROC's bootstrap");
  }

  /** Exact binomial interval (as R's binom.test). */
  static double[] clopperPearson(long x, long n, double level) {
    double alpha = 1 - level;
    double lo =
        x == 0 ? 0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(alpha / 2);
    double hi =
        x == n
            ? 1
            : BetaDistribution.of(x + 1.0, n - x).inverseCumulativeProbability(1 - alpha / 2);
    return new double[] {lo, hi};
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
