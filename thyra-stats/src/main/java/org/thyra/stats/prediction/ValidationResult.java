package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Bootstrap optimism-corrected validation ({@link BootstrapValidation}).
 *
 * @param indexes one row per index
 * @param replicates requested replicates B
 * @param successful replicates whose model could be fitted (the others are dropped, as rms does)
 * @param seed seed of the replicate seeds
 * @param method conventions used
 * @param warnings e.g. dropped replicates
 */
public record ValidationResult(
    List<ValidationIndex> indexes,
    int replicates,
    int successful,
    long seed,
    String method,
    List<String> warnings)
    implements Result {

  /** Copies. */
  public ValidationResult {
    indexes = List.copyOf(indexes);
    warnings = List.copyOf(warnings);
  }

  /**
   * @param name index name
   * @return the row of that index
   */
  public ValidationIndex index(String name) {
    return indexes.stream()
        .filter(i -> i.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no validation index " + name));
  }
}
