package org.thyra.stats.survival;

/**
 * Harrell's concordance statistic for right-censored data, as R's {@code survival::concordance}
 * (survival 3.5, {@code timewt = "n"}).
 *
 * <p>A pair (i, j) is comparable when the shorter time {@code t_i < t_j} is an event, or both
 * times are equal and only i is an event (a censoring at an event's time counts as outliving
 * it). It is concordant when the subject with the longer time has the larger predictor
 * ({@code reverse = false}) or the smaller predictor ({@code reverse = true}, the convention for
 * a Cox linear predictor, where a high risk score means short survival). Pairs tied on the
 * predictor count ½:
 * {@code C = (concordant + tied/2) / (concordant + discordant + tied)}. With strata, only pairs
 * within a stratum are compared.
 *
 * <p>The standard error is the infinitesimal jackknife ({@code sqrt(var)} in survival, the
 * {@code std} that {@code coxph} stores in {@code fit$concordance}): with Somers'
 * {@code d = 2C - 1} and per-subject influence counts, {@code var(C) = sum(dfbeta_i^2) / 4},
 * {@code dfbeta_i = (conc_i - disc_i) / npair - d * (conc_i + disc_i + tied_i) / npair}.
 * Counting uses binary indexed trees over the predictor ranks: O(n log n).
 *
 * <p>Reference: Therneau TM, Watson DA. The concordance statistic and the Cox model. Mayo Clinic
 * technical report 85 (2017); survival package, {@code concordancefit} and concordance3.c.
 */
public final class Concordance {

    private static final String METHOD = "Harrell's C (survival::concordance, timewt n),"
        + " predictor ties count 1/2, SE by infinitesimal jackknife";

    private Concordance() {
    }

    /**
     * Computes Harrell's C. Times that differ only by floating-point noise are merged first, as
     * {@code concordance(..., timefix = TRUE)}.
     *
     * @param time      follow-up times (finite, >= 0)
     * @param status    1 = event, 0 = censored
     * @param predictor predictor values (finite)
     * @param strata    stratum codes 0..k-1, or null
     * @param reverse   true when larger predictor values mean shorter survival
     * @return the statistic, SE and pair counts
     * @throws IllegalArgumentException on mismatched lengths or invalid values
     */
    public static ConcordanceResult compute(double[] time, int[] status, double[] predictor,
                                            int[] strata, boolean reverse) {
        validate(time, status, predictor);
        return computeFixed(CoxTimeFix.apply(time), status, predictor, strata, reverse);
    }

