package org.thyra.stats.survival;

/**
 * The G-rho test between two groups, with its multiplicity-adjusted p-value.
 *
 * @param a first group code (the smaller)
 * @param b second group code
 * @param statistic chi-square statistic on 1 df (survdiff on the rows of groups a and b)
 * @param p unadjusted p-value
 * @param pAdjusted p-value adjusted over all pairs
 * @param hazardRatio hazard ratio of group b relative to group a, from a Cox model on the pair's
 *     rows (Efron ties, the same strata); NaN when it cannot be estimated (no events)
 * @param hazardRatioLower lower Wald confidence limit, exp(beta - z se)
 * @param hazardRatioUpper upper Wald confidence limit, exp(beta + z se)
 */
public record LogRankPair(
    int a,
    int b,
    double statistic,
    double p,
    double pAdjusted,
    double hazardRatio,
    double hazardRatioLower,
    double hazardRatioUpper) {}
