package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.Result;
import org.thyra.stats.rank.SortedSearch;

/**
 * An immutable Kaplan–Meier curve: one row per distinct observed time (censor-only times included,
 * as R's {@code survfit}), with the number at risk, events, censorings, the survival estimate, its
 * Greenwood standard error and pointwise confidence limits.
 *
 * <p>Only the counts, the survival estimates and Greenwood's cumulative sum are stored; standard
 * errors and limits are derived on request, so a curve of 10^7 distinct times stays small. Values R
 * reports as {@code NA}/{@code NaN} (e.g. limits where {@code S = 0}) are {@link Double#NaN}.
 */
public final class KaplanMeierCurve implements Result {

  /** Tolerance of {@code quantile.survfit}: {@code sqrt(.Machine$double.eps)}. */
  private static final double QUANTILE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private final int n;
  private final int events;
  private final double[] time;
  private final int[] nRisk;
  private final int[] nEvent;
  private final int[] nCensor;
  private final double[] survival;
  private final double[] greenwood;
  private final KaplanMeierOptions options;
  private final double z;
  private final List<String> warnings;

  KaplanMeierCurve(
      int n,
      int events,
      double[] time,
      int[] nRisk,
      int[] nEvent,
      int[] nCensor,
      double[] survival,
      double[] greenwood,
      KaplanMeierOptions options) {
    this.n = n;
    this.events = events;
    this.time = time;
    this.nRisk = nRisk;
    this.nEvent = nEvent;
    this.nCensor = nCensor;
    this.survival = survival;
    this.greenwood = greenwood;
    this.options = options;
    this.z =
        NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - options.level()) / 2);
    List<String> w = new ArrayList<>();
    if (n == 0) {
      w.add("no observations");
    } else if (events == 0) {
      w.add("no events: the survival estimate stays 1 and no quantile is reached");
    }
    this.warnings = List.copyOf(w);
  }

  /** Number of observations. */
  public int n() {
    return n;
  }

  /** Number of events. */
  public int events() {
    return events;
  }

  /** Number of distinct observed times (rows). */
  public int size() {
    return time.length;
  }

  /** Options the curve was fitted with. */
  public KaplanMeierOptions options() {
    return options;
  }

  /** The conventions used, for display. */
  public String method() {
    return "Kaplan-Meier; Greenwood variance; "
        + options.type().rName()
        + " confidence interval ("
        + options.level()
        + "); quantiles by curve crossing as quantile.survfit";
  }

  /** Warnings raised while fitting (never null). */
  public List<String> warnings() {
    return warnings;
  }

  /** Distinct time of row {@code i}. */
  public double time(int i) {
    return time[i];
  }

  /** Number at risk at row {@code i}. */
  public int nRisk(int i) {
    return nRisk[i];
  }

  /** Events at row {@code i}. */
  public int nEvent(int i) {
    return nEvent[i];
  }

  /** Censorings at row {@code i}. */
  public int nCensor(int i) {
    return nCensor[i];
  }

  /** Survival estimate at row {@code i}. */
  public double survival(int i) {
    return survival[i];
  }

  /**
   * Standard error of {@code -log S} at row {@code i} (R's {@code fit$std.err}): the square root of
   * Greenwood's sum; +Inf once {@code S = 0}.
   */
  public double stdErrCumHazard(int i) {
    return Math.sqrt(greenwood[i]);
  }

  /**
   * Standard error of the survival estimate at row {@code i} ({@code summary.survfit}'s std.err).
   */
  public double stdErr(int i) {
    return survival[i] * Math.sqrt(greenwood[i]);
  }

  /** Lower confidence limit at row {@code i}. */
  public double lower(int i) {
    return options.type().lower(survival[i], Math.sqrt(greenwood[i]), z);
  }

  /** Upper confidence limit at row {@code i}. */
  public double upper(int i) {
    return options.type().upper(survival[i], Math.sqrt(greenwood[i]), z);
  }

  /** Row {@code i} as a record. */
  public KaplanMeierRow row(int i) {
    return new KaplanMeierRow(
        time[i], nRisk[i], nEvent[i], nCensor[i], survival[i], stdErr(i), lower(i), upper(i));
  }

  /** All rows (allocates one record per row: meant for output, not for large loops). */
  public List<KaplanMeierRow> rows() {
    List<KaplanMeierRow> rows = new ArrayList<>(time.length);
    for (int i = 0; i < time.length; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  /** Copy of the distinct times. */
  public double[] times() {
    return time.clone();
  }

  /** Copy of the survival estimates. */
  public double[] survivals() {
    return survival.clone();
  }

  /**
   * The estimate at time {@code t}, as R's {@code summary(fit, times = t)}: the last row with time
   * ≤ {@code t} (S = 1, SE 0, limits 1 before the first time), and the number at risk at {@code t}.
   * Empty when {@code t} is beyond the last follow-up time (R drops such times).
   *
   * @throws IllegalArgumentException when {@code t} is NaN or negative
   */
  public Optional<KaplanMeierPoint> at(double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("time must be >= 0, got " + t);
    }
    int m = time.length;
    if (m == 0 || t > time[m - 1]) {
      return Optional.empty();
    }
    // first row with time >= t gives the number at risk at t
    int ge = SortedSearch.lowerBound(time, t);
    int le = (ge < m && time[ge] == t) ? ge : ge - 1;
    if (le < 0) {
      return Optional.of(new KaplanMeierPoint(t, nRisk[ge], 1, 0, 1, 1));
    }
    return Optional.of(
        new KaplanMeierPoint(t, nRisk[ge], survival[le], stdErr(le), lower(le), upper(le)));
  }

  /**
   * The median survival time and its confidence interval: {@link #quantile(double)} at 0.5, as
   * {@code quantile.survfit}. It equals {@code print.survfit}'s median except when the curve ends
   * flat at exactly 0.5: {@code quantile.survfit} (used here) takes the midpoint of that last
   * segment and the last follow-up time, {@code print.survfit} its start.
   */
  public SurvivalQuantile median() {
    return quantile(0.5);
  }

  /**
   * The {@code p}-quantile of the survival time, as R's {@code quantile.survfit}: the first time at
   * which {@code 1 - S(t)} reaches {@code p}; when the curve is flat at exactly {@code 1 - p}
   * (within {@code sqrt(eps)}) the midpoint of that horizontal segment is taken (the last follow-up
   * time closes a final segment). The confidence limits are the same crossing points of the lower
   * and upper limit curves (Brookmeyer &amp; Crowley 1982).
   *
   * @param p probability in [0, 1]
   */
  public SurvivalQuantile quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    int m = time.length;
    if (m == 0) {
      return new SurvivalQuantile(Double.NaN, Double.NaN, Double.NaN);
    }
    double[] x = new double[m + 1];
    double[] y = new double[m + 1];
    System.arraycopy(time, 0, x, 1, m);
    for (int i = 0; i < m; i++) {
      y[i + 1] = 1 - survival[i];
    }
    double est = findQuantile(x, y, p);
    for (int i = 0; i < m; i++) {
      y[i + 1] = 1 - lower(i);
    }
    double lo = findQuantile(x, y, p);
    for (int i = 0; i < m; i++) {
      y[i + 1] = 1 - upper(i);
    }
    double up = findQuantile(x, y, p);
    return new SurvivalQuantile(est, lo, up);
  }

  /**
   * R's {@code survival:::findq}: {@code x} starts with the origin 0 and {@code y} with 0; NaN
   * entries of {@code y} are R's NA.
   */
  static double findQuantile(double[] x, double[] y, double p) {
    double tol = QUANTILE_TOLERANCE;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (v > max) {
        max = v;
      }
    }
    if (max < p) {
      return Double.NaN;
    }
    double xmax = x[x.length - 1];
    // drop duplicated y values, first occurrence kept (NA equals NA), as duplicated()
    double[] xs = new double[x.length];
    double[] ys = new double[y.length];
    int n = 0;
    if (isMonotone(y)) {
      // a repeated value can only follow its first occurrence (NaNs aside)
      double last = Double.NaN;
      boolean nanKept = false;
      for (int i = 0; i < y.length; i++) {
        double v = y[i];
        boolean dup = Double.isNaN(v) ? nanKept : v == last;
        if (!dup) {
          xs[n] = x[i];
          ys[n] = v;
          n++;
          if (Double.isNaN(v)) {
            nanKept = true;
          } else {
            last = v;
          }
        }
      }
    } else {
      java.util.Set<Double> kept = new java.util.HashSet<>();
      for (int i = 0; i < y.length; i++) {
        if (kept.add(y[i])) {
          xs[n] = x[i];
          ys[n] = y[i];
          n++;
        }
      }
    }
    double i1 = approxConstantRight(ys, n, tol, p);
    double i2 = approxConstantRight(ys, n, -tol, p);
    double quant =
        (Double.isNaN(i1) || Double.isNaN(i2))
            ? Double.NaN
            : (xs[(int) i1 - 1] + xs[(int) i2 - 1]) / 2;
    if (p == 0) {
      quant = xs[0];
    }
    if (!Double.isNaN(ys[n - 1]) && Math.abs(p - ys[n - 1]) < tol) {
      quant = Double.isNaN(i1) ? Double.NaN : (xs[(int) i1 - 1] + xmax) / 2;
    }
    return quant;
  }

  /** Whether the non-NaN values of {@code y} are non-decreasing. */
  private static boolean isMonotone(double[] y) {
    double last = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        if (v < last) {
          return false;
        }
        last = v;
      }
    }
    return true;
  }

  /**
   * {@code approx(ys + shift, 1:n, p, method = "constant", f = 1)$y}: pairs with NA dropped, sorted
   * by abscissa; NA outside the range; at an abscissa its own index, else the index of the next
   * larger abscissa. Returns the 1-based index, or NaN.
   */
  private static double approxConstantRight(double[] ys, int n, double shift, double p) {
    int k = 0;
    double[] ax = new double[n];
    int[] ai = new int[n];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(ys[i])) {
        ax[k] = ys[i] + shift;
        ai[k] = i + 1;
        if (k > 0 && ax[k] < ax[k - 1]) {
          sorted = false;
        }
        k++;
      }
    }
    if (k == 0) {
      return Double.NaN;
    }
    if (!sorted) {
      sortPairs(ax, ai, k);
    }
    if (p < ax[0] || p > ax[k - 1]) {
      return Double.NaN;
    }
    int lo = 0;
    int hi = k - 1;
    while (lo < hi - 1) {
      int mid = (lo + hi) >>> 1;
      if (p < ax[mid]) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    if (p == ax[hi]) {
      return ai[hi];
    }
    if (p == ax[lo]) {
      return ai[lo];
    }
    return ai[hi];
  }

  private static void sortPairs(double[] ax, int[] ai, int k) {
    // only reached for a non-monotone limit curve; values are distinct after de-duplication
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (u, v) -> Double.compare(ax[u], ax[v]));
    double[] sx = new double[k];
    int[] si = new int[k];
    for (int i = 0; i < k; i++) {
      sx[i] = ax[order[i]];
      si[i] = ai[order[i]];
    }
    System.arraycopy(sx, 0, ax, 0, k);
    System.arraycopy(si, 0, ai, 0, k);
  }

  @Override
  public String toString() {
    SurvivalQuantile med = median();
    return "KaplanMeierCurve[n="
        + n
        + ", events="
        + events
        + ", median="
        + med.estimate()
        + " ("
        + med.lower()
        + ", "
        + med.upper()
        + "), "
        + options.type().rName()
        + "]";
  }

  /** Copy of the numbers at risk. */
  public int[] nRisks() {
    return Arrays.copyOf(nRisk, nRisk.length);
  }
}
