package org.thyra.analysis.regression;

import org.thyra.analysis.DataFile;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.VariableResponse;

/** Formula checks, model frames and outcome coding shared by the regression analyses. */
public final class RegressionInput {
  private RegressionInput() {}

  /** Parses a formula whose response is one binary variable; {@code command} names the caller. */
  public static Formula binaryFormula(String source, String text, String command) {
    Formula f = Formula.parse(text);
    if (!(f.response() instanceof VariableResponse)) {
      throw new InputException(
          source,
          null,
          null,
          command
              + " needs a binary outcome on the left, e.g. \"low ~ age + factor(race)\"; got \""
              + text
              + "\"");
    }
    if (!f.strata().isEmpty()) {
      throw new InputException(
          source, null, null, "strata() is for Cox models only; got \"" + text + "\"");
    }
    return f;
  }

  /** Parses a formula whose response is {@code Surv(time, event)}. */
  public static Formula survivalFormula(String source, String text) {
    Formula f = Formula.parse(text);
    if (!(f.response() instanceof SurvivalResponse)) {
      throw new InputException(
          source,
          null,
          null,
          "a Cox model needs a survival response, e.g. \"Surv(time, status) ~ age\"; got \""
              + text
              + "\"");
    }
    return f;
  }

  /**
   * Reads the columns a formula uses and builds its model frame; a {@code cluster()} term and
   * counting-process data are refused (only {@code thyra cox} takes them).
   */
  public static ModelFrame modelFrame(DataFile file, Formula formula) {
    if (formula.cluster() != null) {
      throw new InputException(
          file.source(),
          null,
          formula.cluster(),
          "cluster() gives a robust variance in thyra cox only; remove it from \""
              + formula
              + "\"");
    }
    if (formula.response() instanceof SurvivalResponse s && s.counting()) {
      throw new InputException(
          file.source(),
          null,
          s.start(),
          "counting-process data Surv(start, stop, event) are analysed by thyra cox only; use"
              + " Surv(time, event) here");
    }
    return file.modelFrame(formula);
  }

  /** The outcome as 0/1 doubles, by the SPEC §5 rules. */
  public static double[] binaryOutcome(ModelFrame frame) {
    int[] b = frame.binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    return y;
  }
}
