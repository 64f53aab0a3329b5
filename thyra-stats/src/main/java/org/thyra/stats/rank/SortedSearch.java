package org.thyra.stats.rank;

/**
 * Binary search in an ascending array, with ties counted as C++'s {@code lower_bound} / {@code
 * upper_bound} count them (which {@link java.util.Arrays#binarySearch} does not: with ties it
 * returns any one of them). O(log n).
 */
public final class SortedSearch {
  private SortedSearch() {}

  /**
   * @param sorted ascending values
   * @param v the value looked for
   * @return the number of values strictly below {@code v} (the first index with a value &ge; v)
   */
  public static int lowerBound(double[] sorted, double v) {
    return lowerBound(sorted, 0, sorted.length, v);
  }

  /**
   * @param sorted values ascending within {@code [from, to)}
   * @param from first index searched
   * @param to end of the range (exclusive)
   * @param v the value looked for
   * @return the first index in {@code [from, to)} with a value &ge; v, or {@code to}
   */
  public static int lowerBound(double[] sorted, int from, int to, double v) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * @param sorted ascending values
   * @param v the value looked for
   * @return the number of values &le; v (the first index with a value &gt; v)
   */
  public static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
