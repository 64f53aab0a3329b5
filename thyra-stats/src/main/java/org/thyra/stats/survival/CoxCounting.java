package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.linear.Cholesky;

/**
 * Cox regression with case weights and counting-process data {@code Surv(start, stop, event)}, as
 * R's survival 3.5 {@code coxph(..., weights = w)} ({@code coxph.fit} / {@code agreg.fit}).
 *
 * <p>Row i is at risk at time t when {@code start_i < t <= stop_i} (right-censored data: {@code
 * start = -inf}). With risk weights {@code r_i = w_i exp(x_i'b)}, at an event time with d deaths of
 * total weight {@code W} and risk-set sum {@code D = sum_{at risk} r_i}, Breslow's term of the log
 * partial likelihood is {@code sum_{deaths} w_i x_i'b - W log D}; Efron's replaces {@code W log D}
 * by {@code (W/d) sum_{k=0}^{d-1} log(D - (k/d) D_d)}, {@code D_d} the deaths' own sum (coxfit6 /
 * agfit4). Newton–Raphson from 0 with step-halving and the convergence rule of {@link CoxModel};
 * aliased columns by the same Cholesky rule. As R does, weights must be positive, and the reported
 * {@code means} are weighted column means for right-censored data and unweighted ones for
 * counting-process data ({@code agreg.fit}); a column with values in {-1, 0, 1} has mean 0.
 *
 * <p>Variance: {@link #robust} gives the sandwich {@code D'D} of the weighted dfbeta residuals
 * summed within clusters and coxph's robust score test; R uses it by default when there is a
 * cluster or a non-integer weight. Concordance is Harrell's C of the linear predictor over the
 * pairs of a death and a row at risk at its time (not dying then), each weighted {@code w_i w_j},
 * with the infinitesimal-jackknife SE of {@code concordancefit} (collapsed over clusters when
 * given). The PH test is {@code cox.zph(transform = "km")} on these risk sets ({@link #zph}).
 *
 * <p>Cost: each Newton–Raphson pass walks the rows sorted by stop time and by start time once per
 * stratum, O(n p^2); the concordance visits every (death, row at risk) pair, O(n × events).
 *
 * <p>References: Andersen PK, Gill RD (1982) Ann Stat 10:1100–1120; Therneau TM, Grambsch PM (2000)
 * Modeling Survival Data, Springer, ch. 3 and 7; Lin DY, Wei LJ (1989) JASA 84:1074; survival
 * package source (agfit4.c, coxfit6.c, agscore3.c, concordance.R, zph2.c).
 */
public final class CoxCounting {

  private CoxCounting() {}

  /**
   * Fits the model.
   *
   * @param start entry times (exclusive), or null for right-censored data
   * @param stop exit (event or censoring) times
   * @param status 1 = event at stop, 0 = censored
   * @param weights case weights, positive and finite, or null for 1
   * @param columns covariates, column-major
   * @param names one name per column
   * @param strata stratum codes 0..k-1, or null
   * @param options settings
   * @return the fit (its concordance computed here, weighted, no cluster)
   * @throws IllegalArgumentException for mismatched lengths, a start not below its stop, a
   *     non-positive or non-finite weight, a status other than 0/1 or non-finite values
   */
  // the overloads repeat the parameter list only: each delegates to the last
  public static CoxFit fit(
      double[] start,
      double[] stop,
      int[] status,
      double[] weights,
      double[][] columns,
      List<String> names,
      int[] strata,
      CoxOptions options) {
    return fit(start, stop, status, weights, columns, names, strata, options, null);
  }

