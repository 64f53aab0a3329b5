package org.thyra.analysis.discrimination;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Response;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.frame.formula.VariableResponse;

/**
 * Reads an outcome (binary, or {@code Surv(time, event)}) and numeric markers through a model
 * frame, so that the SPEC §5 rules (missing values dropped and counted, event and outcome coding)
 * are the same as for the model commands. Rows missing any of the markers are dropped, so two
 * compared markers are measured on the same rows.
 */
public final class MarkerInput {
  private MarkerInput() {}

  public static ModelFrame binary(DataFile input, String outcome, List<String> markers) {
    return frame(input, new VariableResponse(outcome), markers);
  }

  public static ModelFrame survival(
      DataFile input, String time, String event, List<String> markers) {
    return frame(input, new SurvivalResponse(time, event), markers);
  }

  /** As {@link #survival(DataFile, String, String, List)} on a table already read. */
  public static ModelFrame survival(
      DataTable table, String source, String time, String event, List<String> markers) {
    return numericMarkers(
        ModelFrame.build(
            table, formula(new SurvivalResponse(time, event), markers), java.util.Map.of()),
        source);
  }

  private static Formula formula(Response response, List<String> markers) {
    List<Term> terms = new ArrayList<>();
    for (String m : markers) {
      terms.add(new Term(m, TermKind.AUTO));
    }
    return new Formula(response, terms);
  }

  private static ModelFrame frame(DataFile input, Response response, List<String> markers) {
    return numericMarkers(input.modelFrame(formula(response, markers)), input.source());
  }

  private static ModelFrame numericMarkers(ModelFrame frame, String source) {
    for (Variable v : frame.variables()) {
      if (v.categorical()) {
        throw new InputException(
            source,
            null,
            v.name(),
            "must be numeric, but it has non-numeric values (levels " + v.levels() + ")");
      }
    }
    return frame;
  }

  /** The k-th marker's values over the kept rows. */
  public static double[] marker(ModelFrame frame, int k) {
    return frame.design().column(frame.variables().get(k).firstColumn()).clone();
  }

  public static double[] doubles(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
