package org.thyra.stats.survival;

import java.util.Arrays;

/**
 * Merges event times that differ only by floating-point noise, as survival's {@code aeqSurv}:
 * among the sorted distinct times, a gap {@code d} with {@code d <= tol} or
 * {@code d / mean(|t|) <= tol} ({@code tol = sqrt(2^-52)}) joins a time to its predecessor, and
 * every time is replaced by the first time of its group.
 */
final class CoxTimeFix {

    /** R's {@code sqrt(.Machine$double.eps)}. */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private CoxTimeFix() {
    }

    /**
     * Applies the rule.
     *
     * @param time finite times
     * @return {@code time} itself when nothing is merged, otherwise a corrected copy
     */
    static double[] apply(double[] time) {
        final double[] unique = CoxOrdering.sortedUnique(time);
        final int m = unique.length;
        if (m < 2) {
            return time;
        }
        double meanAbs = 0;
        for (double u : unique) {
            meanAbs += Math.abs(u);
        }
        meanAbs /= m;
        final boolean[] tied = new boolean[m - 1];
        boolean any = false;
        for (int i = 0; i < m - 1; i++) {
            final double dy = unique[i + 1] - unique[i];
            tied[i] = dy <= TOLERANCE || dy / meanAbs <= TOLERANCE;
            any |= tied[i];
        }
        if (!any) {
            return time;
        }
        final double[] cuts = new double[m];
        int nc = 0;
        cuts[nc++] = unique[0];
        for (int i = 0; i < m - 1; i++) {
            if (!tied[i]) {
                cuts[nc++] = unique[i + 1];
            }
        }
        final double[] c = Arrays.copyOf(cuts, nc);
        final double[] out = new double[time.length];
        for (int i = 0; i < time.length; i++) {
            int pos = Arrays.binarySearch(c, time[i]);
            if (pos < 0) {
                pos = -pos - 2;
            }
            out[i] = c[pos];
        }
        return out;
    }
}
