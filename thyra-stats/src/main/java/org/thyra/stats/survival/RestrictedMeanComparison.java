package org.thyra.stats.survival;

import java.util.List;

/**
 * Difference and ratio of two restricted mean survival times as {@code survRM2::rmst2} reports them
 * ({@link RestrictedMean#compare}).
 *
 * @param difference {@code RMST_a − RMST_b}
 * @param differenceSe {@code sqrt(V_a + V_b)}
 * @param differenceLower lower limit {@code difference − z·SE}
 * @param differenceUpper upper limit
 * @param differenceP two-sided normal p-value of the difference
 * @param ratio {@code RMST_a / RMST_b}
 * @param logRatioSe SE of the log ratio, {@code sqrt(V_a/RMST_a² + V_b/RMST_b²)}
 * @param ratioLower {@code exp(log ratio − z·SE)}
 * @param ratioUpper {@code exp(log ratio + z·SE)}
 * @param ratioP two-sided normal p-value of the log ratio
 * @param confLevel the confidence level
 * @param warnings e.g. no test when both SEs are 0
 */
public record RestrictedMeanComparison(
    double difference,
    double differenceSe,
    double differenceLower,
    double differenceUpper,
    double differenceP,
    double ratio,
    double logRatioSe,
    double ratioLower,
    double ratioUpper,
    double ratioP,
    double confLevel,
    List<String> warnings) {}
