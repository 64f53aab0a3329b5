package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.thyra.stats.linear.Cholesky;

/**
 * Firth's penalised Cox model (Heinze &amp; Schemper 2001, Biometrics 57:114), as R's {@code
 * coxphf}: finite estimates where maximum likelihood diverges (monotone likelihood: a covariate
 * that separates the deaths) and less biased ones in small samples.
 *
 * <p>Maximises the penalised log partial likelihood {@code l*(b) = l(b) + ½ log det I(b)} with
 * Breslow's handling of ties, {@code I} the observed information. Its gradient is the modified
 * score {@code U*_j = U_j + ½ tr(I^-1 ∂I/∂b_j)}; at a death time with d deaths and risk-set sums
 * {@code S0 = Σ w}, {@code S1 = Σ w x}, {@code S2 = Σ w x x'} ({@code w = exp(x'b)}),
 *
 * <pre>
 * tr(A ∂I/∂b_j) = d [ T_j / S0 − Q S1_j / S0² − 2 (S2 A S1)_j / S0² + 2 (S1' A S1) S1_j / S0³ ]
 * </pre>
 *
 * with {@code A = I^-1}, {@code q_i = x_i' A x_i}, {@code Q = Σ w q} and {@code T = Σ w q x} over
 * the risk set: two O(n p²) passes per iteration instead of the third-moment array. The iteration
 * is {@code b ← b + I^-1 U*} with every step at most 0.5 in each coordinate and halved while it
 * lowers {@code l*} (coxphf's {@code maxstep} and step-halving), until the largest step is below
 * 1e-10.
 *
 * <p>Standard errors are {@code sqrt(diag I(b)^-1)} at the estimate (coxphf's {@code var}).
 * Confidence limits are the profile penalised-likelihood ones (coxphf's default): the {@code b_j}
 * where {@code 2 (l*(b) − max over b_-j of l*(b_j, b_-j)) = χ²_1(level)}, each profile point
 * maximised by the same iteration over the other coefficients (steps {@code I_-j^-1 U*_-j}), the
 * roots by bisection to 1e-10. The p-values are those of the penalised likelihood-ratio statistic
 * at {@code b_j = 0}; the global test is {@code 2 (l*(b) − l*(0))} on p df.
 *
 * <p>Times are merged as {@code coxph(timefix = TRUE)} ({@link CoxTimeFix}).
 */
public final class FirthCox {

  static final double MAX_STEP = 0.5;
  static final double TOLERANCE = 1e-10;
  static final int MAX_ITERATIONS = 200;
  static final int MAX_HALVINGS = 30;

  private FirthCox() {}

