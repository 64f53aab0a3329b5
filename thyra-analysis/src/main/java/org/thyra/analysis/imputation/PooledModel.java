package org.thyra.analysis.imputation;

import java.util.List;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;

/**
 * A model fitted on each completed data set and pooled by Rubin's rules ({@link ImputedAnalysis}).
 *
 * @param source the data's name
 * @param formula the model formula
 * @param firstFrame the model frame of the first completed data set (N per level in a figure)
 * @param terms pooled coefficients
 * @param first the fit on the first completed data set (n, events, df)
 * @param droppedMissing rows dropped for a missing outcome (or, in the first data set, any
 *     variable)
 * @param completed the completed data sets
 * @param warnings all warnings
 */
public record PooledModel(
    String source,
    Formula formula,
    ModelFrame firstFrame,
    PooledTerms terms,
    ImputedModel.Fitted first,
    int droppedMissing,
    CompletedData completed,
    List<String> warnings)
    implements Result {
  public PooledModel {
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return terms.pooled().method();
  }
}
