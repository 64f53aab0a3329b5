package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Bootstrap-corrected calibration at a horizon ({@link BootstrapValidation#coxCalibration}).
 *
 * @param horizon the horizon u
 * @param groupSize subjects per group m
 * @param groups one row per group, in increasing predicted survival
 * @param replicates requested replicates B
 * @param successful replicates whose model and predictions could be computed
 * @param seed seed
 * @param method conventions used
 * @param warnings warnings
 */
// Shares the bootstrap bookkeeping (replicates, successful, seed) with ValidationResult; kept a
// separate record because its rows are calibration groups, not indexes, and writers tell them
// apart.
public record CalibrationValidationResult(
    double horizon,
    int groupSize,
    List<CalibrationValidationGroup> groups,
    int replicates,
    int successful,
    long seed,
    String method,
    List<String> warnings)
    implements Result {

  /** Copies. */
  public CalibrationValidationResult {
    groups = List.copyOf(groups);
    warnings = List.copyOf(warnings);
  }
}
