package org.thyra.stats.cutpoint;

/**
 * Log-rank scores as {@code exactRankTests::cscores(Surv(t, e), type = "LogRank")}, which
 * {@code maxstat} uses: {@code a_i = e_i - sum_{k: t_k <= t_i} e_k / (N - r_k + 1)} with
 * {@code r_k} the rank of {@code t_k}, tied times taking the largest rank.
 *
 * <p>Reference: Hothorn and Lausen (2003) Computational Statistics &amp; Data Analysis 43:121-137.
 */
final class LogRankScores {
    private LogRankScores() {
    }

    static double[] of(double[] time, double[] event) {
        int n = time.length;
        int[] ot = IndexSort.order(time);
        double[] scores = new double[n];
        double cum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && time[ot[j + 1]] == time[ot[i]]) {
                j++;
            }
            int rank = j + 1; // ties take the maximum rank
            double denom = n - rank + 1;
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
