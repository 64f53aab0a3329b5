package org.thyra.stats.prediction;

/**
 * One group of {@link KmCalibration}.
 *
 * @param meanPredicted mean predicted survival at u
 * @param n subjects (0 when the group has fewer than 2, as groupkm)
 * @param events events
 * @param observed Kaplan–Meier survival at u (NaN when not estimable)
 * @param seLog standard error of log S (Greenwood)
 */
public record KmCalibrationGroup(
    double meanPredicted, int n, int events, double observed, double seLog) {}
