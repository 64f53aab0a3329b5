package org.thyra.stats.matching;

/**
 * Balance of one covariate between treated and control units.
 *
 * @param covariate covariate name
 * @param meanTreated (weighted) mean among treated units
 * @param meanControl (weighted) mean among control units
 * @param smd standardised mean difference, (meanTreated - meanControl) / SD of the treated units in
 *     the full sample (MatchIt's ATT standardisation); the raw difference when it is below
 *     sqrt(eps)
 * @param varianceRatio weighted variance ratio treated/control; NaN for binary covariates (as
 *     MatchIt)
 * @param binary whether every value is 0 or 1
 */
public record BalanceRow(
    String covariate,
    double meanTreated,
    double meanControl,
    double smd,
    double varianceRatio,
    boolean binary) {}
