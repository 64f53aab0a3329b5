package org.thyra.stats.matching;

/** Order in which treated units pick their controls (MatchIt's {@code m.order}). */
public enum MatchOrder {
  /** Largest distance first (MatchIt's default for ATT). Ties keep data order. */
  LARGEST,
  /** Smallest distance first. Ties keep data order. */
  SMALLEST,
  /** Data order. */
  DATA,
  /**
   * A seeded random permutation ({@link java.util.SplittableRandom}); reproducible in Thyra, but
   * not the permutation R's RNG would give MatchIt with the same seed.
   */
  RANDOM
}
