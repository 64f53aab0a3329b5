/**
 * Data-driven cut-points for survival: {@link org.thyra.stats.cutpoint.MaxSelectedRank} (maximally
 * selected log-rank statistic with Lausen's 1994 adjusted p, as {@code maxstat.test}) and {@link
 * org.thyra.stats.cutpoint.ThreeGroupScan} (X-tile-style two cut-points, with its multiple-testing
 * caveat). The k-group log-rank used here is local until the survival package's LogRank is merged.
 */
package org.thyra.stats.cutpoint;
