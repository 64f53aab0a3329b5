package org.thyra.analysis.imputation;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.imputation.PooledEstimate;
import org.thyra.stats.imputation.RubinPoolingResult;

/**
 * Coefficients of a model fitted on each of m completed data sets, pooled by Rubin's rules with
 * Barnard–Rubin df (RubinPooling, as {@code mice::pool}); confidence limits {@code estimate ± qt(1
 * - alpha/2, df) se} as {@code summary(pool(fit), conf.int = TRUE)}, and on the exponentiated scale
 * (hazard or odds ratio) when {@code ratioName} is given.
 *
 * @param names term names
 * @param pooled the pooled estimates
 * @param confLevel confidence level
 */
public record PooledTerms(List<String> names, RubinPoolingResult pooled, double confLevel)
    implements Result {
  public PooledTerms {
    names = List.copyOf(names);
  }

  @Override
  public String method() {
    return pooled.method();
  }

  @Override
  public List<String> warnings() {
    return pooled.warnings();
  }

  /** The lower limit of {@code e} at this confidence level, on the coefficient's scale. */
  public double lower(PooledEstimate e) {
    return e.lower(confLevel);
  }

  /** The upper limit of {@code e} at this confidence level, on the coefficient's scale. */
  public double upper(PooledEstimate e) {
    return e.upper(confLevel);
  }
}
