/**
 * Synthetic cohorts of the four bundled designs ({@code thyra synth}): patients whose distributions
 * follow each seed's Table 1 and whose outcomes follow the effects the seed reports. Each
 * generator's Javadoc cites the table and row of every parameter. Seeded with commons-rng, so one
 * seed always gives the same file.
 */
package org.thyra.studies.synth;
