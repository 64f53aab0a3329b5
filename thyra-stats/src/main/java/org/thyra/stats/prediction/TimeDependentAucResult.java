package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Time-dependent AUC at several times ({@link TimeDependentAuc}).
 *
 * @param points one entry per requested time, in the order given
 * @param confLevel confidence level of the intervals
 * @param method estimator, weights, variance and interval conventions
 * @param warnings warnings (e.g. few cases)
 */
public record TimeDependentAucResult(
    List<TimeDependentAucPoint> points, double confLevel, String method, List<String> warnings)
    implements Result {

  /** Copies. */
  public TimeDependentAucResult {
    points = List.copyOf(points);
    warnings = List.copyOf(warnings);
  }
}
