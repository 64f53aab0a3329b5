package org.thyra.stats.imputation;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Pooled results of m completed-data analyses.
 *
 * @param terms one pooled estimate per parameter, in input order
 * @param imputations m
 * @param completeDataDf complete-data df used for Barnard–Rubin
 * @param method the pooling rule and df source
 * @param warnings e.g. parameters without between-imputation variance
 */
public record RubinPoolingResult(
    List<PooledEstimate> terms,
    int imputations,
    double completeDataDf,
    String method,
    List<String> warnings)
    implements Result {
  public RubinPoolingResult {
    terms = List.copyOf(terms);
    warnings = List.copyOf(warnings);
  }
}
