package org.thyra.stats.survival;

import java.util.Arrays;

/**
 * The robust (sandwich) variance of a Cox fit with correlated rows, as {@code coxph(..., cluster =
 * id)}: {@code V_r = D'D}, {@code D} the dfbeta residuals (score residuals times the model-based
 * variance) summed within each cluster (Lin &amp; Wei 1989, JASA 84:1074). The Wald test uses
 * {@code V_r}; the robust score test is {@code u'(T'T)^- u} with {@code T} the score residuals at
 * {@code b = 0} summed within clusters and {@code u} their total, as {@code coxph}'s {@code
 * rscore}. Without a cluster column every row is its own cluster ({@code coxph(robust = TRUE)}).
 *
 * <p>Score residuals are those of {@code residuals.coxph(type = "score")}: for row i, {@code ∫ (x_i
 * − x̄(t)) (dN_i(t) − Y_i(t) r_i dΛ(t))}, with Efron's approximation at tied deaths (d tied deaths
 * count as d sub-deaths; the dying rows carry the weight {@code 1 − k/d} in the k-th), accumulated
 * in one backward pass per stratum, O(n p).
 */
public final class CoxRobust {

  private CoxRobust() {}

  /**
   * Robust variance and tests of a fitted Cox model.
   *
   * @param fit the fit of these data (coefficients, model-based variance, means)
   * @param time follow-up times, as given to the fit
   * @param status 1 event, 0 censored
   * @param columns covariates, column-major, as given to the fit
   * @param strata stratum codes, or null
   * @param cluster cluster codes {@code >= 0} per row, or null for one cluster per row
   * @return the robust variance, its Wald test and the robust score test
   */
  public static CoxRobustResult of(
      CoxFit fit, double[] time, int[] status, double[][] columns, int[] strata, int[] cluster) {
    int n = time.length;
    int p = columns.length;
    if (status.length != n || (strata != null && strata.length != n)) {
      throw new IllegalArgumentException("time, status and strata differ in length");
    }
    if (cluster != null && cluster.length != n) {
      throw new IllegalArgumentException("cluster differs in length from time");
    }
    CoxOptions opts = fit.options();
    double[] t = opts.timeFix() ? CoxTimeFix.apply(time) : time;
    boolean efron = fit.ties() == Ties.EFRON;
    double[] coef = fit.coefficients();
    boolean[] aliased = fit.aliased();
    double[] means = fit.means();
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = aliased[j] || Double.isNaN(coef[j]) ? 0 : coef[j];
    }
    int[] order = order(t, status, strata);
    double[][] resid = scoreResiduals(t, status, columns, strata, order, b, means, efron);
    double[][] resid0 =
        scoreResiduals(t, status, columns, strata, order, new double[p], means, efron);
    return sandwich(fit, resid, resid0, null, cluster);
  }

  /**
   * The sandwich from score residuals, for right-censored ({@link #of}) and counting-process
   * ({@link CoxCounting#robust}) fits alike: dfbeta {@code w_i r_i V} summed within clusters into
   * D, {@code V_r = D'D}; the weighted residuals at b = 0 summed within clusters into T, their
   * total u, and the robust score test {@code u'(T'T)^- u}.
   *
   * @param resid score residuals at the estimate, n x p
   * @param resid0 score residuals at b = 0, n x p
   * @param weights case weights, or null for 1
   * @param cluster cluster codes {@code >= 0} per row, or null for one cluster per row
   */
  static CoxRobustResult sandwich(
      CoxFit fit, double[][] resid, double[][] resid0, double[] weights, int[] cluster) {
    final int n = resid.length;
    final int p = fit.coefficients().length;
    final double[] coef = fit.coefficients();
    final boolean[] aliased = fit.aliased();
    final double[][] var = fit.variance();
    if (cluster != null && cluster.length != n) {
      throw new IllegalArgumentException("cluster differs in length from the data");
    }
    final int[] cl = cluster == null ? identity(n) : cluster;
    int nc = 0;
    for (int c : cl) {
      if (c < 0) {
        throw new IllegalArgumentException("negative cluster code");
      }
      nc = Math.max(nc, c + 1);
    }
    final double[][] d = new double[nc][p];
    final double[][] s0 = new double[nc][p];
    final int[] size = new int[nc];
    for (int i = 0; i < n; i++) {
      final int c = cl[i];
      size[c]++;
      final double w = weights == null ? 1.0 : weights[i]; // w * v is exact for w = 1
      for (int k = 0; k < p; k++) {
        double v = 0;
        for (int j = 0; j < p; j++) {
          v += resid[i][j] * var[j][k];
        }
        d[c][k] += w * v;
        s0[c][k] += w * resid0[i][k];
      }
    }
    final double[][] robust = new double[p][p];
    final double[][] tt = new double[p][p];
    final double[] u = new double[p];
    int clusters = 0;
    for (int c = 0; c < nc; c++) {
      if (size[c] == 0) {
        continue;
      }
      clusters++;
      for (int j = 0; j < p; j++) {
        u[j] += s0[c][j];
        for (int k = 0; k < p; k++) {
          robust[j][k] += d[c][j] * d[c][k];
          tt[j][k] += s0[c][j] * s0[c][k];
        }
      }
    }
    final double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      se[j] = aliased[j] ? Double.NaN : Math.sqrt(robust[j][j]);
    }
    final double toler = fit.options().tolerChol();
    return new CoxRobustResult(
        robust,
        se,
        NonAliasedTest.of(robust, coef, aliased, toler),
        NonAliasedTest.of(tt, u, aliased, toler),
        clusters);
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  /** Sort by stratum, time ascending, deaths before censorings at a tie. */
  private static int[] order(double[] t, int[] status, int[] strata) {
    Integer[] idx = new Integer[t.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        (a, c) -> {
          int sa = strata == null ? 0 : strata[a];
          int sc = strata == null ? 0 : strata[c];
          if (sa != sc) {
            return Integer.compare(sa, sc);
          }
          int k = Double.compare(t[a], t[c]);
          return k != 0 ? k : Integer.compare(status[c], status[a]);
        });
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  /** Score residuals per row (original row order). */
  static double[][] scoreResiduals(
      double[] t,
      int[] status,
      double[][] x,
      int[] strata,
      int[] order,
      double[] b,
      double[] means,
      boolean efron) {
    int n = t.length;
    int p = x.length;
    double[][] resid = new double[n][p];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      double lp = 0;
      for (int j = 0; j < p; j++) {
        lp += (x[j][i] - means[j]) * b[j];
      }
      score[i] = Math.exp(lp);
    }
    double denom = 0;
    double cumhaz = 0;
    double[] a = new double[p];
    double[] a2 = new double[p];
    double[] xhaz = new double[p];
    int stratumEnd = n - 1; // position in order
    int pos = n - 1;
    while (pos >= 0) {
      int r0 = order[pos];
      int stratum = strata == null ? 0 : strata[r0];
      double tt = t[r0];
      int deaths = 0;
      double eDenom = 0;
      Arrays.fill(a2, 0);
      int blockEnd = pos;
      while (pos >= 0
          && t[order[pos]] == tt
          && (strata == null ? 0 : strata[order[pos]]) == stratum) {
        int i = order[pos];
        for (int j = 0; j < p; j++) {
          resid[i][j] = score[i] * (x[j][i] * cumhaz - xhaz[j]);
          a[j] += score[i] * x[j][i];
        }
        denom += score[i];
        if (status[i] == 1) {
          deaths++;
          eDenom += score[i];
          for (int j = 0; j < p; j++) {
            a2[j] += score[i] * x[j][i];
          }
        }
        pos--;
      }
      if (deaths > 0) {
        if (deaths == 1 || !efron) {
          double hazard = deaths / denom;
          cumhaz += hazard;
          for (int j = 0; j < p; j++) {
            double xbar = a[j] / denom;
            xhaz[j] += xbar * hazard;
            for (int q = pos + 1; q <= blockEnd; q++) {
              int k = order[q];
              if (status[k] == 1) {
                resid[k][j] += x[j][k] - xbar;
              }
            }
          }
        } else {
          for (int dd = 0; dd < deaths; dd++) {
            double down = (double) dd / deaths;
            double denomK = denom - down * eDenom;
            double hazard = 1 / denomK;
            cumhaz += hazard;
            for (int j = 0; j < p; j++) {
              double xbar = (a[j] - down * a2[j]) / denomK;
              xhaz[j] += xbar * hazard;
              for (int q = pos + 1; q <= blockEnd; q++) {
                int k = order[q];
                if (status[k] == 1) {
                  double diff = x[j][k] - xbar;
                  resid[k][j] += diff / deaths + diff * score[k] * hazard * down;
                }
              }
            }
          }
        }
      }
      boolean endOfStratum = pos < 0 || (strata == null ? 0 : strata[order[pos]]) != stratum;
      if (endOfStratum) {
        for (int q = pos + 1; q <= stratumEnd; q++) {
          int k = order[q];
          for (int j = 0; j < p; j++) {
            resid[k][j] += score[k] * (xhaz[j] - x[j][k] * cumhaz);
          }
        }
        denom = 0;
        cumhaz = 0;
        Arrays.fill(a, 0);
        Arrays.fill(xhaz, 0);
        stratumEnd = pos;
      }
    }
    return resid;
  }
}
