package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Predicted vs Kaplan–Meier observed survival at a horizon ({@link KmCalibration}).
 *
 * @param horizon the horizon u
 * @param groupSize requested subjects per group m
 * @param groups groups in increasing predicted survival
 * @param method conventions used
 * @param warnings e.g. groups without an estimate
 */
public record KmCalibrationResult(
    double horizon,
    int groupSize,
    List<KmCalibrationGroup> groups,
    String method,
    List<String> warnings)
    implements Result {

  /** Copies. */
  public KmCalibrationResult {
    groups = List.copyOf(groups);
    warnings = List.copyOf(warnings);
  }
}
