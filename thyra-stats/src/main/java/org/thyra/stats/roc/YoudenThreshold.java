package org.thyra.stats.roc;

/**
 * A threshold maximising Youden's J.
 *
 * @param threshold the threshold (midpoint between consecutive distinct marker values)
 * @param sensitivity sensitivity at the threshold
 * @param specificity specificity at the threshold
 * @param youden J = sensitivity + specificity - 1 (pROC's {@code coords(ret = "youden")} prints J +
 *     1)
 */
public record YoudenThreshold(
    double threshold, double sensitivity, double specificity, double youden) {}
