package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;

/**
 * A landmark analysis (Anderson, Cain &amp; Gelber 1983, J Clin Oncol 1:710): only the rows still
 * followed and event-free after the landmark time s ({@code time > s}) enter; the model then
 * describes survival beyond s by covariates known at s, without immortal-time bias. Cox estimates
 * do not change when every time is shifted by s, so times are kept as given (R: {@code
 * coxph(Surv(time - s, status) ~ ..., subset = time > s)}).
 *
 * @param frame the model frame of the rows at risk after s
 * @param time the landmark time s
 * @param excluded rows left out because their time is at or before s (missing times are counted as
 *     missing by the frame instead)
 */
public record Landmark(ModelFrame frame, double time, int excluded) {

  /**
   * The landmark frame of a table already read.
   *
   * @param table the data (the formula's columns)
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   * @param formula the model, with a {@code Surv(time, status)} response
   * @param s the landmark time, {@code >= 0}
   * @return the frame of the rows with {@code time > s} (or a missing time, counted by the frame)
   * @throws InputException for a negative or non-finite landmark or a non-numeric time column
   */
  public static Landmark frame(
      DataTable table, String source, Map<String, String> references, Formula formula, double s) {
    if (!Double.isFinite(s) || s < 0) {
      throw new InputException(source, null, null, "--landmark must be a time >= 0, got " + s);
    }
    SurvivalResponse response = (SurvivalResponse) formula.response();
    Column time = table.column(response.time());
    if (!(time instanceof NumericColumn num)) {
      throw new InputException(source, null, response.time(), "follow-up time must be numeric");
    }
    List<Integer> rows = new ArrayList<>();
    int excluded = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      if (num.isMissing(r) || num.value(r) > s) {
        rows.add(r + 1);
      } else {
        excluded++;
      }
    }
    ModelFrame frame =
        ModelFrame.build(
            table, formula, references, rows.stream().mapToInt(Integer::intValue).toArray());
    return new Landmark(frame, s, excluded);
  }
}
