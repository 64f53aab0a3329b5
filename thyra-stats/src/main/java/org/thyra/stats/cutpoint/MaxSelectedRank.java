package org.thyra.stats.cutpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.rank.RadixOrder;

/**
 * Maximally selected log-rank statistic, exactly as
 * {@code maxstat.test(Surv(t, e) ~ x, smethod = "LogRank", pmethod = "Lau94", minprop, maxprop)}
 * (maxstat 0.7-25, {@code cmaxstat}):
 *
 * <p>With log-rank scores {@code a} ({@link LogRankScores}) ordered by x, candidate cut-points
 * are the distinct x values; for the cut after the first {@code m} ordered observations
 * {@code S_m = sum_{i<=m} a_i}, {@code E = m/N sum a}, {@code V = m (N-m) / (N^2 (N-1)) (N sum a^2 - (sum a)^2)}
 * and {@code M = max |S_m - E| / sqrt(V)} over {@code max(1, floor(N minprop)) <= m <= floor(N maxprop)}
 * (for minprop = 0 and maxprop = 1 maxstat drops the first and last candidate). The estimate is the
 * smallest maximising cut; values &lt;= it form the low group. The p-value is Lausen's (1994)
 * improved Bonferroni bound ({@code pLausen94}):
 * {@code 1 - (Phi(b) - Phi(-b)) + sum_k exp(-b^2/2)/pi (t_k - (b^2/4 - 1) t_k^3 / 6)},
 * {@code t_k = sqrt(1 - m_k (N - m_{k+1}) / ((N - m_k) m_{k+1}))}. O(N): MSD radix orderings by
 * time and by x ({@link RadixOrder}, which also returns the sorted values, so ties are found on
 * sequential memory), then one pass.
 *
 * <p>References: Lausen and Schumacher (1992) Biometrics 48:73-85; Lausen, Sauerbrei and
 * Schumacher (1994) Computational Statistics 483-496; Hothorn and Lausen (2003) CSDA 43:121-137.
 */
public final class MaxSelectedRank {
    private MaxSelectedRank() {
    }

    /** From this many rows the two sorts run on two threads (same result, less elapsed time). */
    static volatile int parallelMinRows = 20_000; // not final: tests run the split on small data

    /** With maxstat's defaults minprop = 0.1, maxprop = 0.9. */
    public static MaxSelectedRankResult logRank(double[] time, double[] event01, double[] x) {
        return logRank(time, event01, x, 0.1, 0.9);
    }

