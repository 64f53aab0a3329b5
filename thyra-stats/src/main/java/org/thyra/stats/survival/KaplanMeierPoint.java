package org.thyra.stats.survival;

/**
 * The Kaplan–Meier estimate at a chosen time, as a row of R's {@code summary(fit, times = t)}.
 *
 * @param time the requested time
 * @param nRisk number at risk at {@code time} (subjects whose follow-up is ≥ {@code time})
 * @param survival survival estimate S(time)
 * @param stdErr standard error of S(time) (Greenwood)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record KaplanMeierPoint(
    double time, int nRisk, double survival, double stdErr, double lower, double upper) {}
