package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Test of proportional hazards for a fitted Cox model, as R's survival 3.5
 * {@code cox.zph(fit, transform = "km", terms = TRUE)}.
 *
 * <p>The model is extended with time-varying coefficients {@code b_j + g(t) theta_j}, where
 * {@code g(t) = 1 - KM(t-)} (the Kaplan–Meier transform of time, over all data) centred at its
 * mean over the events. Each test is the score test of {@code theta = 0} at the fitted b (the
 * survival 3.x test, not the older approximation from scaled Schoenfeld residuals): with
 * score {@code U = (0, U_theta)} and the 2p × 2p information matrix I of (b, theta),
 * {@code chisq = U' I^-1 U}. A term (all columns of a categorical variable) is tested with the
 * information restricted to (b, theta_term), df = its number of columns; the global test uses
 * all columns, df = number of non-aliased coefficients. Aliased columns are dropped first, as R
 * does. Ties are handled as in the fit (Efron or Breslow).
 *
 * <p>Reference: Grambsch PM, Therneau TM (1994) Biometrika 81:515–526; survival package,
 * {@code cox.zph} and zph1.c.
 */
public final class CoxZph {

    private CoxZph() {
    }

    /**
     * Tests proportional hazards per term and globally.
     *
     * @param fit       the fitted model (from the same data)
     * @param time      follow-up times, as given to {@link CoxModel#fit}
     * @param status    1 = event, 0 = censored
     * @param columns   covariates, column-major, as given to the fit
     * @param strata    stratum codes, or null, as given to the fit
     * @param assign    for each column, the 0-based index of its term in {@code variables}
     * @param variables term (variable) names
     * @return per-term and global tests
     * @throws IllegalArgumentException when the data do not match the fit, the fit has no
     *                                  events or no estimable coefficient, or assign is invalid
     */
    public static CoxZphResult test(CoxFit fit, double[] time, int[] status, double[][] columns,
                                    int[] strata, int[] assign, List<String> variables) {
        if (fit == null || time == null || status == null || columns == null || assign == null
            || variables == null) {
            throw new IllegalArgumentException("arguments must not be null");
        }
        final int n = time.length;
        final int p = columns.length;
        if (n != fit.n() || status.length != n) {
            throw new IllegalArgumentException("time (" + n + ") and status (" + status.length
                + ") must have the fit's " + fit.n() + " rows");
        }
        if (p != fit.size() || assign.length != p) {
            throw new IllegalArgumentException("columns (" + p + ") and assign (" + assign.length
                + ") must match the fit's " + fit.size() + " coefficients");
        }
        for (int j = 0; j < p; j++) {
            if (columns[j] == null || columns[j].length != n) {
                throw new IllegalArgumentException("column " + j + " must have " + n + " rows");
            }
            if (assign[j] < 0 || assign[j] >= variables.size()) {
                throw new IllegalArgumentException("assign[" + j + "] = " + assign[j]
                    + " is not a term index 0.." + (variables.size() - 1));
            }
        }
        if (fit.events() == 0) {
            throw new IllegalArgumentException("the PH test needs events; the fit has none");
        }
        final int nStrata = CoxOrdering.strataCount(strata, n);
        final double[] t = fit.options().timeFix() ? CoxTimeFix.apply(time) : time;

        // drop aliased columns, then terms left without columns
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

        final double[] gtime = kmTransform(t, status);
        final double[] eta = fit.linearPredictorView();
        final Score s = score(t, status, columns, keep, nvar, eta, strata, nStrata, gtime,
            fit.ties() == Ties.EFRON);

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
        return new CoxZphResult(rows, global, "cox.zph score test (survival 3.5), transform km:"
            + " g(t) = 1 - KM(t-) centred at the event mean, terms = TRUE, "
            + fit.ties().label() + " ties, df = non-aliased columns per term");
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
        return new CoxZphTerm(name, chisq, df,
            ChiSquaredDistribution.of(df).survivalProbability(chisq));
    }

    /** 1 - KM(t-) over all rows, centred at its mean over the events. */
    static double[] kmTransform(double[] time, int[] status) {
        final int n = time.length;
        final CoxOrdering.Ranks ranks = CoxOrdering.ranks(time);
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

    private record Score(double[] u, double[][] imat) {
    }

    /** Score vector and information of (b, theta) at the fit (zph1.c). */
    private static Score score(double[] time, int[] status, double[][] columns, int[] keep,
                               int nvar, double[] eta, int[] strata, int nStrata, double[] gt,
                               boolean efron) {
        final int n = time.length;
        final int[] sort = CoxOrdering.byStratumThenTime(time, strata, nStrata);
        // recentre X for a stable variance computation
        final double[][] x = new double[nvar][];
        for (int i = 0; i < nvar; i++) {
            final double[] c = columns[keep[i]];
            double mean = 0;
            for (int k = 0; k < n; k++) {
                mean += c[k];
            }
            mean /= n;
            x[i] = new double[n];
            for (int k = 0; k < n; k++) {
                x[i][k] = c[k] - mean;
            }
        }
        // risk scores are ratios within a risk set: shift a huge predictor to avoid overflow
        double maxEta = Double.NEGATIVE_INFINITY;
        for (double e : eta) {
            maxEta = Math.max(maxEta, e);
        }
        final double shift = maxEta > 500 ? maxEta - 500 : 0;

        final double[] u = new double[2 * nvar];
        final double[][] imat = new double[2 * nvar][2 * nvar];
        final double[] a = new double[nvar];
        final double[] a2 = new double[nvar];
        final double[][] cmat = new double[nvar][nvar];
        final double[][] cmat2 = new double[nvar][nvar];
        double denom = 0;
        int cstrat = -1;
        int ip = n - 1;
        while (ip >= 0) {
            int person = sort[ip];
            final int st = strata == null ? 0 : strata[person];
            if (st != cstrat) {
                cstrat = st;
                denom = 0;
                for (int i = 0; i < nvar; i++) {
                    a[i] = 0;
                    java.util.Arrays.fill(cmat[i], 0);
                }
            }
            final double dtime = time[person];
            final double timewt = gt[person];
            double ndead = 0;
            double deadwt = 0;
            double denom2 = 0;
            for (; ip >= 0; ip--) {
                person = sort[ip];
                if (time[person] != dtime || (strata == null ? 0 : strata[person]) != cstrat) {
                    break;
                }
                final double risk = Math.exp(eta[person] - shift);
                if (status[person] == 0) {
                    denom += risk;
                    for (int i = 0; i < nvar; i++) {
                        a[i] += risk * x[i][person];
                        for (int j = 0; j <= i; j++) {
                            cmat[i][j] += risk * x[i][person] * x[j][person];
                        }
                    }
                } else {
                    ndead++;
                    deadwt += 1;
                    denom2 += risk;
                    for (int i = 0; i < nvar; i++) {
                        u[i] += x[i][person];
                        u[i + nvar] += timewt * x[i][person];
                        a2[i] += risk * x[i][person];
                        for (int j = 0; j <= i; j++) {
                            cmat2[i][j] += risk * x[i][person] * x[j][person];
                        }
                    }
                }
            }
            if (ndead > 0) {
                if (!efron) {
                    denom += denom2;
                    for (int i = 0; i < nvar; i++) {
                        a[i] += a2[i];
                        final double mean = a[i] / denom;
                        u[i] -= deadwt * mean;
                        u[i + nvar] -= timewt * deadwt * mean;
                        for (int j = 0; j <= i; j++) {
                            cmat[i][j] += cmat2[i][j];
                            final double temp = deadwt * (cmat[i][j] - mean * a[j]) / denom;
                            imat[j][i] += temp;
                            imat[j][i + nvar] += temp * timewt;
                            imat[j + nvar][i + nvar] += temp * timewt * timewt;
                        }
                    }
                } else {
                    final double wtave = deadwt / ndead;
                    for (int k = 0; k < ndead; k++) {
                        denom += denom2 / ndead;
                        for (int i = 0; i < nvar; i++) {
                            a[i] += a2[i] / ndead;
                            final double mean = a[i] / denom;
                            u[i] -= wtave * mean;
                            u[i + nvar] -= timewt * wtave * mean;
                            for (int j = 0; j <= i; j++) {
                                cmat[i][j] += cmat2[i][j] / ndead;
                                final double temp = wtave * (cmat[i][j] - mean * a[j]) / denom;
                                imat[j][i] += temp;
                                imat[j][i + nvar] += timewt * temp;
                                imat[j + nvar][i + nvar] += timewt * timewt * temp;
                            }
                        }
                    }
                }
                for (int i = 0; i < nvar; i++) {
                    a2[i] = 0;
                    java.util.Arrays.fill(cmat2[i], 0);
                }
            }
        }
        // fill the symmetric matrix from the accumulated triangles
        for (int i = 0; i < nvar; i++) {
            for (int j = 0; j < i; j++) {
                imat[i][j] = imat[j][i];
                imat[i][j + nvar] = imat[j][i + nvar];
                imat[i + nvar][j + nvar] = imat[j + nvar][i + nvar];
            }
        }
        for (int i = 0; i < nvar; i++) {
            for (int j = 0; j < nvar; j++) {
                imat[i + nvar][j] = imat[j][i + nvar];
            }
        }
        // the lower blocks must mirror the upper ones: lower-left of the theta block too
        for (int i = 0; i < 2 * nvar; i++) {
            for (int j = 0; j < i; j++) {
                imat[i][j] = imat[j][i];
            }
        }
        return new Score(u, imat);
    }

    /** Solves A x = b by Gaussian elimination with partial pivoting (as R's solve, LAPACK dgesv). */
    private static double[] solve(double[][] a, double[] b) {
        final int n = b.length;
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (a[piv][c] == 0) {
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
