package org.thyra.stats.prediction;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Hosmer–Lemeshow test ({@link LogisticCalibration#hosmerLemeshow(double[], double[], int)}).
 *
 * @param statistic X²
 * @param df degrees of freedom (g - 2 on the fitting data, g on validation data)
 * @param p upper-tail chi-squared p-value
 * @param groups number of groups g
 * @param sizes rows per group
 * @param observed observed events per group
 * @param expected expected events (sum of p) per group
 * @param method conventions used
 * @param warnings e.g. small expected counts
 */
public record HosmerLemeshowResult(
    double statistic,
    int df,
    double p,
    int groups,
    int[] sizes,
    double[] observed,
    double[] expected,
    String method,
    List<String> warnings)
    implements Result {

  /** Copies. */
  public HosmerLemeshowResult {
    sizes = sizes.clone();
    observed = observed.clone();
    expected = expected.clone();
    warnings = List.copyOf(warnings);
  }
}
