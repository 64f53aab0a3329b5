package org.thyra.stats.survival;

/**
 * One distinct observed time of a Kaplan–Meier curve (a row of R's {@code summary(fit, censored =
 * TRUE)}).
 *
 * @param time the observed time
 * @param nRisk number at risk just before {@code time}
 * @param nEvent events at {@code time}
 * @param nCensor censorings at {@code time}
 * @param survival survival estimate just after {@code time}
 * @param stdErr standard error of the survival estimate (Greenwood)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record KaplanMeierRow(
    double time,
    int nRisk,
    int nEvent,
    int nCensor,
    double survival,
    double stdErr,
    double lower,
    double upper) {}
