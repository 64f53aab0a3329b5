package org.thyra.stats.matching;

/** How distances between a treated and a control unit are compared. */
public enum DistanceComparison {
  /**
   * The nearest available control by {@code |d_t - d_c|}; a caliper admits {@code |d_t - d_c| <=
   * caliper}; equally near controls: the lowest data row. This is MatchIt's nearest-neighbour rule
   * as its distance-matrix path ({@code nn_matchC}) applies it.
   */
  EXACT,
  /**
   * Reproduces MatchIt 4.5.1's fast path ({@code nn_matchC_vec}, used when the distance is a
   * vector) as built in Debian 12, which compares distances through C's integer {@code abs()}: the
   * difference is truncated to an integer, so a caliper below 1 never binds on the probability
   * scale and the lower-distance neighbour wins every comparison below 1; with replacement and
   * {@code ratio > 1} a control can be repeated for the same treated unit. Only for reproducing
   * analyses run with that version; never the default.
   */
  MATCHIT_4_5_1_TRUNCATED
}
