package org.thyra.stats.prediction;

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
    int[] training, int[] validation, double fraction, long seed, String method) {

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
