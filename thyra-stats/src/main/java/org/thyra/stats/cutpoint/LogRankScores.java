package org.thyra.stats.cutpoint;

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

    static double[] of(double[] time, double[] event) {
        return of(time, event, RadixOrder.order(time));
    }

    /** With {@code ot} the ordering permutation of {@code time}. */
    static double[] of(double[] time, double[] event, int[] ot) {
        int n = time.length;
        double[] scores = new double[n];
        double cum = 0;
        int i = 0;
        while (i < n) {
            double ti = time[ot[i]];
            int j = i;
            while (j + 1 < n && time[ot[j + 1]] == ti) {
                j++;
            }
            double denom = n - (j + 1) + 1; // ties take the maximum rank j + 1
            for (int k = i; k <= j; k++) {
                cum += event[ot[k]] / denom;
            }
            for (int k = i; k <= j; k++) {
                scores[ot[k]] = event[ot[k]] - cum;
            }
            i = j + 1;
        }
        return scores;
    }
}