  /**
   * As {@link #fit(double[], double[], int[], double[], double[][], List, int[], CoxOptions)}, with
   * the concordance SE collapsed over {@code cluster} (as coxph does when given a cluster).
   *
   * @param cluster cluster codes per row, or null
   * @return the fit
   */
  public static CoxFit fit(
      double[] start,
      double[] stop,
      int[] status,
      double[] weights,
      double[][] columns,
      List<String> names,
      int[] strata,
      CoxOptions options,
      int[] cluster) {
    CoxOptions opts = options == null ? CoxOptions.defaults() : options;
    Data data = new Data(start, stop, status, weights, columns, names, strata, opts);
    int p = data.p;
    int events = 0;
    for (int s : status) {
      events += s;
    }
    String note = data.note();
    if (events == 0) {
      double[] coef = new double[p];
      Arrays.fill(coef, Double.NaN);
      boolean[] aliased = new boolean[p];
      Arrays.fill(aliased, true);
      ConcordanceResult conc =
          new ConcordanceResult(
              Double.NaN, Double.NaN, 0, 0, 0, 0, 0, "Harrell's C: undefined without events");
      return new CoxFit(
          names,
          coef,
          aliased,
          new double[p][p],
          data.means,
          0,
          0,
          0,
          true,
          0,
          0,
          data.n,
          0,
          data.nStrata,
          new double[data.n],
          conc,
          List.of("no events: every coefficient is NA"),
          opts,
          note);
    }
    Newton nr = new Newton(data, opts);
    nr.run();
    double[] coef = nr.beta.clone();
    double[][] var = nr.imat;
    boolean[] aliased = new boolean[p];
    if (nr.flag < p && opts.maxIterations() > 0) {
      for (int j = 0; j < p; j++) {
        aliased[j] = var[j][j] == 0;
      }
    }
    List<String> warnings = new ArrayList<>();
    if (opts.maxIterations() > 1) {
      double[] infs = new double[p];
      boolean anyNonFinite = false;
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int i = 0; i < p; i++) {
          s += nr.u[i] * var[i][j];
        }
        infs[j] = Math.abs(s);
        anyNonFinite |= !Double.isFinite(infs[j]);
      }
      if (nr.flag == Newton.NOT_CONVERGED) {
        warnings.add("Ran out of iterations and did not converge");
        if (anyNonFinite) {
          warnings.add("one or more coefficients may be infinite");
        }
      } else {
        StringBuilder which = new StringBuilder();
        for (int j = 0; j < p; j++) {
          if (!Double.isFinite(nr.u[j])
              || (infs[j] > opts.epsilon() && infs[j] > opts.tolerInf() * Math.abs(coef[j]))) {
            which.append(which.length() == 0 ? "" : ",").append(names.get(j));
          }
        }
        if (which.length() > 0) {
          warnings.add(
              "Loglik converged before variable  " + which + " ; coefficient may be infinite.");
        }
      }
    }
    double[] coefficients = coef.clone();
    StringBuilder aliasedNames = new StringBuilder();
    for (int j = 0; j < p; j++) {
      if (aliased[j]) {
        coefficients[j] = Double.NaN;
        aliasedNames.append(aliasedNames.length() == 0 ? "" : ", ").append(names.get(j));
      }
    }
    if (aliasedNames.length() > 0) {
      warnings.add("X matrix deemed to be singular; coefficient NA (aliased) for: " + aliasedNames);
    }
    double wald = NonAliasedTest.of(var, coefficients, aliased, opts.tolerChol()).statistic();
    double[] lp = data.linearPredictor(coefficients);
    ConcordanceResult conc = concordance(data, lp, cluster);
    return new CoxFit(
        names,
        coefficients,
        aliased,
        var,
        data.means,
        nr.loglik0,
        nr.loglik1,
        nr.iter,
        nr.flag != Newton.NOT_CONVERGED,
        nr.sctest,
        wald,
        data.n,
        events,
        data.nStrata,
        lp,
        conc,
        warnings,
        opts,
        note);
  }

  /**
   * The robust (sandwich) variance of a fit from {@link #fit}, as {@code coxph} computes it with a
   * cluster or non-integer weights: {@code V_r = D'D}, D the weighted dfbeta residuals ({@code
   * residuals(fit, "dfbeta", weighted = TRUE)}) summed within clusters; the robust score test
   * {@code u'(T'T)^- u} from the weighted score residuals at b = 0 ({@code fit$rscore}).
   *
   * @param fit the fit of these data
   * @param cluster cluster codes >= 0 per row, or null for one cluster per row
   * @return robust variance and tests
   */
  public static CoxRobustResult robust(
      CoxFit fit,
      double[] start,
      double[] stop,
      int[] status,
      double[] weights,
      double[][] columns,
      int[] strata,
      int[] cluster) {
    Data data = new Data(start, stop, status, weights, columns, fit.names(), strata, fit.options());
    int n = data.n;
    int p = data.p;
    if (cluster != null && cluster.length != n) {
      throw new IllegalArgumentException("cluster differs in length from the data");
    }
    double[] coef = fit.coefficients();
    boolean[] aliased = fit.aliased();
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = aliased[j] || Double.isNaN(coef[j]) ? 0 : coef[j];
    }
    return CoxRobust.sandwich(
        fit, data.scoreResiduals(b), data.scoreResiduals(new double[p]), data.w, cluster);
  }

  /**
   * {@code cox.zph(fit, transform = "km", terms = TRUE)} for a fit from {@link #fit}: the score
   * test of {@code theta = 0} in {@code b + g(t) theta}, with {@code g(t) = 1 - KM(t-)} of the
   * (unweighted) Kaplan–Meier curve of these counting-process data centred at its mean over the
   * events; the score and information use the case weights, as zph2.c.
   *
   * @param assign term index per column
   * @param variables term names
   * @return per-term and global tests
   */
  public static CoxZphResult zph(
      CoxFit fit,
      double[] start,
      double[] stop,
      int[] status,
      double[] weights,
      double[][] columns,
      int[] strata,
      int[] assign,
      List<String> variables) {
    if (fit.events() == 0) {
      throw new IllegalArgumentException("the PH test needs events; the fit has none");
    }
    Data data = new Data(start, stop, status, weights, columns, fit.names(), strata, fit.options());
    int p = data.p;
    double[] g = data.kmTransform();
    double[] coef = fit.coefficients();
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = Double.isNaN(coef[j]) ? 0 : coef[j];
    }
    Pass pass = new Pass(data, g);
    pass.run(b);
    double[] score = new double[2 * p];
    double[][] im = new double[2 * p][2 * p];
    for (int i = 0; i < p; i++) {
      score[p + i] = pass.uG[i];
      for (int j = 0; j < p; j++) {
        im[i][j] = pass.imat[i][j];
        im[i][j + p] = pass.iG[i][j];
        im[i + p][j] = pass.iG[i][j];
        im[i + p][j + p] = pass.iGG[i][j];
      }
    }
    return CoxZph.fromScore(
        fit,
        score,
        im,
        assign,
        variables,
        "counting-process risk sets (start, stop], case weights in the score and information");
  }

  /**
   * Weighted Harrell's C over (death, at-risk row) pairs, reverse = TRUE, with concordancefit's
   * infinitesimal-jackknife SE.
   */
  static ConcordanceResult concordance(Data data, double[] lp, int[] cluster) {
    int n = data.n;
    double[][] infl = new double[n][3]; // concordant, discordant, tied predictor
    double conc = 0;
    double disc = 0;
    double tiedX = 0;
    double tiedY = 0;
    for (int s = 0; s < data.nStrata; s++) {
      int[] rows = data.stratumRows[s];
      double[] etimes = data.eventTimes[s];
      for (double t : etimes) {
        for (int i : rows) {
          if (data.status[i] != 1 || data.stop[i] != t) {
            continue;
          }
          double wi = data.w[i];
          for (int j : rows) {
            if (j == i || !(data.start[j] < t && t <= data.stop[j])) {
              continue;
            }
            double wj = data.w[j];
            if (data.status[j] == 1 && data.stop[j] == t) {
              if (j > i) {
                tiedY += wi * wj;
              }
              continue;
            }
            int cls = lp[i] > lp[j] ? 0 : lp[i] < lp[j] ? 1 : 2;
            double ww = wi * wj;
            if (cls == 0) {
              conc += ww;
            } else if (cls == 1) {
              disc += ww;
            } else {
              tiedX += ww;
            }
            infl[i][cls] += wj;
            infl[j][cls] += wi;
          }
        }
      }
    }
    double npair = conc + disc + tiedX;
    double somer = (conc - disc) / npair;
    double c = (somer + 1) / 2;
    int nc = n;
    int[] cl = cluster;
    if (cl != null) {
      nc = 0;
      for (int v : cl) {
        nc = Math.max(nc, v + 1);
      }
    }
    double[] dfbeta = new double[nc];
    for (int i = 0; i < n; i++) {
      double v =
          data.w[i]
              * ((infl[i][0] - infl[i][1]) / npair
                  - (somer / npair) * (infl[i][0] + infl[i][1] + infl[i][2]));
      dfbeta[cl == null ? i : cl[i]] += v;
    }
    double var = 0;
    for (double v : dfbeta) {
      var += v * v;
    }
    double se = npair > 0 ? Math.sqrt(var / 4) : Double.NaN;
    return new ConcordanceResult(
        npair > 0 ? c : Double.NaN,
        se,
        conc,
        disc,
        tiedX,
        tiedY,
        0,
        "Harrell's C of the linear predictor (reverse) over (death, at-risk row) pairs weighted"
            + " w_i w_j, IJ SE"
            + (cluster == null ? "" : " collapsed over clusters"));
  }

  /** The validated, time-fixed data with per-stratum orderings. */
  static final class Data {
    final int n;
    final int p;
    final double[] start;
    final double[] stop;
    final int[] status;
    final double[] w;
    final double[] x; // row-major, centred on means
    final double[] means;
    final int nStrata;
    final boolean counting;
    final boolean weighted;
    final boolean efron;
    final int[][] stratumRows;
    final int[][] byStop; // per stratum, rows by stop descending
    final int[][] byStart; // per stratum, rows by start descending
    final double[][] eventTimes; // per stratum, distinct event times descending
    final int[][][] deaths; // per stratum, per event time, the dying rows

    Data(
        double[] start,
        double[] stop,
        int[] status,
        double[] weights,
        double[][] columns,
        List<String> names,
        int[] strata,
        CoxOptions opts) {
      if (stop == null || status == null || columns == null || names == null) {
        throw new IllegalArgumentException("arguments must not be null");
      }
      n = stop.length;
      p = columns.length;
      if (status.length != n
          || (start != null && start.length != n)
          || (weights != null && weights.length != n)
          || (strata != null && strata.length != n)) {
        throw new IllegalArgumentException(
            "start, stop, status, weights and strata differ in length");
      }
      if (names.size() != p) {
        throw new IllegalArgumentException("need one name per column");
      }
      if (n < 2) {
        throw new IllegalArgumentException("a Cox model needs at least 2 rows, got " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(stop[i])) {
          throw new IllegalArgumentException("row " + (i + 1) + ": stop time is not finite");
        }
        if (start != null && !(Double.isFinite(start[i]) && start[i] < stop[i])) {
          throw new IllegalArgumentException(
              "row "
                  + (i + 1)
                  + ": start time "
                  + start[i]
                  + " is not below stop time "
                  + stop[i]
                  + " (an interval (start, stop] must not be empty)");
        }
        if (status[i] != 0 && status[i] != 1) {
          throw new IllegalArgumentException("row " + (i + 1) + ": status must be 0 or 1");
        }
        if (weights != null && !(Double.isFinite(weights[i]) && weights[i] > 0)) {
          throw new IllegalArgumentException(
              "row "
                  + (i + 1)
                  + ": weight "
                  + weights[i]
                  + " is not positive (coxph: \"Invalid weights, must be >0\")");
        }
      }
      for (int j = 0; j < p; j++) {
        if (columns[j] == null || columns[j].length != n) {
          throw new IllegalArgumentException("column " + j + " must have " + n + " rows");
        }
        for (double v : columns[j]) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("column " + names.get(j) + " has non-finite values");
          }
        }
      }
      counting = start != null;
      weighted = weights != null;
      efron = opts.ties() == Ties.EFRON;
      // aeqSurv: times that differ by rounding noise are tied, over start and stop together
      if (opts.timeFix()) {
        if (counting) {
          double[] both = new double[2 * n];
          System.arraycopy(start, 0, both, 0, n);
          System.arraycopy(stop, 0, both, n, n);
          double[] fixed = CoxTimeFix.apply(both);
          this.start = Arrays.copyOfRange(fixed, 0, n);
          this.stop = Arrays.copyOfRange(fixed, n, 2 * n);
        } else {
          this.start = filled(n, Double.NEGATIVE_INFINITY);
          this.stop = CoxTimeFix.apply(stop);
        }
      } else {
        this.start = counting ? start.clone() : filled(n, Double.NEGATIVE_INFINITY);
        this.stop = stop;
      }
      this.status = status;
      this.w = weights == null ? filled(n, 1) : weights;
      means = new double[p];
      double wsum = 0;
      for (int i = 0; i < n; i++) {
        wsum += counting ? 1 : w[i];
      }
      x = new double[n * p];
      for (int j = 0; j < p; j++) {
        boolean zeroOne = true;
        double s = 0;
        for (int i = 0; i < n; i++) {
          double v = columns[j][i];
          zeroOne &= v == 0 || v == 1 || v == -1;
          s += (counting ? 1 : w[i]) * v;
        }
        means[j] = zeroOne ? 0 : s / wsum;
        for (int i = 0; i < n; i++) {
          x[i * p + j] = columns[j][i] - means[j];
        }
      }
      nStrata = CoxOrdering.strataCount(strata, n);
      int[] count = new int[nStrata];
      for (int i = 0; i < n; i++) {
        count[strata == null ? 0 : strata[i]]++;
      }
      stratumRows = new int[nStrata][];
      for (int s = 0; s < nStrata; s++) {
        stratumRows[s] = new int[count[s]];
      }
      int[] fill = new int[nStrata];
      for (int i = 0; i < n; i++) {
        int s = strata == null ? 0 : strata[i];
        stratumRows[s][fill[s]++] = i;
      }
      byStop = new int[nStrata][];
      byStart = new int[nStrata][];
      eventTimes = new double[nStrata][];
      deaths = new int[nStrata][][];
      for (int s = 0; s < nStrata; s++) {
        int[] rows = stratumRows[s];
        byStop[s] = sortedDescending(rows, this.stop);
        byStart[s] = sortedDescending(rows, this.start);
        List<Double> times = new ArrayList<>();
        List<int[]> dead = new ArrayList<>();
        int[] order = byStop[s];
        int k = 0;
        while (k < order.length) {
          double t = this.stop[order[k]];
          int m = k;
          List<Integer> d = new ArrayList<>();
          while (m < order.length && this.stop[order[m]] == t) {
            if (status[order[m]] == 1) {
              d.add(order[m]);
            }
            m++;
          }
          if (!d.isEmpty()) {
            times.add(t);
            dead.add(d.stream().mapToInt(Integer::intValue).toArray());
          }
          k = m;
        }
        eventTimes[s] = times.stream().mapToDouble(Double::doubleValue).toArray();
        deaths[s] = dead.toArray(new int[0][]);
      }
    }

    String note() {
      return (counting ? "counting-process data (start, stop]" : "right-censored data")
          + (weighted ? ", case weights" : "");
    }

    private static double[] filled(int n, double v) {
      double[] a = new double[n];
      Arrays.fill(a, v);
      return a;
    }

    private static int[] sortedDescending(int[] rows, double[] key) {
      Integer[] idx = new Integer[rows.length];
      for (int i = 0; i < rows.length; i++) {
        idx[i] = rows[i];
      }
      Arrays.sort(idx, (a, b) -> Double.compare(key[b], key[a]));
      int[] out = new int[rows.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = idx[i];
      }
      return out;
    }

    /** {@code x'b - means'b} per row (aliased coefficients as 0). */
    double[] linearPredictor(double[] coef) {
      double[] lp = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          if (!Double.isNaN(coef[j])) {
            s += coef[j] * x[i * p + j];
          }
        }
        lp[i] = s;
      }
      return lp;
    }

    /**
     * cox.zph's km transform on these data: per event time (stratum, index), {@code 1 - S(t-)} of
     * the unweighted Kaplan–Meier curve of all rows (risk set start < t <= stop, no strata),
     * centred at its mean over the event rows.
     */
    double[] kmTransform() {
      double[] times = stop.clone();
      Arrays.sort(times);
      double[] unique = Arrays.stream(times).distinct().toArray();
      int m = unique.length;
      double[] atRisk = new double[m];
      double[] events = new double[m];
      double[] starts = start.clone();
      Arrays.sort(starts);
      for (int i = 0; i < n; i++) {
        int k = Arrays.binarySearch(unique, stop[i]);
        events[k] += status[i];
      }
      // at risk at unique[k]: stop >= t minus start >= t
      for (int k = 0; k < m; k++) {
        double t = unique[k];
        atRisk[k] = (n - lowerBound(times, t)) - (n - lowerBound(starts, t));
      }
      double[] survBefore = new double[m];
      double surv = 1;
      for (int k = 0; k < m; k++) {
        survBefore[k] = surv;
        if (events[k] > 0) {
          surv *= (atRisk[k] - events[k]) / atRisk[k];
        }
      }
      double sum = 0;
      int nev = 0;
      for (int i = 0; i < n; i++) {
        if (status[i] == 1) {
          sum += 1 - survBefore[Arrays.binarySearch(unique, stop[i])];
          nev++;
        }
      }
      double mean = sum / nev;
      // per stratum and event time
      int total = 0;
      for (double[] e : eventTimes) {
        total += e.length;
      }
      double[] g = new double[total];
      int k = 0;
      for (double[] e : eventTimes) {
        for (double t : e) {
          g[k++] = 1 - survBefore[Arrays.binarySearch(unique, t)] - mean;
        }
      }
      return g;
    }

    private static int lowerBound(double[] sorted, double t) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /**
     * Score residuals (unweighted, as residuals.coxph(type = "score")) per row at b: for row i,
     * {@code sum over event times t in (start_i, stop_i] of dN_i(t)(x_i - xbar(t)) - r_i (x_i -
     * xbar(t)) dLambda(t)}, with Efron's sub-steps at tied deaths (the dying rows' risk counted
     * with weight 1 - k/d in the k-th).
     */
    double[][] scoreResiduals(double[] b) {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += b[j] * x[i * p + j];
        }
        r[i] = Math.exp(s);
      }
      double[][] resid = new double[n][p];
      for (int s = 0; s < nStrata; s++) {
        double[] et = eventTimes[s];
        int ne = et.length;
        // per event time (descending index): H, XH, Hd, XHd, mean xbar
        double[] h = new double[ne];
        double[][] xh = new double[ne][p];
        double[] hd = new double[ne];
        double[][] xhd = new double[ne][p];
        double[][] xbarMean = new double[ne][p];
        double denom = 0;
        double[] a = new double[p];
        int inRisk = 0;
        int ip = 0;
        int jp = 0;
        int[] bs = byStop[s];
        int[] bst = byStart[s];
        for (int e = 0; e < ne; e++) {
          double t = et[e];
          while (ip < bs.length && stop[bs[ip]] >= t) {
            int i = bs[ip++];
            double rw = r[i] * w[i];
            denom += rw;
            for (int j = 0; j < p; j++) {
              a[j] += rw * x[i * p + j];
            }
            inRisk++;
          }
          while (counting && jp < bst.length && start[bst[jp]] >= t) {
            int i = bst[jp++];
            double rw = r[i] * w[i];
            denom -= rw;
            for (int j = 0; j < p; j++) {
              a[j] -= rw * x[i * p + j];
            }
            inRisk--;
            if (inRisk == 0) {
              denom = 0;
              Arrays.fill(a, 0);
            }
          }
          int[] dd = deaths[s][e];
          int d = dd.length;
          double deadwt = 0;
          double denom2 = 0;
          double[] a2 = new double[p];
          for (int i : dd) {
            deadwt += w[i];
            double rw = r[i] * w[i];
            denom2 += rw;
            for (int j = 0; j < p; j++) {
              a2[j] += rw * x[i * p + j];
            }
          }
          if (!efron || d == 1) {
            double haz = deadwt / denom;
            h[e] = haz;
            for (int j = 0; j < p; j++) {
              double xbar = a[j] / denom;
              xh[e][j] = xbar * haz;
              xbarMean[e][j] = xbar;
            }
          } else {
            double wtave = deadwt / d;
            for (int k = 0; k < d; k++) {
              double f = (double) k / d;
              double dk = denom - f * denom2;
              double haz = wtave / dk;
              h[e] += haz;
              hd[e] += f * haz;
              for (int j = 0; j < p; j++) {
                double xbar = (a[j] - f * a2[j]) / dk;
                xh[e][j] += xbar * haz;
                xhd[e][j] += f * xbar * haz;
                xbarMean[e][j] += xbar / d;
              }
            }
          }
        }
        // cumulative sums over ascending time: cum[k] = sum over the k earliest event times
        double[] cumH = new double[ne + 1];
        double[][] cumXH = new double[ne + 1][p];
        double[] asc = new double[ne];
        for (int k = 0; k < ne; k++) {
          int e = ne - 1 - k;
          asc[k] = et[e];
          cumH[k + 1] = cumH[k] + h[e];
          for (int j = 0; j < p; j++) {
            cumXH[k + 1][j] = cumXH[k][j] + xh[e][j];
          }
        }
        for (int i : stratumRows[s]) {
          int hi = upperBound(asc, stop[i]); // event times <= stop
          int lo = upperBound(asc, start[i]); // event times <= start
          double hh = cumH[hi] - cumH[lo];
          for (int j = 0; j < p; j++) {
            double xij = x[i * p + j];
            resid[i][j] = -r[i] * (xij * hh - (cumXH[hi][j] - cumXH[lo][j]));
          }
          if (status[i] == 1) {
            int e = ne - hi; // descending index of the event time stop[i]
            for (int j = 0; j < p; j++) {
              double xij = x[i * p + j];
              resid[i][j] += xij - xbarMean[e][j] + r[i] * (xij * hd[e] - xhd[e][j]);
            }
          }
        }
      }
      return resid;
    }

    private static int upperBound(double[] sorted, double t) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /**
   * One pass at b: log partial likelihood, score and information, optionally the PH test's time
   * weighted blocks (g per event time, in the order of {@link Data#eventTimes}).
   */
  static final class Pass {
    final Data data;
    final int p;
    final double[] g;
    final double[] u;
    final double[][] imat;
    final double[] uG;
    final double[][] iG;
    final double[][] iGG;

    Pass(Data data, double[] g) {
      this.data = data;
      this.p = data.p;
      this.g = g;
      u = new double[p];
      imat = new double[p][p];
      uG = g == null ? null : new double[p];
      iG = g == null ? null : new double[p][p];
      iGG = g == null ? null : new double[p][p];
    }

    double run(double[] b) {
      Data d = data;
      int n = d.n;
      double[] x = d.x;
      double[] zb = new double[n];
      double[] risk = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += b[j] * x[i * p + j];
        }
        zb[i] = s;
        risk[i] = d.w[i] * Math.exp(s);
      }
      Arrays.fill(u, 0);
      for (double[] row : imat) {
        Arrays.fill(row, 0);
      }
      if (g != null) {
        Arrays.fill(uG, 0);
        for (int i = 0; i < p; i++) {
          Arrays.fill(iG[i], 0);
          Arrays.fill(iGG[i], 0);
        }
      }
      double loglik = 0;
      double[] a = new double[p];
      double[][] cmat = new double[p][p];
      double[] a2 = new double[p];
      double[][] cmat2 = new double[p][p];
      double[] du = new double[p];
      double[][] di = new double[p][p];
      int gi = 0;
      for (int s = 0; s < d.nStrata; s++) {
        double denom = 0;
        Arrays.fill(a, 0);
        for (double[] row : cmat) {
          Arrays.fill(row, 0);
        }
        int inRisk = 0;
        int ip = 0;
        int jp = 0;
        int[] bs = d.byStop[s];
        int[] bst = d.byStart[s];
        double[] et = d.eventTimes[s];
        for (int e = 0; e < et.length; e++, gi++) {
          double t = et[e];
          while (ip < bs.length && d.stop[bs[ip]] >= t) {
            int i = bs[ip++];
            denom += risk[i];
            add(a, cmat, risk[i], x, i * p);
            inRisk++;
          }
          while (d.counting && jp < bst.length && d.start[bst[jp]] >= t) {
            int i = bst[jp++];
            denom -= risk[i];
            add(a, cmat, -risk[i], x, i * p);
            inRisk--;
            if (inRisk == 0) {
              denom = 0;
              Arrays.fill(a, 0);
              for (double[] row : cmat) {
                Arrays.fill(row, 0);
              }
            }
          }
          int[] dead = d.deaths[s][e];
          int nd = dead.length;
          double deadwt = 0;
          double denom2 = 0;
          Arrays.fill(a2, 0);
          for (double[] row : cmat2) {
            Arrays.fill(row, 0);
          }
          Arrays.fill(du, 0);
          for (double[] row : di) {
            Arrays.fill(row, 0);
          }
          for (int i : dead) {
            double wi = d.w[i];
            deadwt += wi;
            denom2 += risk[i];
            loglik += wi * zb[i];
            for (int j = 0; j < p; j++) {
              du[j] += wi * x[i * p + j];
            }
            add(a2, cmat2, risk[i], x, i * p);
          }
          if (!d.efron || nd == 1) {
            loglik -= deadwt * Math.log(denom);
            for (int i = 0; i < p; i++) {
              double mean = a[i] / denom;
              du[i] -= deadwt * mean;
              for (int j = 0; j <= i; j++) {
                di[i][j] += deadwt * (cmat[i][j] / denom - mean * a[j] / denom);
              }
            }
          } else {
            double wtave = deadwt / nd;
            for (int k = 0; k < nd; k++) {
              double f = (double) k / nd;
              double dk = denom - f * denom2;
              loglik -= wtave * Math.log(dk);
              for (int i = 0; i < p; i++) {
                double mean = (a[i] - f * a2[i]) / dk;
                du[i] -= wtave * mean;
                for (int j = 0; j <= i; j++) {
                  di[i][j] +=
                      wtave
                          * ((cmat[i][j] - f * cmat2[i][j]) / dk - mean * (a[j] - f * a2[j]) / dk);
                }
              }
            }
          }
          double gt = g == null ? 0 : g[gi];
          for (int i = 0; i < p; i++) {
            u[i] += du[i];
            if (g != null) {
              uG[i] += gt * du[i];
            }
            for (int j = 0; j <= i; j++) {
              imat[i][j] += di[i][j];
              if (g != null) {
                iG[i][j] += gt * di[i][j];
                iGG[i][j] += gt * gt * di[i][j];
              }
            }
          }
        }
      }
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < i; j++) {
          imat[j][i] = imat[i][j];
          if (g != null) {
            iG[j][i] = iG[i][j];
            iGG[j][i] = iGG[i][j];
          }
        }
      }
      return loglik;
    }

    private void add(double[] a, double[][] cmat, double r, double[] x, int base) {
      for (int i = 0; i < p; i++) {
        double rx = r * x[base + i];
        a[i] += rx;
        double[] row = cmat[i];
        for (int j = 0; j <= i; j++) {
          row[j] += rx * x[base + j];
        }
      }
    }
  }

  /** Newton–Raphson with step-halving, as coxfit6 / agfit4 (see {@link CoxModel}). */
  private static final class Newton {
    static final int NOT_CONVERGED = 1000;
    final Data data;
    final int p;
    final int maxIter;
    final double eps;
    final double toler;
    final double[] beta;
    double[] u;
    double[][] imat;
    double loglik0;
    double loglik1;
    double sctest;
    int iter;
    int flag;

    Newton(Data data, CoxOptions opts) {
      this.data = data;
      this.p = data.p;
      this.maxIter = opts.maxIterations();
      this.eps = opts.epsilon();
      this.toler = opts.tolerChol();
      this.beta = new double[p];
    }

    private double evaluate(double[] b) {
      Pass pass = new Pass(data, null);
      double lk = pass.run(b);
      u = pass.u;
      imat = pass.imat;
      return lk;
    }

    void run() {
      iter = 0;
      loglik0 = evaluate(beta);
      loglik1 = loglik0;
      double[] a = u.clone();
      flag = Cholesky.decompose(imat, toler);
      Cholesky.solve(imat, a);
      double temp = 0;
      for (int i = 0; i < p; i++) {
        temp += u[i] * a[i];
      }
      sctest = temp;
      if (maxIter == 0 || p == 0 || !Double.isFinite(loglik0)) {
        finish();
        return;
      }
      double[] newbeta = new double[p];
      for (int i = 0; i < p; i++) {
        newbeta[i] = beta[i] + a[i];
      }
      int halving = 0;
      // agfit4's loop, the same shape as CoxModel.Engine.run (see there why not one driver)
      for (iter = 1; iter <= maxIter; iter++) {
        double newlk = evaluate(newbeta);
        flag = Cholesky.decompose(imat, toler);
        boolean notFinite = !Double.isFinite(newlk);
        for (int i = 0; i < p && !notFinite; i++) {
          notFinite = !Double.isFinite(u[i]);
          for (int j = 0; j < p && !notFinite; j++) {
            notFinite = !Double.isFinite(imat[i][j]);
          }
        }
        if (!notFinite && Math.abs(1 - (loglik1 / newlk)) <= eps) {
          loglik1 = newlk;
          System.arraycopy(newbeta, 0, beta, 0, p);
          finish();
          if (halving > 0) {
            flag = -2;
          }
          return;
        }
        if (notFinite || newlk < loglik1) {
          halving++;
          for (int i = 0; i < p; i++) {
            newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1.0);
          }
        } else {
          halving = 0;
          loglik1 = newlk;
          double[] step = u.clone();
          Cholesky.solve(imat, step);
          for (int i = 0; i < p; i++) {
            beta[i] = newbeta[i];
            newbeta[i] = newbeta[i] + step[i];
          }
        }
      }
      // out of iterations: as coxfit6, score and information at the last good beta, inverted
      // without a fresh factorisation (see CoxModel)
      if (maxIter > 1) {
        loglik1 = evaluate(beta);
      }
      finish();
      flag = NOT_CONVERGED;
    }

    private void finish() {
      Cholesky.invert(imat);
      Cholesky.symmetrize(imat);
    }
  }
}
