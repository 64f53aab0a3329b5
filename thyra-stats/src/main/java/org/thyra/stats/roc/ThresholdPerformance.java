package org.thyra.stats.roc;

/**
 * Classification at a given threshold, with exact Clopper-Pearson binomial confidence intervals (as
 * {@code binom.test}); deterministic, unlike pROC's bootstrap {@code ci.coords}.
 *
 * @param threshold the threshold
 * @param truePositives cases classified positive
 * @param falseNegatives cases classified negative
 * @param trueNegatives controls classified negative
 * @param falsePositives controls classified positive
 * @param sensitivity TP / cases
 * @param sensitivityLower Clopper-Pearson lower limit
 * @param sensitivityUpper Clopper-Pearson upper limit
 * @param specificity TN / controls
 * @param specificityLower Clopper-Pearson lower limit
 * @param specificityUpper Clopper-Pearson upper limit
 * @param confLevel confidence level
 * @param method how the intervals were computed
 */
public record ThresholdPerformance(
    double threshold,
    long truePositives,
    long falseNegatives,
    long trueNegatives,
    long falsePositives,
    double sensitivity,
    double sensitivityLower,
    double sensitivityUpper,
    double specificity,
    double specificityLower,
    double specificityUpper,
    double confLevel,
    String method) {}
