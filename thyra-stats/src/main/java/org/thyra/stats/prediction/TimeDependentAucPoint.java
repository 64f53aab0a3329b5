package org.thyra.stats.prediction;

/**
 * Cumulative/dynamic AUC at one time.
 *
 * @param time the time t
 * @param auc IPCW AUC(t)
 * @param se standard error from the influence function (including the censoring model)
 * @param lower lower confidence limit, {@code max(0, auc - z se)}
 * @param upper upper confidence limit, {@code min(1, auc + z se)}
 * @param cases number of cases (event by t)
 * @param controls number of controls (still event-free after t)
 */
public record TimeDependentAucPoint(
    double time, double auc, double se, double lower, double upper, int cases, int controls) {}
