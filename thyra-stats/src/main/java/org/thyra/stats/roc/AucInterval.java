package org.thyra.stats.roc;

/**
 * AUC with its DeLong variance and confidence interval.
 *
 * @param auc area under the ROC curve (Mann-Whitney form, ties count 1/2)
 * @param variance DeLong variance
 * @param lower lower limit {@code auc + qnorm(alpha/2) sqrt(variance)}, clipped to [0, 1]
 * @param upper upper limit, clipped to [0, 1]
 * @param confLevel confidence level
 */
public record AucInterval(
    double auc, double variance, double lower, double upper, double confLevel) {}
