package org.thyra.stats.rank;

/**
 * Stable ordering permutations of primitive arrays (as R's {@code order()} with the radix method):
 * equal keys keep their original relative order. A bottom-up merge sort on an {@code int[]} index
 * array, O(n log n), no boxing.
 */
public final class StableOrder {
    private StableOrder() {
    }

    /**
     * Returns the permutation that sorts {@code keys} ascending; ties keep index order.
     *
     * @param keys values to order; NaN sorts last
     * @return indices {@code o} with {@code keys[o[0]] <= keys[o[1]] <= ...}
     */
    public static int[] ascending(double[] keys) {
        return order(keys, false);
    }

    /**
     * Returns the permutation that sorts {@code keys} descending; ties keep index order (as R's
     * {@code order(x, decreasing = TRUE)}, which is stable).
     *
     * @param keys values to order; NaN sorts last
     * @return indices ordering the keys from largest to smallest
     */
    public static int[] descending(double[] keys) {
        return order(keys, true);
    }

    private static int[] order(double[] keys, boolean decreasing) {
        int n = keys.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        // insertion sort small runs first, then merge
        final int run = 16;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(lo + run, n);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && before(keys, v, a[j], decreasing)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // take from the right only when strictly before: keeps stability
                    if (before(keys, a[j], a[i], decreasing)) {
                        b[k++] = a[j++];
                    } else {
                        b[k++] = a[i++];
                    }
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** True when key of {@code u} sorts strictly before key of {@code v}. */
    private static boolean before(double[] keys, int u, int v, boolean decreasing) {
        double x = keys[u];
        double y = keys[v];
        if (Double.isNaN(x)) {
            return false;
        }
        if (Double.isNaN(y)) {
            return true;
        }
        return decreasing ? x > y : x < y;
    }
}
