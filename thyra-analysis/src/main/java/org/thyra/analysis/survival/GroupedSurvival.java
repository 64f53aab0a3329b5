package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;

/**
 * Survival data split by an optional grouping column (and optional strata), as {@code km} and
 * {@code logrank} read it: the model frame of {@code Surv(T, E) ~ factor(G) + strata(S)}.
 *
 * @param frame the model frame (missing rows dropped and counted)
 * @param groupVariable the grouping column, or null for one group of all rows
 * @param groupLevels group labels (one "all" when there is no grouping column)
 * @param groupCodes per kept row its index into {@code groupLevels}
 */
public record GroupedSurvival(
    ModelFrame frame, String groupVariable, List<String> groupLevels, int[] groupCodes) {

  public static GroupedSurvival read(
      DataFile input, String time, String event, String group, List<String> strata) {
    return of(input.modelFrame(formula(time, event, group, strata)), group);
  }

  /**
   * As {@link #read}, on a table already read (a study's cohort).
   *
   * @param references reference levels, variable to level
   */
  public static GroupedSurvival of(
      DataTable table,
      Map<String, String> references,
      String time,
      String event,
      String group,
      List<String> strata) {
    return of(ModelFrame.build(table, formula(time, event, group, strata), references), group);
  }

  private static Formula formula(String time, String event, String group, List<String> strata) {
    List<Term> terms = new ArrayList<>();
    if (group != null) {
      terms.add(new Term(group, TermKind.FACTOR));
    }
    for (String s : strata) {
      terms.add(new Term(s, TermKind.STRATA));
    }
    return new Formula(new SurvivalResponse(time, event), terms);
  }

  private static GroupedSurvival of(ModelFrame frame, String group) {
    if (group == null) {
      return new GroupedSurvival(frame, null, List.of("all"), new int[frame.n()]);
    }
    Variable v = frame.variables().get(0);
    return new GroupedSurvival(frame, group, v.levels(), v.codes());
  }

  /** A group's label as R prints it in a survfit or survdiff table: {@code sex=1}. */
  public String label(int code) {
    return groupVariable == null ? "all" : groupVariable + "=" + groupLevels.get(code);
  }

  /** The rows' time and status restricted to one group. */
  public double[] time(int code) {
    return select(frame.time(), code);
  }

  public int[] status(int code) {
    int[] status = frame.status();
    int[] out = new int[count(code)];
    for (int i = 0, k = 0; i < status.length; i++) {
      if (groupCodes[i] == code) {
        out[k++] = status[i];
      }
    }
    return out;
  }

  private double[] select(double[] values, int code) {
    double[] out = new double[count(code)];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (groupCodes[i] == code) {
        out[k++] = values[i];
      }
    }
    return out;
  }

  private int count(int code) {
    int c = 0;
    for (int g : groupCodes) {
      if (g == code) {
        c++;
      }
    }
    return c;
  }

  /** The figure label of a group: its level, or "All" without a grouping column. */
  public String figureLabel(int code) {
    return groupVariable == null ? "All" : groupLevels.get(code);
  }
}
