package org.thyra.stats.regression;

/** Separation status of a binary-outcome fit (Albert and Anderson, 1984). */
public enum Separation {
  /** The maximum-likelihood estimate exists (no separation detected). */
  NONE,
  /** Some, not all, observations are perfectly predicted; some coefficients are infinite. */
  QUASI_COMPLETE,
  /** Every observation is perfectly predicted; the likelihood approaches 1. */
  COMPLETE
}
