package org.thyra.stats.competing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.rank.StableOrder;

/**
 * The Fine–Gray proportional subdistribution hazards model, as {@code cmprsk::crr} (one censoring
 * group, no time-varying covariates).
 *
 * <p>A row that failed from another cause stays in the risk set after its failure with the weight
 * {@code w_i(t) = G(t−) / G(T_i−)}, {@code G} the Kaplan–Meier estimate of the censoring
 * distribution. With {@code r_i(t)} = 1 for {@code T_i >= t}, {@code w_i(t)} for an earlier
 * competing failure and 0 otherwise, the log pseudo-likelihood (Breslow ties) is
 *
 * <pre>
 *   l(b) = Σ_{failures k} [ x_k'b − log Σ_i r_i(t_k) exp(x_i'b) ]
 * </pre>
 *
 * maximised by crr's Newton iteration: from {@code b = 0}, stop when {@code max_j |U_j| max(|b_j|,
 * 1) < gtol · max(|l|, 1)} (gtol = 1e-6, at most 10 steps), backtracking by halves while {@code
 * −l(b_new) > −l(b) − 1e-4 · step'U}. The variance is the sandwich of Fine &amp; Gray (1999, JASA
 * 94:496, §4) with the {@code ψ_i} term for the estimated censoring distribution; the sums over
 * risk sets are accumulated in time order in O(n p²).
 */
public final class FineGray {

  /** crr's default gradient tolerance. */
  public static final double GTOL = 1e-6;

  /** crr's default maximum number of Newton steps. */
  public static final int MAX_ITER = 10;

  private FineGray() {}

