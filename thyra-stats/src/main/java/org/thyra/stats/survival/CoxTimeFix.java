package org.thyra.stats.survival;

/**
 * Merges event times that differ only by floating-point noise, as survival's {@code aeqSurv}: among
 * the sorted distinct times, a gap {@code d} with {@code d <= tol} or {@code d / mean(|t|) <= tol}
 * ({@code tol = sqrt(2^-52)}) joins a time to its predecessor, and every time is replaced by the
 * first time of its group.
 */
final class CoxTimeFix {

  /** R's {@code sqrt(.Machine$double.eps)}. */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private CoxTimeFix() {}

  /**
   * Times after the rule and their ranks: the order every Cox-type computation sorts by.
   *
   * @param time the times used ({@code time} itself when nothing was merged)
   * @param ranks {@link CoxOrdering#ranks} of {@code time}
   */
  record Ranked(double[] time, CoxOrdering.Ranks ranks) {}

  /**
   * Ranks the times, merging near-equal ones first when {@code fix} (as {@code coxph}'s {@code
   * timefix}). The one place that does so for the fit, its PH test, concordance and {@link
   * SortedOutcome}; the times are ranked a second time only when some were merged.
   *
   * @param time finite times
   * @param fix whether to apply the rule
   * @return the times used and their ranks
   */
  static Ranked ranked(double[] time, boolean fix) {
    final CoxOrdering.Ranks ranks = CoxOrdering.ranks(time);
    final double[] fixed = fix ? apply(time, ranks) : time;
    return fixed == time ? new Ranked(time, ranks) : new Ranked(fixed, CoxOrdering.ranks(fixed));
  }

  /**
   * Applies the rule.
   *
   * @param time finite times
   * @return {@code time} itself when nothing is merged, otherwise a corrected copy
   */
  static double[] apply(double[] time) {
    return apply(time, CoxOrdering.ranks(time));
  }

  /**
   * Applies the rule given the ranks of {@code time}.
   *
   * @param time finite times
   * @param ranks {@link CoxOrdering#ranks} of {@code time}
   * @return {@code time} itself when nothing is merged, otherwise a corrected copy
   */
  static double[] apply(double[] time, CoxOrdering.Ranks ranks) {
    final double[] unique = ranks.unique();
    final int m = unique.length;
    if (m < 2) {
      return time;
    }
    double meanAbs = 0;
    for (double u : unique) {
      meanAbs += Math.abs(u);
    }
    meanAbs /= m;
    final double[] merged = new double[m];
    merged[0] = unique[0];
    boolean any = false;
    for (int i = 1; i < m; i++) {
      final double dy = unique[i] - unique[i - 1];
      final boolean tied = dy <= TOLERANCE || dy / meanAbs <= TOLERANCE;
      merged[i] = tied ? merged[i - 1] : unique[i];
      any |= tied;
    }
    if (!any) {
      return time;
    }
    final int[] rank = ranks.rank();
    final double[] out = new double[time.length];
    for (int i = 0; i < time.length; i++) {
      out[i] = merged[rank[i]];
    }
    return out;
  }
}
