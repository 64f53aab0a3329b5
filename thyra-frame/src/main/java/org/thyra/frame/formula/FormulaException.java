package org.thyra.frame.formula;

import org.thyra.frame.InputException;

/**
 * A malformed model formula. The message names the problem and shows the formula with a caret under
 * the position where it was found.
 */
public class FormulaException extends InputException {
  private static final long serialVersionUID = 1L;

  private final String formula;
  private final int position;

  /**
   * @param formula the formula text
   * @param position 0-based character index of the problem
   * @param problem what is wrong
   */
  public FormulaException(String formula, int position, String problem) {
    super(null, null, null, compose(formula, position, problem));
    this.formula = formula;
    this.position = position;
  }

  /**
   * @return the formula text as given
   */
  public String formula() {
    return formula;
  }

  /**
   * @return 0-based character index of the problem in {@link #formula()}
   */
  public int position() {
    return position;
  }

  private static String compose(String formula, int position, String problem) {
    return "invalid formula: "
        + problem
        + " (at character "
        + (position + 1)
        + ")\n  "
        + formula
        + "\n  "
        + " ".repeat(Math.max(0, position))
        + "^";
  }
}
