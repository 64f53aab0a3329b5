package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;

/**
 * A development / validation split ({@link DataSplit}).
 *
 * @param training training row ids (0-based), ascending
 * @param validation validation row ids (0-based), ascending
 * @param fraction requested training fraction
 * @param seed seed used
 * @param method the algorithm
 */
public record SplitResult(
    int[] training, int[] validation, double fraction, long seed, String method) implements Result {
  /** None: this result has nothing to warn about (see {@link Result#warnings()}). */
  @Override
  public List<String> warnings() {
    return List.of();
  }

  /** Copies. */
  public SplitResult {
    training = training.clone();
    validation = validation.clone();
  }

  @Override
  public int[] training() {
    return training.clone();
  }

  @Override
  public int[] validation() {
    return validation.clone();
  }
}
