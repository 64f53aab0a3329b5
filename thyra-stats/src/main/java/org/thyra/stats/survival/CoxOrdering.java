package org.thyra.stats.survival;

import java.util.Arrays;

/**
 * Primitive, allocation-light orderings for survival data: dense ranks of doubles and stable
 * counting sorts on small integer keys, so that sorting {@code n = 10^6} rows costs one
 * {@code Arrays.sort} of the distinct values plus linear passes.
 */
final class CoxOrdering {

    private CoxOrdering() {
    }

    /**
     * Sorted distinct values.
     *
     * @param values finite values
     * @return ascending distinct values
     */
    static double[] sortedUnique(double[] values) {
        final double[] s = values.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || s[i] != s[m - 1]) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }

    /**
     * Dense 0-based ranks: equal values share a rank, ranks increase with the value.
     *
     * @param values finite values
     * @param unique {@link #sortedUnique} of {@code values}
     * @return rank of each value
     */
    static int[] denseRank(double[] values, double[] unique) {
        final int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = Arrays.binarySearch(unique, values[i]);
        }
        return r;
    }

    /**
     * Stable counting sort of {@code order} by {@code key[order[i]]}.
     *
     * @param order      permutation to reorder (read)
     * @param key        keys in 0..(range - 1), indexed by original row
     * @param range      number of distinct keys
     * @param descending sort keys in decreasing order
     * @return the reordered permutation
     */
    static int[] countingSort(int[] order, int[] key, int range, boolean descending) {
        final int[] start = new int[range + 1];
        for (int idx : order) {
            final int k = descending ? range - 1 - key[idx] : key[idx];
            start[k + 1]++;
        }
        for (int k = 0; k < range; k++) {
            start[k + 1] += start[k];
        }
        final int[] out = new int[order.length];
        for (int idx : order) {
            final int k = descending ? range - 1 - key[idx] : key[idx];
            out[start[k]++] = idx;
        }
        return out;
    }

    /**
     * Identity permutation.
     *
     * @param n length
     * @return 0..n-1
     */
    static int[] identity(int n) {
        final int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    /**
     * Order by stratum, then time, both ascending (R's {@code order(strata, time)}).
     *
     * @param time    times
     * @param strata  stratum codes 0..k-1, or null
     * @param nStrata number of strata
     * @return permutation
     */
    static int[] byStratumThenTime(double[] time, int[] strata, int nStrata) {
        final double[] unique = sortedUnique(time);
        final int[] rank = denseRank(time, unique);
        int[] order = countingSort(identity(time.length), rank, unique.length, false);
        if (strata != null && nStrata > 1) {
            order = countingSort(order, strata, nStrata, false);
        }
        return order;
    }

    /**
     * Number of strata implied by 0-based codes, validating them.
     *
     * @param strata codes or null
     * @param n      expected length
     * @return max code + 1 (1 when null)
     */
    static int strataCount(int[] strata, int n) {
        if (strata == null) {
            return 1;
        }
        if (strata.length != n) {
            throw new IllegalArgumentException(
                "strata has length " + strata.length + " but time has length " + n);
        }
        int max = 0;
        for (int i = 0; i < n; i++) {
            if (strata[i] < 0) {
                throw new IllegalArgumentException(
                    "strata codes must be >= 0, got " + strata[i] + " at index " + i);
            }
            max = Math.max(max, strata[i]);
        }
        if (max >= n) {
            throw new IllegalArgumentException(
                "strata codes must be 0..k-1 with k <= number of rows, got code " + max);
        }
        return max + 1;
    }
}
