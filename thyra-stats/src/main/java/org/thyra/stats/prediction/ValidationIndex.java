package org.thyra.stats.prediction;

/**
 * One row of a bootstrap validation table, as {@code rms::validate}.
 *
 * @param name index name ("Dxy", "C", "Slope", "Intercept")
 * @param apparent index of the model fitted and evaluated on the full data
 * @param training mean over replicates of the index on the bootstrap sample
 * @param test mean over replicates of the bootstrap model's index on the original data
 * @param optimism mean(training_b - test_b)
 * @param corrected apparent - optimism
 * @param optimismSe Monte-Carlo standard error of the optimism, sd(training_b - test_b) / sqrt(B)
 */
public record ValidationIndex(
    String name,
    double apparent,
    double training,
    double test,
    double optimism,
    double corrected,
    double optimismSe) {}