    private static void validate(double[] time, int[] status, double[] predictor) {
        if (time == null || status == null || predictor == null) {
            throw new IllegalArgumentException("time, status and predictor must not be null");
        }
        final int n = time.length;
        if (status.length != n || predictor.length != n) {
            throw new IllegalArgumentException("time (" + n + "), status (" + status.length
                + ") and predictor (" + predictor.length + ") must have the same length");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i]) || time[i] < 0) {
                throw new IllegalArgumentException(
                    "time must be finite and >= 0, got " + time[i] + " at index " + i);
            }
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException(
                    "status must be 0 or 1, got " + status[i] + " at index " + i);
            }
            if (!Double.isFinite(predictor[i])) {
                throw new IllegalArgumentException(
                    "predictor must be finite, got " + predictor[i] + " at index " + i);
            }
        }
    }

    /** Core computation on validated data whose times are already fixed. */
    static ConcordanceResult computeFixed(double[] time, int[] status, double[] predictor,
                                          int[] strata, boolean reverse) {
        final int n = time.length;
        final int nStrata = CoxOrdering.strataCount(strata, n);
        final double[] uniqueX = CoxOrdering.sortedUnique(predictor);
        final int m = uniqueX.length;
        final int[] xRank = CoxOrdering.denseRank(predictor, uniqueX);
        final double[] uniqueT = CoxOrdering.sortedUnique(time);
        final int[] tRank = CoxOrdering.denseRank(time, uniqueT);

        // order(strata, -time, status, x): stable counting sorts from the last key to the first
        int[] order = CoxOrdering.countingSort(CoxOrdering.identity(n), xRank, m, false);
        order = CoxOrdering.countingSort(order, status, 2, false);
        order = CoxOrdering.countingSort(order, tRank, uniqueT.length, true);
        if (nStrata > 1) {
            order = CoxOrdering.countingSort(order, strata, nStrata, false);
        }

        final Fenwick all = new Fenwick(m);
        final Fenwick deaths = new Fenwick(m);
        final double[] count = new double[5];
        // influence, kept as the two combinations the variance needs
        final double[] diff = new double[n];  // concordant_i - discordant_i
        final double[] total = new double[n]; // concordant_i + discordant_i + tied_i
        final double[] wsum = new double[3];

        int blockStart = 0;
        while (blockStart < n) {
            int blockEnd = blockStart + 1;
            if (nStrata > 1) {
                final int s = strata[order[blockStart]];
                while (blockEnd < n && strata[order[blockEnd]] == s) {
                    blockEnd++;
                }
            } else {
                blockEnd = n;
            }
            countStratum(order, blockStart, blockEnd, time, status, xRank, all, deaths,
                count, diff, total, wsum);
            // empty the trees for the next stratum by removing what was added
            for (int i = blockStart; i < blockEnd; i++) {
                final int ii = order[i];
                all.add(xRank[ii], -1);
                if (status[ii] == 1) {
                    deaths.add(xRank[ii], -1);
                }
            }
            blockStart = blockEnd;
        }
        count[3] -= count[4];

        final double npair = count[0] + count[1] + count[2];
        final double somers = (count[0] - count[1]) / npair;
        double var = 0;
        for (int i = 0; i < n; i++) {
            final double dfbeta = diff[i] / npair - (somers / npair) * total[i];
            var += dfbeta * dfbeta;
        }
        var /= 4;
        double c = (somers + 1) / 2;
        double concordant = count[0];
        double discordant = count[1];
        if (reverse) {
            c = 1 - c;
            concordant = count[1];
            discordant = count[0];
        }
        if (npair == 0) {
            c = Double.NaN;
            var = Double.NaN;
        }
        return new ConcordanceResult(c, Math.sqrt(var), concordant, discordant, count[2],
            count[3], count[4], METHOD + (reverse ? ", reverse (high predictor = short survival)"
                : "") + (nStrata > 1 ? ", within strata" : ""));
    }

    /** Port of concordance3.c for one stratum with unit weights and time weights. */
    private static void countStratum(int[] sort, int from, int to, double[] time, int[] status,
                                     int[] x, Fenwick all, Fenwick deaths, double[] count,
                                     double[] diff, double[] total, double[] wsum) {
        int i = from;
        while (i < to) {
            final int ii = sort[i];
            if (status[ii] == 0) {
                deaths.walk(x[ii], wsum);
                diff[ii] -= wsum[1] - wsum[0];
                total[ii] -= wsum[0] + wsum[1] + wsum[2];
                all.add(x[ii], 1);
                i++;
            } else {
                double dwt = 0;
                double dwt2 = 0;
                int xsave = x[ii];
                int j = i;
                for (; j < to && time[sort[j]] == time[ii]; j++) {
                    final int jj = sort[j];
                    count[3] += dwt;
                    dwt += 1;
                    if (x[jj] != xsave) {
                        dwt2 = 0;
                        xsave = x[jj];
                    }
                    count[4] += dwt2;
                    dwt2 += 1;
                    all.walk(x[jj], wsum);
                    count[0] += wsum[0];
                    count[1] += wsum[1];
                    count[2] += wsum[2];
                    diff[jj] += wsum[0] - wsum[1];
                    total[jj] += wsum[0] + wsum[1] + wsum[2];
                    deaths.add(x[jj], 1);
                }
                for (int k = i; k < j; k++) {
                    final int jj = sort[k];
                    deaths.walk(x[jj], wsum);
                    diff[jj] -= wsum[1] - wsum[0];
                    total[jj] -= wsum[0] + wsum[1] + wsum[2];
                    all.add(x[jj], 1);
                }
                i = j;
            }
        }
        for (int k = from; k < to; k++) {
            final int kk = sort[k];
            deaths.walk(x[kk], wsum);
            diff[kk] += wsum[1] - wsum[0];
            total[kk] += wsum[0] + wsum[1] + wsum[2];
        }
    }

    /** Binary indexed tree of weights over predictor ranks. */
    private static final class Fenwick {
        private final double[] tree;
        private final double[] node;
        private double sum;

        Fenwick(int size) {
            tree = new double[size + 1];
            node = new double[size];
        }

        void add(int rank, double w) {
            node[rank] += w;
            sum += w;
            for (int k = rank + 1; k < tree.length; k += k & -k) {
                tree[k] += w;
            }
        }

        /** Fills {@code out} with the weights greater than, less than and equal to {@code rank}. */
        void walk(int rank, double[] out) {
            double less = 0;
            for (int k = rank; k > 0; k -= k & -k) {
                less += tree[k];
            }
            final double equal = node[rank];
            out[0] = sum - less - equal;
            out[1] = less;
            out[2] = equal;
        }
    }
}
