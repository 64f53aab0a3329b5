package org.thyra.app.regression;

import org.thyra.app.InputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.VariableResponse;

/** Formula checks and outcome coding shared by the regression commands. */
final class RegressionInput {
  private RegressionInput() {}

  /** Parses a formula whose response is one binary variable. */
  static Formula binaryFormula(InputOptions input, String text, String command) {
    Formula f = Formula.parse(text);
    if (!(f.response() instanceof VariableResponse)) {
      throw new InputException(
          input.source(),
          null,
          null,
          command
              + " needs a binary outcome on the left, e.g. \"low ~ age + factor(race)\"; got \""
              + text
              + "\"");
    }
    if (!f.strata().isEmpty()) {
      throw new InputException(
          input.source(), null, null, "strata() is for Cox models only; got \"" + text + "\"");
    }
    return f;
  }

  /** Parses a formula whose response is {@code Surv(time, event)}. */
  static Formula survivalFormula(InputOptions input, String text) {
    Formula f = Formula.parse(text);
    if (!(f.response() instanceof SurvivalResponse)) {
      throw new InputException(
          input.source(),
          null,
          null,
          "a Cox model needs a survival response, e.g. \"Surv(time, status) ~ age\"; got \""
              + text
              + "\"");
    }
    return f;
  }

  /** The outcome as 0/1 doubles, by the SPEC §5 rules. */
  static double[] binaryOutcome(InputOptions input, ModelFrame frame) {
    int[] b = frame.binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    return y;
  }
}
