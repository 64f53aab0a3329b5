package org.thyra.stats.survival;

/**
 * One row of the proportional hazards test: a model term (all columns of a categorical variable
 * together) or the global test.
 *
 * @param term term name, or {@code "GLOBAL"}
 * @param chisq score statistic
 * @param df degrees of freedom (number of non-aliased columns of the term)
 * @param p upper-tail chi-square probability
 */
public record CoxZphTerm(String term, double chisq, int df, double p) {}
