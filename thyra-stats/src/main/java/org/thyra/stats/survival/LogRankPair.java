package org.thyra.stats.survival;

/**
 * The G-rho test between two groups, with its multiplicity-adjusted p-value.
 *
 * @param a first group code (the smaller)
 * @param b second group code
 * @param statistic chi-square statistic on 1 df (survdiff on the rows of groups a and b)
 * @param p unadjusted p-value
 * @param pAdjusted p-value adjusted over all pairs
 */
public record LogRankPair(int a, int b, double statistic, double p, double pAdjusted) {
}
