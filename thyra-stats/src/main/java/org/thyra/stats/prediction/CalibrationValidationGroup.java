package org.thyra.stats.prediction;

/**
 * One group of a bootstrap-corrected calibration at a horizon, as a row of {@code
 * rms::calibrate(fit, cmethod = "KM", u, m, B)}.
 *
 * @param meanPredicted mean predicted survival at u (apparent)
 * @param observed Kaplan–Meier survival at u (apparent)
 * @param apparent observed - meanPredicted
 * @param optimism mean over replicates of (training - test) of that difference
 * @param corrected observed - optimism ({@code KM.corrected})
 * @param optimismSe Monte-Carlo standard error of the optimism
 * @param replicates replicates with a value for this group
 */
public record CalibrationValidationGroup(
    double meanPredicted,
    double observed,
    double apparent,
    double optimism,
    double corrected,
    double optimismSe,
    int replicates) {}