    /**
     * @param time follow-up times (finite, &gt;= 0)
     * @param event01 1 = event, 0 = censored
     * @param x the continuous variable to dichotomise
     * @param minprop smallest proportion in the low group, in [0, 0.5)
     * @param maxprop largest proportion in the low group, in (0.5, 1]
     * @throws IllegalArgumentException on invalid or missing input, no events, or no admissible cut-point
     */
    public static MaxSelectedRankResult logRank(double[] time, double[] event01, double[] x, double minprop,
                                                double maxprop) {
        validateShapes(time, event01, x);
        if (!(minprop >= 0 && minprop < maxprop && maxprop <= 1)) {
            throw new IllegalArgumentException("need 0 <= minprop < maxprop <= 1, got minprop " + minprop
                + ", maxprop " + maxprop);
        }
        int n = time.length;
        double[] y;
        long[] xs;
        if (n < parallelMinRows) {
            validateOutcome(time, event01);
            validateX(x);
            // the scores ride along as the payload of the x sort: y is the scores in (stable) x order
            y = LogRankScores.of(time, event01);
            xs = RadixOrder.sortKeys(x, y); // sorted x as keys: equal keys == tied values
        } else {
            // the two sorts (times for the scores, x for the cuts) are independent: run them, each
            // after checking its own input, on two threads and carry row indices through the x
            // sort, then look the scores up
            CompletableFuture<double[]> scores = CompletableFuture.supplyAsync(() -> {
                validateOutcome(time, event01);
                return LogRankScores.of(time, event01);
            });
            validateX(x);
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            xs = RadixOrder.sortKeys(x, rows);
            double[] s;
            try {
                s = scores.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            }
            y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = s[rows[i]];
            }
        }
        int[] all = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || xs[i] != xs[i - 1]) {
                all[k++] = i; // number of observations before the k-th distinct value
            }
        }
        int[] m;
        if (minprop == 0 && maxprop == 1) {
            m = k >= 3 ? Arrays.copyOfRange(all, 1, k - 1) : new int[0];
        } else {
            long lo = (long) Math.floor(n * minprop);
            long hi = (long) Math.floor(n * maxprop);
            boolean anyAtLeast = false;
            boolean anyAtMost = false;
            for (int i = 0; i < k; i++) {
                anyAtLeast |= all[i] >= lo;
                anyAtMost |= all[i] <= hi;
            }
            if (!anyAtLeast) {
                throw new IllegalArgumentException("minprop too large: no cut-point leaves " + lo + " of " + n
                    + " observations in the low group (distinct values: " + k + ")");
            }
            if (!anyAtMost) {
                throw new IllegalArgumentException("maxprop too small: no cut-point with at most " + hi + " of " + n
                    + " observations in the low group");
            }
            long from = Math.max(1, lo);
            int c = 0;
            int[] keep = new int[k];
            for (int i = 0; i < k; i++) {
                if (all[i] >= from && all[i] <= hi) {
                    keep[c++] = all[i];
                }
            }
            m = Arrays.copyOf(keep, c);
        }
        if (m.length < 1) {
            throw new IllegalArgumentException("no cut-point between minprop " + minprop + " and maxprop " + maxprop
                + " (" + n + " observations, " + k + " distinct values)");
        }
        double ss = 0;
        double ss2 = 0;
        for (double v : y) {
            ss += v;
            ss2 += v * v;
        }
        double nn = n;
        double[] stats = new double[m.length];
        double[] cuts = new double[m.length];
        double cum = 0;
        int pos = 0;
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = -1;
        for (int c = 0; c < m.length; c++) {
            while (pos < m[c]) {
                cum += y[pos++]; // cumsum(y)[m] in x order, as cmaxstat
            }
            double mm = m[c];
            double e = mm / nn * ss;
            double v = mm * (nn - mm) / (nn * nn * (nn - 1)) * (nn * ss2 - ss * ss);
            stats[c] = Math.abs((cum - e) / Math.sqrt(v));
            cuts[c] = RadixOrder.value(xs[m[c] - 1]);
            if (stats[c] > best) {
                best = stats[c];
                bestIndex = c;
            }
        }
        double cut = cuts[bestIndex];
        int nLow = m[bestIndex]; // observations before the next distinct value, i.e. x <= cut
        double p = pLausen94(best, n, m);
        List<String> warnings = new ArrayList<>();
        if (m.length == 1) {
            warnings.add("only one admissible cut-point");
        }
        String method = "maximally selected log-rank statistic as maxstat.test(smethod = \"LogRank\", pmethod = \"Lau94\", "
            + "minprop = " + minprop + ", maxprop = " + maxprop + "): exactRankTests log-rank scores, cut-points at distinct "
            + "values, x <= cut-point is the low group; p adjusted for the selection by Lausen (1994)";
        return new MaxSelectedRankResult(cut, best, p, "Lau94", nLow, n - nLow, cuts, stats, minprop, maxprop, method,
            warnings);
    }

    /** maxstat's {@code pLausen94(b, N, minprop, maxprop, m)}. */
    static double pLausen94(double b, int n, int[] m) {
        double d = 0;
        if (m.length > 1) {
            double c = 1 / Math.PI * Math.exp(-b * b / 2); // the same product maxstat forms per term
            double q = b * b / 4 - 1;
            for (int i = 0; i + 1 < m.length; i++) {
                double m1 = m[i];
                double m2 = m[i + 1];
                double t = Math.sqrt(1 - m1 * (n - m2) / ((n - m1) * m2));
                d += c * (t - q * (t * t * t) / 6);
            }
        }
        NormalDistribution normal = NormalDistribution.of(0, 1);
        return 1 - (normal.cumulativeProbability(b) - normal.cumulativeProbability(-b)) + d;
    }

    static void validateSurvival(double[] time, double[] event, double[] x) {
        validateShapes(time, event, x);
        validateOutcome(time, event);
        validateX(x);
    }

    private static void validateShapes(double[] time, double[] event, double[] x) {
        if (time == null || event == null || x == null) {
            throw new IllegalArgumentException("time, event and x must not be null");
        }
        int n = time.length;
        if (event.length != n || x.length != n) {
            throw new IllegalArgumentException("time (" + n + "), event (" + event.length + ") and x (" + x.length
                + ") must have the same length");
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 observations, got " + n);
        }
    }

    private static void validateOutcome(double[] time, double[] event) {
        boolean anyEvent = false;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isFinite(time[i]) || time[i] < 0) {
                throw new IllegalArgumentException("time must be finite and >= 0; observation " + (i + 1) + " is " + time[i]);
            }
            if (event[i] != 0 && event[i] != 1) {
                throw new IllegalArgumentException("event must be 0 or 1; observation " + (i + 1) + " is " + event[i]);
            }
            anyEvent |= event[i] == 1;
        }
        if (!anyEvent) {
            throw new IllegalArgumentException("no events: the log-rank statistic is undefined");
        }
    }

    private static void validateX(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x has a missing or non-finite value at observation " + (i + 1)
                    + " (remove missing rows first)");
            }
        }
    }
}
