package org.thyra.stats.roc;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Summary of an empirical ROC analysis.
 *
 * @param nCases number of cases (outcome 1)
 * @param nControls number of controls (outcome 0)
 * @param direction the direction used (never AUTO)
 * @param auc AUC with DeLong CI
 * @param best all thresholds with maximal Youden J
 * @param thresholds pROC's thresholds (from sensitivity 1 to 0: -Inf..+Inf for "&lt;", +Inf..-Inf
 *     for "&gt;")
 * @param sensitivities sensitivity at each threshold
 * @param specificities specificity at each threshold
 * @param method conventions used
 * @param warnings warnings, never null
 */
public record RocResult(
    int nCases,
    int nControls,
    RocDirection direction,
    AucInterval auc,
    List<YoudenThreshold> best,
    double[] thresholds,
    double[] sensitivities,
    double[] specificities,
    String method,
    List<String> warnings)
    implements Result {
  public RocResult {
    best = List.copyOf(best);
    thresholds = thresholds.clone();
    sensitivities = sensitivities.clone();
    specificities = specificities.clone();
    warnings = List.copyOf(warnings);
  }

  /** A copy of the thresholds. */
  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** A copy of the sensitivities. */
  @Override
  public double[] sensitivities() {
    return sensitivities.clone();
  }

  /** A copy of the specificities. */
  @Override
  public double[] specificities() {
    return specificities.clone();
  }
}
