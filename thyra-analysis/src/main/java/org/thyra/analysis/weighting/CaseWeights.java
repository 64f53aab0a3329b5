package org.thyra.analysis.weighting;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;

/**
 * A model frame with a case-weight column ({@code --weights W}), as R's {@code model.frame(...,
 * weights = W)}: a row with a missing weight is dropped and counted with the other missing rows; a
 * negative or non-finite weight is bad input; a zero weight is refused where R refuses it ({@code
 * coxph}: "Invalid weights, must be >0") and kept where R keeps it ({@code survfit}).
 *
 * @param frame the model frame of the rows kept
 * @param weights one weight per kept row, in the frame's row order
 * @param column the weight column's name
 * @param droppedMissing rows dropped for a missing value in the formula's variables or the weight
 * @param integer whether every weight is a whole number (R then keeps the model-based variance)
 */
public record CaseWeights(
    ModelFrame frame, double[] weights, String column, int droppedMissing, boolean integer) {

  /**
   * Reads the formula's columns and the weight column and builds the frame.
   *
   * @param file the data file
   * @param formula the model formula
   * @param column the weight column
   * @param zeroAllowed whether a weight of 0 is accepted (survfit) or refused (coxph)
   * @return the weighted frame
   * @throws InputException naming file, row and column for a non-numeric, negative, infinite or
   *     (when refused) zero weight
   */
  public static CaseWeights read(
      DataFile file, Formula formula, String column, boolean zeroAllowed) {
    refuseWeightVariable(file.source(), formula, column);
    return of(
        file.read(formula, List.of(column)),
        file.source(),
        file.referenceLevels(),
        formula,
        column,
        zeroAllowed);
  }

  /**
   * As {@link #read}, on a table already read (a study's cohort).
   *
   * @param table the data, with the formula's columns and the weight column
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static CaseWeights of(
      DataTable table,
      String source,
      java.util.Map<String, String> references,
      Formula formula,
      String column,
      boolean zeroAllowed) {
    refuseWeightVariable(source, formula, column);
    Column c = table.column(column);
    if (!(c instanceof NumericColumn w)) {
      throw new InputException(
          source, null, column, "weights must be numbers; column \"" + column + "\" is not");
    }
    List<Integer> keep = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < table.rowCount(); i++) {
      double v = w.value(i);
      if (Double.isNaN(v)) {
        missing++;
        continue;
      }
      if (Double.isInfinite(v) || v < 0) {
        throw new InputException(
            source,
            i + 1,
            column,
            "weight " + DecimalText.format(v) + " is not allowed; weights must be finite and >= 0");
      }
      if (v == 0 && !zeroAllowed) {
        throw new InputException(
            source,
            i + 1,
            column,
            "weight 0: a Cox model needs weights > 0 (as R's coxph: \"Invalid weights, must be"
                + " >0\"); leave the row out of the data instead");
      }
      keep.add(i + 1);
    }
    if (keep.isEmpty()) {
      throw new InputException(
          source, null, column, "no rows left: every weight in \"" + column + "\" is missing");
    }
    int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
    ModelFrame frame = ModelFrame.build(table, formula, references, rows);
    int[] kept = frame.rows();
    double[] weights = new double[kept.length];
    boolean integer = true;
    for (int k = 0; k < kept.length; k++) {
      weights[k] = w.value(kept[k] - 1);
      integer &= weights[k] == Math.floor(weights[k]);
    }
    return new CaseWeights(frame, weights, column, frame.droppedMissing() + missing, integer);
  }

  private static void refuseWeightVariable(String source, Formula formula, String column) {
    if (formula.variables().contains(column)) {
      throw new InputException(
          source,
          null,
          column,
          "the weight column \"" + column + "\" is also a variable of " + formula);
    }
  }

  /** The weights, a copy. */
  @Override
  public double[] weights() {
    return weights.clone();
  }
}
