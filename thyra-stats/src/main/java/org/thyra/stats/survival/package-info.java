/**
 * Survival analysis: Kaplan–Meier estimation, the G-rho family of log-rank tests (stratified and
 * pairwise). Results agree with R's {@code survival} package (Therneau, version 3.5): {@code
 * survfit}, {@code summary.survfit}, {@code quantile.survfit} and {@code survdiff}.
 */
package org.thyra.stats.survival;
