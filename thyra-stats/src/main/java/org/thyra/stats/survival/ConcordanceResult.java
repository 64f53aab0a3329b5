package org.thyra.stats.survival;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Harrell's concordance statistic with its pair counts.
 *
 * <p>{@code c = (concordant + tiedPredictor / 2) / (concordant + discordant + tiedPredictor)};
 * pairs tied on time (and tied on both) are not comparable and are only counted.
 *
 * @param c concordance
 * @param se standard error by the infinitesimal jackknife (survival's {@code std})
 * @param concordant concordant pairs
 * @param discordant discordant pairs
 * @param tiedPredictor comparable pairs tied on the predictor
 * @param tiedTime pairs of events at the same time, not tied on the predictor
 * @param tiedBoth pairs of events at the same time tied on the predictor
 * @param method conventions used
 */
public record ConcordanceResult(
    double c,
    double se,
    double concordant,
    double discordant,
    double tiedPredictor,
    double tiedTime,
    double tiedBoth,
    String method)
    implements Result {
  /** None: this result has nothing to warn about (see {@link Result#warnings()}). */
  @Override
  public List<String> warnings() {
    return List.of();
  }
}
