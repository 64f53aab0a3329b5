package org.thyra.stats.prediction;

import java.util.List;

/**
 * A scaled nomogram axis: points of each value, {@code (effect - min effect of the term) * scale}.
 *
 * @param variable predictor name
 * @param labels axis labels
 * @param effects contribution of each value to the linear predictor
 * @param points points of each value
 */
public record NomogramAxis(
    String variable, List<String> labels, double[] effects, double[] points) {

  /** Copies. */
  public NomogramAxis {
    labels = List.copyOf(labels);
    effects = effects.clone();
    points = points.clone();
  }

  @Override
  public double[] effects() {
    return effects.clone();
  }

  @Override
  public double[] points() {
    return points.clone();
  }
}
