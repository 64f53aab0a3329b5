package org.thyra.stats.roc;

import java.util.List;
import org.thyra.stats.Result;

/**
 * DeLong's test for two correlated (paired) AUCs.
 *
 * @param auc1 AUC of the first marker
 * @param auc2 AUC of the second marker
 * @param difference auc1 - auc2
 * @param standardError DeLong SE of the difference
 * @param statistic z = difference / standardError (0 when both are 0, as pROC)
 * @param p two-sided normal p-value
 * @param lower lower confidence limit of the difference
 * @param upper upper confidence limit of the difference
 * @param direction1 direction used for marker 1
 * @param direction2 direction used for marker 2
 * @param method conventions used
 * @param warnings warnings, never null
 */
public record DeLongTestResult(
    double auc1,
    double auc2,
    double difference,
    double standardError,
    double statistic,
    double p,
    double lower,
    double upper,
    RocDirection direction1,
    RocDirection direction2,
    String method,
    List<String> warnings)
    implements Result {
  public DeLongTestResult {
    warnings = List.copyOf(warnings);
  }
}
