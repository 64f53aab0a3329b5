package org.thyra.stats.survival;

/**
 * The one check of right-censored survival input (times finite and non-negative, status 0 or 1)
 * that every estimator of thyra-stats runs before it computes anything, so the rule and its message
 * are the same everywhere. ({@code MaxSelectedRank} keeps maxstat's own wording, "event", 1-based
 * observations, for its double-valued events.)
 */
public final class SurvivalInput {

  private SurvivalInput() {}

  /**
   * Checks that {@code time} and {@code status} have equal length, every time is finite and ≥ 0 and
   * every status is 0 (censored) or 1 (event).
   */
  static void check(double[] time, int[] status) {
    if (time == null || status == null) {
      throw new IllegalArgumentException("time and status must not be null");
    }
    if (time.length != status.length) {
      throw new IllegalArgumentException(
          "time and status differ in length: " + time.length + " and " + status.length);
    }
    checkValues(time, status);
  }

  /**
   * Checks every time is finite and ≥ 0 and every status is 0 (censored) or 1 (event); the lengths
   * are the caller's to check (each names its own further arrays).
   *
   * @param time follow-up times
   * @param status event indicators, at least as long as {@code time}
   * @throws IllegalArgumentException naming the first offending element ({@code time[i]}, 0-based)
   */
  public static void checkValues(double[] time, int[] status) {
    for (int i = 0; i < time.length; i++) {
      if (!(time[i] >= 0) || !Double.isFinite(time[i])) {
        throw new IllegalArgumentException(
            "time[" + i + "] = " + time[i] + ": time must be finite and >= 0");
      }
      if (status[i] != 0 && status[i] != 1) {
        throw new IllegalArgumentException(
            "status[" + i + "] = " + status[i] + ": status must be 0 or 1 (censored, event)");
      }
    }
  }

  /** Checks that {@code codes} has length {@code n} and every code lies in [0, count). */
  static void checkCodes(String what, int[] codes, int n, int count) {
    if (codes == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (codes.length != n) {
      throw new IllegalArgumentException(
          what + " has length " + codes.length + " but time has length " + n);
    }
    for (int i = 0; i < n; i++) {
      if (codes[i] < 0 || codes[i] >= count) {
        throw new IllegalArgumentException(
            what + "[" + i + "] = " + codes[i] + ": codes must lie in [0, " + count + ")");
      }
    }
  }

  /** One more than the largest code; every code must be ≥ 0. */
  static int codeCount(String what, int[] codes) {
    int max = -1;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0) {
        throw new IllegalArgumentException(
            what + "[" + i + "] = " + codes[i] + ": codes must be >= 0");
      }
      max = Math.max(max, codes[i]);
    }
    return max + 1;
  }
}