  /**
   * Fits the model.
   *
   * @param time follow-up times, finite and {@code >= 0}
   * @param status 1 = event, 0 = censored
   * @param columns covariates, column-major, finite, at least one
   * @param names one name per column
   * @param confLevel level of the profile-likelihood intervals, in (0, 1)
   * @return estimates, SE, profile intervals and tests
   * @throws IllegalArgumentException for mismatched lengths, invalid values, no events, or a design
   *     whose information matrix is singular at b = 0 (a constant or collinear column)
   */
  public static FirthCoxResult fit(
      double[] time, int[] status, double[][] columns, List<String> names, double confLevel) {
    if (time == null || status == null || columns == null || names == null) {
      throw new IllegalArgumentException("time, status, columns and names must not be null");
    }
    final int n = time.length;
    final int p = columns.length;
    if (p == 0 || names.size() != p) {
      throw new IllegalArgumentException(
          "need at least one column and one name per column, got "
              + p
              + " columns and "
              + names.size()
              + " names");
    }
    if (status.length != n) {
      throw new IllegalArgumentException("time and status differ in length");
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
    SurvivalInput.checkValues(time, status);
    for (int j = 0; j < p; j++) {
      if (columns[j] == null || columns[j].length != n) {
        throw new IllegalArgumentException("column " + names.get(j) + " differs in length");
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(columns[j][i])) {
          throw new IllegalArgumentException(
              "column " + names.get(j) + " is not finite at index " + i);
        }
      }
    }
    final Data data = new Data(time, status, columns);
    if (data.events == 0) {
      throw new IllegalArgumentException("Firth's Cox model needs events; there are none");
    }
    final boolean[] all = new boolean[p];
    java.util.Arrays.fill(all, true);
    final double[] zero = new double[p];
    final Point start = data.evaluate(zero);
    if (start.rank < p) {
      throw new IllegalArgumentException(
          "the information matrix is singular: a covariate is constant or collinear");
    }
    final List<String> warnings = new ArrayList<>();
    final Maximum fit = maximise(data, zero, all);
    if (!fit.converged) {
      warnings.add(
          "the penalised likelihood did not converge in " + MAX_ITERATIONS + " iterations");
    }
    final Point at = fit.point;
    final double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      se[j] = Math.sqrt(at.inverse[j][j]);
    }
    final double crit = ChiSquaredDistribution.of(1).inverseSurvivalProbability(1 - confLevel);
    final ChiSquaredDistribution chi1 = ChiSquaredDistribution.of(1);
    final double[] lower = new double[p];
    final double[] upper = new double[p];
    final double[] lr = new double[p];
    final double[] pValue = new double[p];
    for (int j = 0; j < p; j++) {
      final Profile profile = new Profile(data, fit.beta, j, at.penalized);
      lower[j] = profile.limit(-1, se[j], crit);
      upper[j] = profile.limit(+1, se[j], crit);
      lr[j] = Math.max(0, profile.deviance(0));
      pValue[j] = chi1.survivalProbability(lr[j]);
      if (profile.failed) {
        warnings.add(
            "the profile penalised likelihood of " + names.get(j) + " did not converge everywhere");
      }
    }
    final double globalLr = 2 * (at.penalized - start.penalized);
    return new FirthCoxResult(
        List.copyOf(names),
        fit.beta.clone(),
        se,
        lower,
        upper,
        lr,
        pValue,
        at.penalized,
        at.loglik,
        start.penalized,
        new CoxTestResult(globalLr, p, ChiSquaredDistribution.of(p).survivalProbability(globalLr)),
        n,
        data.events,
        fit.iterations,
        confLevel,
        List.copyOf(warnings));
  }

  /** l*, l, U*, I^-1 and the rank of I at one b. */
  private record Point(
      double penalized, double loglik, double[] score, double[][] inverse, int rank) {}

  private record Maximum(double[] beta, Point point, int iterations, boolean converged) {}

  /**
   * Maximises l* over the coefficients marked free, the others held at their value in {@code
   * start}.
   */
  private static Maximum maximise(Data data, double[] start, boolean[] free) {
    final int p = start.length;
    double[] beta = start.clone();
    Point at = data.evaluate(beta);
    final int[] idx = indices(free);
    final int k = idx.length;
    for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
      if (k == 0 || at.rank < p) {
        return new Maximum(beta, at, iter - 1, at.rank == p);
      }
      // step I_ff^-1 U*_f: for the full model I^-1 U*, for a profile point the free block
      final double[] step = freeStep(data, beta, at, idx);
      double largest = 0;
      for (double s : step) {
        largest = Math.max(largest, Math.abs(s));
      }
      if (largest > MAX_STEP) {
        for (int r = 0; r < k; r++) {
          step[r] *= MAX_STEP / largest;
        }
      }
      double[] next = beta.clone();
      for (int r = 0; r < k; r++) {
        next[idx[r]] += step[r];
      }
      Point there = data.evaluate(next);
      int halvings = 0;
      // a step is halved when it lowers l* by more than rounding: near the maximum l* changes
      // by less than its own rounding error, and halving there would stall the iteration
      final double noise = 1e-12 * (1 + Math.abs(at.penalized));
      while (!(there.penalized >= at.penalized - noise) && halvings < MAX_HALVINGS) {
        halvings++;
        for (int r = 0; r < k; r++) {
          step[r] /= 2;
          next[idx[r]] = beta[idx[r]] + step[r];
        }
        there = data.evaluate(next);
      }
      beta = next;
      at = there;
      if (largest <= TOLERANCE) {
        return new Maximum(beta, at, iter, true);
      }
    }
    return new Maximum(beta, at, MAX_ITERATIONS, false);
  }

  private static double[] freeStep(Data data, double[] beta, Point at, int[] idx) {
    final int k = idx.length;
    final double[] u = new double[k];
    for (int r = 0; r < k; r++) {
      u[r] = at.score[idx[r]];
    }
    if (k == beta.length) {
      final double[] step = new double[k];
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          step[r] += at.inverse[r][c] * u[c];
        }
      }
      return step;
    }
    final double[][] info = data.information(beta);
    final double[][] block = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        block[r][c] = info[idx[r]][idx[c]];
      }
    }
    Cholesky.decompose(block, 1e-12);
    Cholesky.solve(block, u);
    return u;
  }

  private static int[] indices(boolean[] free) {
    int k = 0;
    for (boolean f : free) {
      k += f ? 1 : 0;
    }
    final int[] idx = new int[k];
    for (int j = 0, r = 0; j < free.length; j++) {
      if (free[j]) {
        idx[r++] = j;
      }
    }
    return idx;
  }

  /** The profile penalised likelihood of one coefficient. */
  private static final class Profile {
    private final Data data;
    private final double[] estimate;
    private final int j;
    private final double maximum;
    private final boolean[] free;
    private double[] warm; // last profile maximum, the next start
    boolean failed;

    Profile(Data data, double[] estimate, int j, double maximum) {
      this.data = data;
      this.estimate = estimate;
      this.j = j;
      this.maximum = maximum;
      this.free = new boolean[estimate.length];
      java.util.Arrays.fill(free, true);
      free[j] = false;
      this.warm = estimate.clone();
    }

    /** {@code 2 (l*(b) − max l*(b_j = c, ·))}. */
    double deviance(double c) {
      final double[] start = warm.clone();
      start[j] = c;
      final Maximum m = maximise(data, start, free);
      failed |= !m.converged;
      warm = m.beta;
      return 2 * (maximum - m.point.penalized);
    }

    /**
     * The limit on one side: brackets the root of {@code deviance − crit} by steps of 2 SE (doubled
     * each time), then bisects to 1e-10 (relative for large limits).
     */
    double limit(int side, double se, double crit) {
      warm = estimate.clone();
      double inner = estimate[j];
      double width = 2 * (se > 0 && Double.isFinite(se) ? se : 1);
      double outer = inner + side * width;
      int expansions = 0;
      while (deviance(outer) < crit) {
        inner = outer;
        width *= 2;
        outer = inner + side * width;
        if (++expansions > 60) {
          failed = true;
          return side * Double.POSITIVE_INFINITY;
        }
      }
      for (int it = 0; it < 200; it++) {
        final double mid = 0.5 * (inner + outer);
        if (Math.abs(outer - inner) <= TOLERANCE * Math.max(1, Math.abs(mid))) {
          return mid;
        }
        if (deviance(mid) < crit) {
          inner = mid;
        } else {
          outer = mid;
        }
      }
      return 0.5 * (inner + outer);
    }
  }

  /** The data sorted by time, covariates centred (neither changes l, U or I). */
  private static final class Data {
    final int n;
    final int p;
    final int events;
    final double[][] x; // row-major, sorted by time ascending, centred
    final boolean[] dead;
    final int[] groupEnd; // groups of equal time: rows [groupStart, groupEnd) in sorted order
    final int[] groupStart;

    Data(double[] time, int[] status, double[][] columns) {
      final CoxTimeFix.Ranked times = CoxTimeFix.ranked(time, true);
      final int[] order = times.ranks().order();
      final int[] rank = times.ranks().rank();
      n = time.length;
      p = columns.length;
      x = new double[n][p];
      dead = new boolean[n];
      final double[] mean = new double[p];
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (double v : columns[j]) {
          s += v;
        }
        mean[j] = s / n;
      }
      int d = 0;
      for (int k = 0; k < n; k++) {
        final int i = order[k];
        for (int j = 0; j < p; j++) {
          x[k][j] = columns[j][i] - mean[j];
        }
        dead[k] = status[i] == 1;
        d += status[i];
      }
      events = d;
      final int groups = times.ranks().count();
      groupStart = new int[groups];
      groupEnd = new int[groups];
      for (int k = 0; k < n; k++) {
        final int g = rank[order[k]];
        if (k == 0 || rank[order[k - 1]] != g) {
          groupStart[g] = k;
        }
        groupEnd[g] = k + 1;
      }
    }

    /** The observed information I(b) alone. */
    double[][] information(double[] beta) {
      final double[][] info = new double[p][p];
      sweep(beta, null, info, null, null);
      return info;
    }

    /** l*, l, the modified score and I^-1 at b. */
    Point evaluate(double[] beta) {
      final double[][] info = new double[p][p];
      final double[] u = new double[p];
      final double loglik = sweep(beta, u, info, null, null);
      final double[][] chol = new double[p][];
      for (int r = 0; r < p; r++) {
        chol[r] = info[r].clone();
      }
      final int rank = Cholesky.decompose(chol, 1e-12);
      double logDet = 0;
      for (int r = 0; r < p; r++) {
        logDet += Math.log(chol[r][r]);
      }
      if (rank < p) {
        return new Point(Double.NEGATIVE_INFINITY, loglik, u, new double[p][p], Math.abs(rank));
      }
      Cholesky.invert(chol);
      Cholesky.symmetrize(chol);
      final double[] trace = new double[p];
      sweep(beta, null, null, chol, trace);
      for (int j = 0; j < p; j++) {
        u[j] += 0.5 * trace[j];
      }
      return new Point(loglik + 0.5 * logDet, loglik, u, chol, p);
    }

    /**
     * One backward pass over the times (risk sets grow as time decreases), Breslow ties. Fills the
     * score and information when given; with {@code a = I^-1} fills {@code trace[j] = tr(A
     * ∂I/∂b_j)} instead.
     *
     * @return the log partial likelihood
     */
    private double sweep(double[] beta, double[] u, double[][] info, double[][] a, double[] trace) {
      double s0 = 0;
      final double[] s1 = new double[p];
      final double[][] s2 = new double[p][p];
      double q = 0;
      final double[] t = new double[p];
      final double[] v = new double[p];
      double loglik = 0;
      for (int g = groupStart.length - 1; g >= 0; g--) {
        int d = 0;
        for (int k = groupStart[g]; k < groupEnd[g]; k++) {
          final double[] xk = x[k];
          double eta = 0;
          for (int j = 0; j < p; j++) {
            eta += xk[j] * beta[j];
          }
          final double w = Math.exp(eta);
          s0 += w;
          for (int r = 0; r < p; r++) {
            s1[r] += w * xk[r];
            for (int c = 0; c <= r; c++) {
              s2[r][c] += w * xk[r] * xk[c];
            }
          }
          if (a != null) {
            double qk = 0;
            for (int r = 0; r < p; r++) {
              double ar = 0;
              for (int c = 0; c < p; c++) {
                ar += a[r][c] * xk[c];
              }
              qk += xk[r] * ar;
            }
            q += w * qk;
            for (int j = 0; j < p; j++) {
              t[j] += w * qk * xk[j];
            }
          }
          if (dead[k]) {
            d++;
            loglik += eta;
            if (u != null) {
              for (int j = 0; j < p; j++) {
                u[j] += xk[j];
              }
            }
          }
        }
        if (d == 0) {
          continue;
        }
        loglik -= d * Math.log(s0);
        if (u != null) {
          for (int j = 0; j < p; j++) {
            u[j] -= d * s1[j] / s0;
          }
        }
        if (info != null) {
          for (int r = 0; r < p; r++) {
            for (int c = 0; c <= r; c++) {
              final double e = d * (s2[r][c] / s0 - s1[r] * s1[c] / (s0 * s0));
              info[r][c] += e;
              if (c != r) {
                info[c][r] += e;
              }
            }
          }
        }
        if (a != null) {
          // v = A S1, then S2 v and S1' A S1
          double s1as1 = 0;
          for (int r = 0; r < p; r++) {
            double vr = 0;
            for (int c = 0; c < p; c++) {
              vr += a[r][c] * s1[c];
            }
            v[r] = vr;
            s1as1 += s1[r] * vr;
          }
          for (int j = 0; j < p; j++) {
            double s2v = 0;
            for (int c = 0; c < p; c++) {
              s2v += (c <= j ? s2[j][c] : s2[c][j]) * v[c];
            }
            trace[j] +=
                d
                    * (t[j] / s0
                        - q * s1[j] / (s0 * s0)
                        - 2 * s2v / (s0 * s0)
                        + 2 * s1as1 * s1[j] / (s0 * s0 * s0));
          }
        }
      }
      return loglik;
    }
  }
}
