package org.thyra.stats.cutpoint;

/**
 * Stable ordering permutation of a double array by least-significant-digit radix sort on the
 * IEEE-754 bits (11-bit digits, 6 passes; digit passes that cannot reorder anything are skipped): O(n), no
 * comparisons, no boxing. Ties keep index order, as R's {@code order}. -0.0 is treated as 0.0;
 * NaN is not allowed (callers validate).
 *
 * <p>Reference: Knuth (1998) The Art of Computer Programming, vol. 3, §5.2.5.
 */
final class RadixOrder {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final long MASK = RADIX - 1;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private RadixOrder() {
    }

    /** Indices 0..n-1 ordered by key ascending, ties in index order. */
    static int[] order(double[] key) {
        int n = key.length;
        long[] k = new long[n];
        int[] idx = new int[n];
        int[][] counts = new int[PASSES][RADIX + 1];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(key[i] + 0.0); // -0.0 + 0.0 == +0.0
            long s = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order == numeric order
            k[i] = s;
            idx[i] = i;
            for (int d = 0; d < PASSES; d++) {
                counts[d][(int) ((s >>> (BITS * d)) & MASK) + 1]++;
            }
        }
        long[] k2 = new long[n];
        int[] idx2 = new int[n];
        for (int d = 0; d < PASSES; d++) {
            int[] c = counts[d];
            boolean trivial = false;
            for (int b = 1; b <= RADIX; b++) {
                if (c[b] == n) {
                    trivial = true; // every key has the same digit: the pass keeps the order
                    break;
                }
            }
            if (trivial) {
                continue;
            }
            for (int b = 0; b < RADIX; b++) {
                c[b + 1] += c[b];
            }
            int shift = BITS * d;
            for (int i = 0; i < n; i++) {
                long s = k[i];
                int pos = c[(int) ((s >>> shift) & MASK)]++;
                k2[pos] = s;
                idx2[pos] = idx[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }
}
