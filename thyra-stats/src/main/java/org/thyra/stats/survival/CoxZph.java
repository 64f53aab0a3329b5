package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Test of proportional hazards for a fitted Cox model, as R's survival 3.5 {@code cox.zph(fit,
 * transform = "km", terms = TRUE)}.
 *
 * <p>The model is extended with time-varying coefficients {@code b_j + g(t) theta_j}, where {@code
 * g(t) = 1 - KM(t-)} (the Kaplan–Meier transform of time, over all data) centred at its mean over
 * the events. Each test is the score test of {@code theta = 0} at the fitted b (the survival 3.x
 * test, not the older approximation from scaled Schoenfeld residuals): with score {@code U = (0,
 * U_theta)} and the 2p × 2p information matrix I of (b, theta), {@code chisq = U' I^-1 U}. A term
 * (all columns of a categorical variable) is tested with the information restricted to (b,
 * theta_term), df = its number of columns; the global test uses all columns, df = number of
 * non-aliased coefficients. Aliased columns are dropped first, as R does. Ties are handled as in
 * the fit (Efron or Breslow). The sums over risk sets are those of the fit's Newton–Raphson pass
 * ({@code CoxModel}), evaluated once at the estimate with the time weights g(t) and g(t)^2 carried
 * beside them: O(n p^2).
 *
 * <p>Reference: Grambsch PM, Therneau TM (1994) Biometrika 81:515–526; survival package, {@code
 * cox.zph} and zph1.c.
 */
public final class CoxZph {

  private CoxZph() {}

  /**
   * Tests proportional hazards per term and globally.
   *
   * @param fit the fitted model (from the same data)
   * @param time follow-up times, as given to {@link CoxModel#fit}
   * @param status 1 = event, 0 = censored
   * @param columns covariates, column-major, as given to the fit
   * @param strata stratum codes, or null, as given to the fit
   * @param assign for each column, the 0-based index of its term in {@code variables}
   * @param variables term (variable) names
   * @return per-term and global tests
   * @throws IllegalArgumentException when the data do not match the fit, the fit has no events or
   *     no estimable coefficient, or assign is invalid
   */
  // the public overload repeats the parameter list only: it delegates to the one below
  public static CoxZphResult test(
      CoxFit fit,
      double[] time,
      int[] status,
      double[][] columns,
      int[] strata,
      int[] assign,
      List<String> variables) {
    return test(fit, null, time, status, columns, strata, assign, variables);
  }

  /** As above, reusing the fit's engine when given (null: build one from the data). */
  static CoxZphResult test(
      CoxFit fit,
      CoxModel.Engine fitEngine,
      double[] time,
      int[] status,
      double[][] columns,
      int[] strata,
      int[] assign,
      List<String> variables) {
    if (fit == null
        || time == null
        || status == null
        || columns == null
        || assign == null
        || variables == null) {
      throw new IllegalArgumentException("arguments must not be null");
    }
    final int n = time.length;
    final int p = columns.length;
    if (n != fit.n() || status.length != n) {
      throw new IllegalArgumentException(
          "time ("
              + n
              + ") and status ("
              + status.length
              + ") must have the fit's "
              + fit.n()
              + " rows");
    }
    if (p != fit.size() || assign.length != p) {
      throw new IllegalArgumentException(
          "columns ("
              + p
              + ") and assign ("
              + assign.length
              + ") must match the fit's "
              + fit.size()
              + " coefficients");
    }
    for (int j = 0; j < p; j++) {
      if (columns[j] == null || columns[j].length != n) {
        throw new IllegalArgumentException("column " + j + " must have " + n + " rows");
      }
      if (assign[j] < 0 || assign[j] >= variables.size()) {
        throw new IllegalArgumentException(
            "assign["
                + j
                + "] = "
                + assign[j]
                + " is not a term index 0.."
                + (variables.size() - 1));
      }
    }
    if (fit.events() == 0) {
      throw new IllegalArgumentException("the PH test needs events; the fit has none");
    }
    final CoxModel.Engine engine =
        fitEngine != null
            ? fitEngine
            : CoxModel.engine(
                time,
                status,
                columns,
                java.util.Collections.nCopies(p, "column"),
                strata,
                fit.options());
    // the engine's ranks of the (fixed) times, rather than sorting them again
    final double[] gtime = kmTransform(engine.inputTimes.ranks(), status);
    final double[][] full = engine.timeWeightedScore(fit.coefficientsView(), gtime);
    return fromScore(
        fit, full[0], java.util.Arrays.copyOfRange(full, 1, full.length), assign, variables, null);
  }

  /**
   * The per-term and global tests from the score (0 for b, U_theta) and the 2p x 2p information of
   * (b, theta) over all columns: aliased columns are dropped, then terms left without columns.
   *
   * @param note what the risk sets were, for the method (null: right-censored, unweighted)
   */
  static CoxZphResult fromScore(
      CoxFit fit,
      double[] score,
      double[][] information,
      int[] assign,
      List<String> variables,
      String note) {
    final int p = fit.size();
    final boolean[] aliased = fit.aliasedView();
    final int[] keep = new int[p];
    int nvar = 0;
    for (int j = 0; j < p; j++) {
      if (!aliased[j]) {
        keep[nvar++] = j;
      }
    }
    if (nvar == 0) {
      throw new IllegalArgumentException("the fit has no estimable coefficient");
    }
    final List<String> termNames = new ArrayList<>();
    final List<int[]> termColumns = new ArrayList<>();
    for (int term = 0; term < variables.size(); term++) {
      final List<Integer> cols = new ArrayList<>();
      for (int k = 0; k < nvar; k++) {
        if (assign[keep[k]] == term) {
          cols.add(k);
        }
      }
      if (!cols.isEmpty()) {
        termNames.add(variables.get(term));
        termColumns.add(cols.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    final double[][] full = new double[1 + 2 * p][];
    full[0] = score;
    System.arraycopy(information, 0, full, 1, 2 * p);
    final Score s = keep(full, keep, nvar, p);
    final List<CoxZphTerm> rows = new ArrayList<>();
    for (int k = 0; k < termNames.size(); k++) {
      final int[] jj = termColumns.get(k);
      final int m = nvar + jj.length;
      final int[] kk = new int[m];
      for (int i = 0; i < nvar; i++) {
        kk[i] = i;
      }
      for (int i = 0; i < jj.length; i++) {
        kk[nvar + i] = jj[i] + nvar;
      }
      rows.add(row(termNames.get(k), s, kk, nvar));
    }
    final int[] all = new int[2 * nvar];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    final CoxZphTerm global = row("GLOBAL", s, all, nvar);
    return new CoxZphResult(
        rows,
        global,
        "cox.zph score test (survival 3.5), transform km:"
            + " g(t) = 1 - KM(t-) centred at the event mean, terms = TRUE, "
            + fit.ties().label()
            + " ties, df = non-aliased columns per term"
            + (note == null ? "" : ", " + note));
  }

  private static CoxZphTerm row(String name, Score s, int[] kk, int nvar) {
    final int m = kk.length;
    final double[][] a = new double[m][m];
    final double[] u = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a[i][j] = s.imat[kk[i]][kk[j]];
      }
      u[i] = kk[i] < nvar ? 0 : s.u[kk[i]];
    }
    final double[] sol = solve(a, u.clone());
    double chisq = 0;
    for (int i = 0; i < m; i++) {
      chisq += sol[i] * u[i];
    }
    final int df = m - nvar;
    return new CoxZphTerm(
        name, chisq, df, ChiSquaredDistribution.of(df).survivalProbability(chisq));
  }

  /**
   * 1 - KM(t-) over all rows, centred at its mean over the events.
   *
   * @param ranks {@link CoxOrdering#ranks} of the times (after the time fix when the fit uses it)
   */
  static double[] kmTransform(CoxOrdering.Ranks ranks, int[] status) {
    final int n = status.length;
    final int m = ranks.count();
    final int[] rank = ranks.rank();
    final double[] atTime = new double[m];
    final double[] eventsAt = new double[m];
    for (int i = 0; i < n; i++) {
      atTime[rank[i]]++;
      eventsAt[rank[i]] += status[i];
    }
    final double[] survBefore = new double[m];
    double atRisk = n;
    double surv = 1;
    for (int k = 0; k < m; k++) {
      survBefore[k] = surv;
      if (eventsAt[k] > 0) {
        surv *= (atRisk - eventsAt[k]) / atRisk;
      }
      atRisk -= atTime[k];
    }
    final double[] g = new double[n];
    double sum = 0;
    int events = 0;
    for (int i = 0; i < n; i++) {
      g[i] = 1 - survBefore[rank[i]];
      if (status[i] == 1) {
        sum += g[i];
        events++;
      }
    }
    final double mean = sum / events;
    for (int i = 0; i < n; i++) {
      g[i] -= mean;
    }
    return g;
  }

  private record Score(double[] u, double[][] imat) {}

  /** Restricts the score and information of all columns to the non-aliased ones. */
  private static Score keep(double[][] full, int[] keep, int nvar, int p) {
    final double[] u = new double[2 * nvar];
    final double[][] imat = new double[2 * nvar][2 * nvar];
    final int[] idx = new int[2 * nvar];
    for (int k = 0; k < nvar; k++) {
      idx[k] = keep[k];
      idx[k + nvar] = keep[k] + p;
    }
    for (int r = 0; r < 2 * nvar; r++) {
      u[r] = full[0][idx[r]];
      for (int c = 0; c < 2 * nvar; c++) {
        imat[r][c] = full[1 + idx[r]][idx[c]];
      }
    }
    return new Score(u, imat);
  }

  /** Solves A x = b by Gaussian elimination with partial pivoting (as R's solve, LAPACK dgesv). */
  private static double[] solve(double[][] a, double[] b) {
    final int n = b.length;
    double scale = 0;
    for (double[] row : a) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    // R's solve() stops when the system is computationally singular; so do we
    final double tiny = scale * 1e-14;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (!(Math.abs(a[piv][c]) > tiny)) {
        throw new IllegalArgumentException(
            "the PH test information matrix is singular (a covariate constant over time?)");
      }
      final double[] tr = a[c];
      a[c] = a[piv];
      a[piv] = tr;
      final double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < n; r++) {
        final double f = a[r][c] / a[c][c];
        if (f != 0) {
          for (int k = c; k < n; k++) {
            a[r][k] -= f * a[c][k];
          }
          b[r] -= f * b[c];
        }
      }
    }
    final double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
