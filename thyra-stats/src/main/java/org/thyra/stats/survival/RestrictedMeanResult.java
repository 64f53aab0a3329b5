package org.thyra.stats.survival;

import java.util.List;

/**
 * The restricted mean survival time of one curve ({@link RestrictedMean#of}).
 *
 * @param tau truncation time
 * @param n observations of the curve
 * @param events events of the curve (all times, as the curve counts them)
 * @param rmst area under the Kaplan–Meier curve on {@code [0, tau]}
 * @param se its standard error ({@code survfit}'s {@code se(rmean)})
 * @param lower plain lower confidence limit {@code rmst − z·se}
 * @param upper plain upper confidence limit
 * @param confLevel the confidence level
 * @param warnings e.g. tau beyond the last follow-up, no events
 */
public record RestrictedMeanResult(
    double tau,
    int n,
    int events,
    double rmst,
    double se,
    double lower,
    double upper,
    double confLevel,
    List<String> warnings)
    implements org.thyra.stats.Result {
  @Override
  public String method() {
    return "restricted mean survival time: area under the Kaplan-Meier curve on [0, tau] with "
        + "its standard error, as survfit(rmean = tau); plain confidence interval";
  }
}
