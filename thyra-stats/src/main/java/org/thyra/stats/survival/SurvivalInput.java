package org.thyra.stats.survival;

/** Validation of right-censored survival input shared by the estimators of this package. */
final class SurvivalInput {

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
    for (int i = 0; i < time.length; i++) {
      double t = time[i];
      if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "time[" + i + "] = " + t + ": times must be finite and >= 0");
      }
      int s = status[i];
      if (s != 0 && s != 1) {
        throw new IllegalArgumentException(
            "status[" + i + "] = " + s + ": status must be 0 (censored) or 1 (event)");
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
