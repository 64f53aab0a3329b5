package org.thyra.frame.formula;

import java.util.List;

/** The left-hand side of a formula. */
public sealed interface Response permits SurvivalResponse, VariableResponse {
  /**
   * @return the column names the response uses
   */
  List<String> variables();
}
