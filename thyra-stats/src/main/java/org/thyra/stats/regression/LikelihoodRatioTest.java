package org.thyra.stats.regression;

/**
 * Likelihood-ratio test: {@code statistic = 2 (loglik1 - loglik0)}, chi-square on {@code df}.
 *
 * @param statistic the chi-square statistic
 * @param df degrees of freedom (difference in non-aliased coefficients)
 * @param p upper-tail chi-square probability
 */
public record LikelihoodRatioTest(double statistic, int df, double p) {}