  /**
   * Fits the model.
   *
   * @param time follow-up times, finite and {@code >= 0}
   * @param cause 0 = censored, {@code 1..K} = cause of failure
   * @param target the cause of interest
   * @param columns covariates, column-major ({@code columns[j][i]})
   * @param names one name per column
   * @param confLevel confidence level of the hazard-ratio limits
   */
  public static FineGrayFit fit(
      double[] time,
      int[] cause,
      int target,
      double[][] columns,
      List<String> names,
      double confLevel) {
    Data d = new Data(time, cause, target, columns);
    if (names.size() != d.p) {
      throw new IllegalArgumentException("one name per column needed");
    }
    if (d.p == 0) {
      throw new IllegalArgumentException("the model has no covariate");
    }
    if (d.nk == 0) {
      throw new IllegalArgumentException(
          "no failure from the cause of interest: the subdistribution hazard ratios are undefined");
    }
    int p = d.p;
    double[] b = new double[p];
    Eval cur = d.evaluate(b, true);
    double loglikNull = -cur.f;
    boolean converged = false;
    int iter = 0;
    List<String> warnings = new ArrayList<>();
    for (int ll = 0; ll <= MAX_ITER; ll++) {
      double gmax = 0;
      for (int j = 0; j < p; j++) {
        gmax = Math.max(gmax, Math.abs(cur.s[j]) * Math.max(Math.abs(b[j]), 1));
      }
      if (gmax < Math.max(Math.abs(cur.f), 1) * GTOL) {
        converged = true;
        break;
      }
      if (ll == MAX_ITER) {
        break;
      }
      double[] sc = Linear.solve(cur.h, cur.s);
      if (sc == null) {
        throw new IllegalArgumentException(
            "the information matrix is singular (a covariate is constant or collinear)");
      }
      for (int j = 0; j < p; j++) {
        sc[j] = -sc[j];
      }
      double slope = 0;
      for (int j = 0; j < p; j++) {
        slope += sc[j] * cur.s[j];
      }
      double[] bn = add(b, sc);
      double fbn = d.evaluate(bn, false).f;
      int halvings = 0;
      boolean failed = false;
      while (Double.isNaN(fbn) || fbn > cur.f + 1e-4 * slope) {
        halvings++;
        for (int j = 0; j < p; j++) {
          sc[j] *= 0.5;
        }
        bn = add(b, sc);
        fbn = d.evaluate(bn, false).f;
        if (halvings > 20) {
          failed = true;
          break;
        }
      }
      if (failed) {
        warnings.add("step-halving failed to improve the pseudo-likelihood");
        break;
      }
      b = bn;
      iter++;
      cur = d.evaluate(b, true);
    }
    if (!converged) {
      warnings.add("did not converge in " + MAX_ITER + " iterations (crr's gtol = 1e-6)");
    }
    double[][] inv = Linear.inverse(cur.h);
    if (inv == null) {
      throw new IllegalArgumentException("the information matrix is singular at the estimate");
    }
    double[][] omega = d.influenceCrossProduct(b, cur);
    double[][] var = Linear.sandwich(inv, omega);
    return new FineGrayFit(
        List.copyOf(names),
        b,
        var,
        -cur.f,
        loglikNull,
        iter,
        converged,
        d.n,
        d.events,
        d.competing,
        confLevel,
        List.copyOf(warnings));
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = a[j] + b[j];
    }
    return out;
  }

  /** Minus the log pseudo-likelihood, minus the score and the information at one b. */
  private static final class Eval {
    double f;
    double[] s;
    double[][] h;
    double[] s0; // per failure time
    double[][] e; // per failure time, E(t_k)
    double[] eta;
  }

  /** The data sorted by time, centred, with the censoring weights and failure-time blocks. */
  private static final class Data {
    final int n;
    final int p;
    final double[] t;
    final int[] ici; // 0 censored, 1 cause of interest, 2 other cause
    final double[][] x; // row-major, centred
    final double[] gm; // G(T_i−)
    final int nk; // distinct failure times of the cause
    final int[] kStart; // first row at the failure time
    final int[] kEnd; // one past the last row at that time
    final int[] kd; // failures from the cause at that time
    final double[] kg; // G(t_k−)
    final int events;
    final int competing;

    Data(double[] time, int[] cause, int target, double[][] columns) {
      n = time.length;
      p = columns.length;
      if (cause.length != n) {
        throw new IllegalArgumentException("time and cause differ in length");
      }
      for (double[] c : columns) {
        if (c.length != n) {
          throw new IllegalArgumentException("a covariate column differs in length from time");
        }
      }
      for (int i = 0; i < n; i++) {
        if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
          throw new IllegalArgumentException(
              "follow-up time must be finite and >= 0, got " + time[i] + " at index " + i);
        }
        if (cause[i] < 0) {
          throw new IllegalArgumentException("negative cause code at index " + i);
        }
      }
      int[] order = StableOrder.ascending(time);
      t = new double[n];
      ici = new int[n];
      x = new double[n][p];
      double[] mean = new double[p];
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          double v = columns[j][i];
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("non-finite covariate value at index " + i);
          }
          s += v;
        }
        mean[j] = s / n;
      }
      int ev = 0;
      int comp = 0;
      for (int r = 0; r < n; r++) {
        int i = order[r];
        t[r] = time[i];
        ici[r] = cause[i] == 0 ? 0 : cause[i] == target ? 1 : 2;
        if (ici[r] == 1) {
          ev++;
        } else if (ici[r] == 2) {
          comp++;
        }
        for (int j = 0; j < p; j++) {
          x[r][j] = columns[j][i] - mean[j];
        }
      }
      events = ev;
      competing = comp;
      // censoring KM just before each time; at time 0 crr's survfit lookup (ftime·(1 − eps) = 0)
      // gives G(0) itself, reproduced here
      gm = new double[n];
      double g = 1;
      int[] ks = new int[n];
      int[] ke = new int[n];
      int[] kdd = new int[n];
      double[] kgg = new double[n];
      int k = 0;
      int lo = 0;
      while (lo < n) {
        int hi = lo;
        int cens = 0;
        int fail = 0;
        while (hi < n && t[hi] == t[lo]) {
          if (ici[hi] == 0) {
            cens++;
          } else if (ici[hi] == 1) {
            fail++;
          }
          hi++;
        }
        double after = g * (1 - (double) cens / (n - lo));
        double before = t[lo] == 0 ? after : g;
        for (int r = lo; r < hi; r++) {
          gm[r] = before;
        }
        if (fail > 0) {
          ks[k] = lo;
          ke[k] = hi;
          kdd[k] = fail;
          kgg[k] = before;
          k++;
        }
        g = after;
        lo = hi;
      }
      nk = k;
      kStart = Arrays.copyOf(ks, k);
      kEnd = Arrays.copyOf(ke, k);
      kd = Arrays.copyOf(kdd, k);
      kg = Arrays.copyOf(kgg, k);
    }

    Eval evaluate(double[] b, boolean derivatives) {
      double[] eta = new double[n];
      double[] lin = new double[n];
      for (int i = 0; i < n; i++) {
        double v = 0;
        for (int j = 0; j < p; j++) {
          v += x[i][j] * b[j];
        }
        lin[i] = v;
        eta[i] = Math.exp(v);
      }
      // rows at risk in full (T >= t_k): accumulated backwards, stored per failure time
      double[] r0 = new double[nk];
      double[][] r1 = derivatives ? new double[nk][p] : null;
      double[][] r2 = derivatives ? new double[nk][p * p] : null;
      double a0 = 0;
      double[] a1 = new double[p];
      double[] a2 = new double[p * p];
      int row = n - 1;
      for (int k = nk - 1; k >= 0; k--) {
        while (row >= kStart[k]) {
          a0 += eta[row];
          if (derivatives) {
            accumulate(a1, a2, x[row], eta[row]);
          }
          row--;
        }
        r0[k] = a0;
        if (derivatives) {
          r1[k] = a1.clone();
          r2[k] = a2.clone();
        }
      }
      // earlier competing failures, weighted by 1 / G(T_i−), accumulated forwards
      double q0 = 0;
      double[] q1 = new double[p];
      double[] q2 = new double[p * p];
      Eval out = new Eval();
      out.eta = eta;
      out.s0 = new double[nk];
      out.s = new double[p];
      out.h = new double[p][p];
      out.e = derivatives ? new double[nk][p] : null;
      double lik = 0;
      row = 0;
      for (int k = 0; k < nk; k++) {
        while (row < kStart[k]) {
          if (ici[row] == 2) {
            double w = eta[row] / gm[row];
            q0 += w;
            if (derivatives) {
              accumulate(q1, q2, x[row], w);
            }
          }
          row++;
        }
        double s0 = r0[k] + kg[k] * q0;
        out.s0[k] = s0;
        for (int i = kStart[k]; i < kEnd[k]; i++) {
          if (ici[i] == 1) {
            lik -= lin[i];
            if (derivatives) {
              for (int j = 0; j < p; j++) {
                out.s[j] -= x[i][j];
              }
            }
          }
        }
        lik += kd[k] * Math.log(s0);
        if (derivatives) {
          double[] e = out.e[k];
          for (int j = 0; j < p; j++) {
            e[j] = (r1[k][j] + kg[k] * q1[j]) / s0;
            out.s[j] += kd[k] * e[j];
          }
          for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
              double s2 = (r2[k][j * p + l] + kg[k] * q2[j * p + l]) / s0;
              out.h[j][l] += kd[k] * (s2 - e[j] * e[l]);
            }
          }
        }
      }
      out.f = Double.isFinite(lik) ? lik : Double.NaN;
      return out;
    }

    private void accumulate(double[] s1, double[] s2, double[] xi, double w) {
      for (int j = 0; j < p; j++) {
        double wx = w * xi[j];
        s1[j] += wx;
        for (int l = 0; l < p; l++) {
          s2[j * p + l] += wx * xi[l];
        }
      }
    }

    /** {@code Σ_i (η_i + ψ_i)(η_i + ψ_i)'} at the estimate. */
    double[][] influenceCrossProduct(double[] b, Eval ev) {
      double[] eta = ev.eta;
      // suffix sums over failure times: C0 = Σ_{t_k >= u} d G/S0, C1 = Σ d G E/S0 (strictly
      // after T_i for the η of a competing failure, from u on for q(u))
      double[] c0 = new double[nk + 1];
      double[][] c1 = new double[nk + 1][p];
      for (int k = nk - 1; k >= 0; k--) {
        double w = kd[k] * kg[k] / ev.s0[k];
        c0[k] = c0[k + 1] + w;
        for (int j = 0; j < p; j++) {
          c1[k][j] = c1[k + 1][j] + w * ev.e[k][j];
        }
      }
      double[][] omega = new double[p][p];
      double a0 = 0; // Σ_{t_k <= T_i} d/S0
      double[] a1 = new double[p]; // Σ_{t_k <= T_i} d E/S0
      double p0 = 0; // Σ_{T_j < u, competing} exp(x_j b)/G(T_j−)
      double[] p1 = new double[p];
      double[] comp = new double[p]; // compensator part of ψ: Σ_{u <= T_i} −q(u) c(u)/π(u)²
      double[] q = new double[p];
      double[] st = new double[p];
      int k = 0; // next failure time not yet passed
      int lo = 0;
      while (lo < n) {
        int hi = lo;
        int cens = 0;
        while (hi < n && t[hi] == t[lo]) {
          if (ici[hi] == 0) {
            cens++;
          }
          hi++;
        }
        // a failure time equal to this time enters A (Σ over t_k <= T_i)
        int kAt = -1;
        if (k < nk && kStart[k] == lo) {
          kAt = k;
          double w = kd[k] / ev.s0[k];
          a0 += w;
          for (int j = 0; j < p; j++) {
            a1[j] += w * ev.e[k][j];
          }
        }
        int kFrom = kAt >= 0 ? kAt : k; // first failure time >= u
        int kAfter = kAt >= 0 ? kAt + 1 : k; // first failure time > u
        double pi = n - lo;
        if (cens > 0) {
          for (int j = 0; j < p; j++) {
            q[j] = p1[j] * c0[kFrom] - p0 * c1[kFrom][j];
            comp[j] -= q[j] * cens / (pi * pi);
          }
        }
        for (int i = lo; i < hi; i++) {
          double[] xi = x[i];
          for (int j = 0; j < p; j++) {
            double v = -eta[i] * (xi[j] * a0 - a1[j]);
            if (ici[i] == 1) {
              v += xi[j] - ev.e[kAt][j];
            } else if (ici[i] == 2) {
              v -= eta[i] / gm[i] * (xi[j] * c0[kAfter] - c1[kAfter][j]);
            }
            v += comp[j];
            if (ici[i] == 0) {
              v += q[j] / pi;
            }
            st[j] = v;
          }
          for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
              omega[j][l] += st[j] * st[l];
            }
          }
        }
        for (int i = lo; i < hi; i++) {
          if (ici[i] == 2) {
            double w = eta[i] / gm[i];
            p0 += w;
            for (int j = 0; j < p; j++) {
              p1[j] += w * x[i][j];
            }
          }
        }
        if (kAt >= 0) {
          k = kAt + 1;
        }
        lo = hi;
      }
      return omega;
    }
  }

  /** Small dense linear algebra by Gaussian elimination with partial pivoting. */
  static final class Linear {
    private Linear() {}

    static double[] solve(double[][] a, double[] b) {
      int p = b.length;
      double[][] m = new double[p][p + 1];
      for (int i = 0; i < p; i++) {
        System.arraycopy(a[i], 0, m[i], 0, p);
        m[i][p] = b[i];
      }
      if (!eliminate(m, p)) {
        return null;
      }
      double[] out = new double[p];
      for (int i = 0; i < p; i++) {
        out[i] = m[i][p];
      }
      return out;
    }

    static double[][] inverse(double[][] a) {
      int p = a.length;
      double[][] m = new double[p][2 * p];
      for (int i = 0; i < p; i++) {
        System.arraycopy(a[i], 0, m[i], 0, p);
        m[i][p + i] = 1;
      }
      if (!eliminate(m, p)) {
        return null;
      }
      double[][] out = new double[p][p];
      for (int i = 0; i < p; i++) {
        System.arraycopy(m[i], p, out[i], 0, p);
      }
      return out;
    }

    /** Gauss–Jordan on the first p columns; false when a pivot vanishes. */
    private static boolean eliminate(double[][] m, int p) {
      double scale = 0;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          scale = Math.max(scale, Math.abs(m[i][j]));
        }
      }
      for (int c = 0; c < p; c++) {
        int piv = c;
        for (int r = c + 1; r < p; r++) {
          if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
            piv = r;
          }
        }
        if (!(Math.abs(m[piv][c]) > 1e-13 * scale)) {
          return false;
        }
        double[] tmp = m[c];
        m[c] = m[piv];
        m[piv] = tmp;
        double d = m[c][c];
        for (int j = c; j < m[c].length; j++) {
          m[c][j] /= d;
        }
        for (int r = 0; r < p; r++) {
          if (r != c && m[r][c] != 0) {
            double f = m[r][c];
            for (int j = c; j < m[r].length; j++) {
              m[r][j] -= f * m[c][j];
            }
          }
        }
      }
      return true;
    }

    static double[][] sandwich(double[][] inv, double[][] mid) {
      int p = inv.length;
      double[][] t = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          double s = 0;
          for (int k = 0; k < p; k++) {
            s += inv[i][k] * mid[k][j];
          }
          t[i][j] = s;
        }
      }
      double[][] out = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          double s = 0;
          for (int k = 0; k < p; k++) {
            s += t[i][k] * inv[j][k];
          }
          out[i][j] = s;
        }
      }
      return out;
    }
  }
}
