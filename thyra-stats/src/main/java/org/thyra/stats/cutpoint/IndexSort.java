package org.thyra.stats.cutpoint;

/** Stable O(n log n) index sort by a primitive double key (merge sort, no boxing). */
final class IndexSort {
    private IndexSort() {
    }

    /** Indices 0..n-1 ordered by key ascending, ties in index order (as R's {@code order}). */
    static int[] order(double[] key) {
        int n = key.length;
        int[] idx = new int[n];
        int[] tmp = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = key[idx[j]] < key[idx[i]] ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[k++] = idx[i++];
                }
                while (j < hi) {
                    tmp[k++] = idx[j++];
                }
            }
            int[] s = idx;
            idx = tmp;
            tmp = s;
        }
        return idx;
    }
}
