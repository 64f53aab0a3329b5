package org.thyra.analysis.survival;

import java.util.List;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;
import org.thyra.stats.survival.FirthCoxResult;

/**
 * Firth's penalised Cox model of a data file ({@link FirthCoxAnalysis}).
 *
 * @param source the data's name
 * @param request what was fitted
 * @param frame the model frame (variables, levels, rows used)
 * @param fit estimates, SE, profile intervals and penalised likelihood-ratio tests
 * @param droppedMissing rows dropped for a missing value in the formula's columns
 * @param warnings the frame's and the fit's
 */
public record FirthCoxReport(
    String source,
    FirthCoxAnalysis.Request request,
    ModelFrame frame,
    FirthCoxResult fit,
    int droppedMissing,
    List<String> warnings)
    implements Result {
  public FirthCoxReport {
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return fit.method();
  }
}
