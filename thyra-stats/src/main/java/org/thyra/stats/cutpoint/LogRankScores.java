package org.thyra.stats.cutpoint;

import org.thyra.stats.rank.RadixOrder;

/**
 * Log-rank scores as {@code exactRankTests::cscores(Surv(t, e), type = "LogRank")}, which
 * {@code maxstat} uses: {@code a_i = e_i - sum_{k: t_k <= t_i} e_k / (N - r_k + 1)} with
 * {@code r_k} the rank of {@code t_k}, tied times taking the largest rank. O(N) after a radix
 * ordering by time.
 *
 * <p>Reference: Hothorn and Lausen (2003) Computational Statistics &amp; Data Analysis 43:121-137.
 */
final class LogRankScores {
    private LogRankScores() {
    }

    /** Flag bit of a tag: the observation is an event. */
    private static final int EVENT = 1 << 31;

    /**
     * The scores in data order. The times are sorted once with each observation's index and event
     * flag as payload ({@link RadixOrder}), so the pass below reads sorted memory only and writes
     * each score once.
     */
    static double[] of(double[] time, double[] event) {
        int n = time.length;
        int[] tags = new int[n];
        for (int i = 0; i < n; i++) {
            tags[i] = event[i] == 1 ? i | EVENT : i;
        }
        long[] ts = RadixOrder.sortKeys(time, tags); // equal keys == tied times
        int[] tag = tags;
        double[] scores = new double[n];
        double cum = 0;
        int i = 0;
        while (i < n) {
            long ti = ts[i];
            int j = i;
            while (j + 1 < n && ts[j + 1] == ti) {
                j++;
            }
            double denom = n - (j + 1) + 1; // ties take the maximum rank j + 1
            for (int k = i; k <= j; k++) {
                cum += (tag[k] >>> 31) / denom; // event (0 or 1) / denom, as event[k] / denom
            }
            for (int k = i; k <= j; k++) {
                scores[tag[k] & ~EVENT] = (tag[k] >>> 31) - cum;
            }
            i = j + 1;
        }
        return scores;
    }
}
