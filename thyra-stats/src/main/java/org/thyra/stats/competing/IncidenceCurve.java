package org.thyra.stats.competing;

import java.util.Arrays;

/**
 * The cumulative incidence of one cause in one group, a right-continuous step function.
 *
 * @param cause the cause (1-based code)
 * @param n rows of the group
 * @param events failures from this cause in the group
 * @param jumpTimes distinct times of a failure from this cause, ascending
 * @param estimate the cumulative incidence just after each jump time
 * @param variance Gray's variance of the estimate at each jump time ({@code cmprsk::cuminc})
 * @param lastTime the group's largest follow-up time (the curve is defined up to it)
 */
public record IncidenceCurve(
    int cause,
    int n,
    int events,
    double[] jumpTimes,
    double[] estimate,
    double[] variance,
    double lastTime) {

  /**
   * The estimate at {@code t} (after all jumps at times {@code <= t}), as {@code
   * cmprsk::timepoints}; NaN beyond the group's last follow-up time.
   */
  public double estimateAt(double t) {
    int i = index(t);
    return i == -2 ? Double.NaN : i < 0 ? 0 : estimate[i];
  }

  /** Gray's variance at {@code t}, as {@link #estimateAt}. */
  public double varianceAt(double t) {
    int i = index(t);
    return i == -2 ? Double.NaN : i < 0 ? 0 : variance[i];
  }

  /** Index of the last jump at or before t; -1 before the first jump; -2 beyond follow-up. */
  private int index(double t) {
    if (!(t <= lastTime)) {
      return -2;
    }
    int pos = Arrays.binarySearch(jumpTimes, t);
    return pos >= 0 ? pos : -pos - 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IncidenceCurve c
        && cause == c.cause
        && n == c.n
        && events == c.events
        && Arrays.equals(jumpTimes, c.jumpTimes)
        && Arrays.equals(estimate, c.estimate)
        && Arrays.equals(variance, c.variance)
        && Double.compare(lastTime, c.lastTime) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(jumpTimes) * 31 + cause;
  }

  @Override
  public String toString() {
    return "IncidenceCurve[cause=" + cause + ", n=" + n + ", events=" + events + "]";
  }
}
