package org.thyra.analysis.regression;

import java.util.List;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.ModelFit;
import org.thyra.stats.regression.ScreenResult;
import org.thyra.stats.regression.StepwiseResult;
import org.thyra.stats.survival.CoxFit;

/**
 * A variable screen ({@link ScreenAnalysis}): the univariable fits, the stepwise search if any, the
 * multivariable model and the side-by-side table.
 *
 * @param source the data's name
 * @param request what was asked
 * @param cox a Cox screen (else logistic)
 * @param ciType the logistic CI type (Wald for Cox)
 * @param frame the model frame of every candidate variable (complete cases)
 * @param events events in the frame
 * @param screen the univariable screen
 * @param stepwise the stepwise search, or null without {@code --select}
 * @param selectedNames the variables of the multivariable model
 * @param multivariable the multivariable model, or null when no variable entered
 * @param table the side-by-side table, one row per design term
 * @param warnings the frame's, the screen's and the models'
 */
public record ScreenReport(
    String source,
    ScreenAnalysis.Request request,
    boolean cox,
    ConfidenceIntervalType ciType,
    ModelFrame frame,
    int events,
    ScreenResult<?> screen,
    StepwiseResult<?> stepwise,
    List<String> selectedNames,
    ModelFit<?> multivariable,
    List<ScreenAnalysis.TableRow> table,
    List<String> warnings)
    implements Result {
  public ScreenReport {
    selectedNames = List.copyOf(selectedNames);
    table = List.copyOf(table);
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    if (request.firth()) {
      return "Firth's penalised likelihood (brglm2 AS_mean); univariable penalised likelihood-ratio"
          + " test as logistf; entry at p < "
          + request.entryP();
    }
    return screen.method() + (stepwise == null ? "" : "; " + stepwise.method());
  }

  /** The multivariable model's null log-likelihood. */
  public double multivariableLogLikNull() {
    Object fit = multivariable.fit();
    return fit instanceof CoxFit c ? c.loglikNull() : ((LogisticResult) fit).logLikNull();
  }

  /**
   * The multivariable model's log-likelihood; with Firth's the unpenalised one at the Firth
   * estimate, as brglm2 reports it.
   */
  public double multivariableLogLik() {
    return request.firth()
        ? ((LogisticResult) multivariable.fit()).logLikModel()
        : multivariable.logLik();
  }

  /** The multivariable model's AIC (with Firth's: at the Firth estimate, as brglm2). */
  public double multivariableAic() {
    return request.firth() ? ((LogisticResult) multivariable.fit()).aic() : multivariable.aic();
  }
}
