package org.thyra.stats.survival;

/**
 * A chi-square test of a Cox model (likelihood ratio, Wald or score).
 *
 * @param statistic chi-square statistic
 * @param df degrees of freedom: the number of non-aliased coefficients
 * @param p upper-tail chi-square probability
 */
public record CoxTestResult(double statistic, int df, double p) {}
