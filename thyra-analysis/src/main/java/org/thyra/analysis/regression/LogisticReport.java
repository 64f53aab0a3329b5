package org.thyra.analysis.regression;

import java.util.List;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;
import org.thyra.stats.regression.LogisticResult;

/**
 * A logistic regression of a data file ({@link LogisticAnalysis}).
 *
 * @param source the data's name
 * @param request what was asked
 * @param formula the parsed formula
 * @param frame the model frame (rows with a missing value dropped, outcome coded 0/1)
 * @param fit the fit (glm, or Firth's when asked)
 * @param warnings the frame's and the fit's
 */
public record LogisticReport(
    String source,
    LogisticAnalysis.Request request,
    Formula formula,
    ModelFrame frame,
    LogisticResult fit,
    List<String> warnings)
    implements Result {
  public LogisticReport {
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return fit.method();
  }
}
