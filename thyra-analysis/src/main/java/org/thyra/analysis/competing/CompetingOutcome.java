package org.thyra.analysis.competing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.thyra.analysis.DataFile;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.VariableResponse;

/**
 * A competing-risks outcome as {@code cmprsk} reads it: a time column and a status column holding
 * one code for censored rows ({@code --censor-code}, 0 by default as cmprsk's {@code cencode}) and
 * one code per cause of failure. The causes are the other codes present, in sorted order
 * (numerically for a numeric column), and are numbered 1..K for the statistics.
 *
 * @param frame the model frame of {@code time ~ terms} on the rows whose status is not missing
 * @param droppedMissing rows left out for a missing value in any column used (status included)
 * @param time follow-up times of the kept rows
 * @param cause per kept row 0 (censored) or the 1-based index into {@code causes}
 * @param causes the causes' codes as they appear in the file
 * @param censorCode the censoring code
 */
public record CompetingOutcome(
    ModelFrame frame,
    int droppedMissing,
    double[] time,
    int[] cause,
    List<String> causes,
    String censorCode) {

  public static CompetingOutcome read(
      DataFile input, String time, String event, String censorCode, List<Term> terms) {
    Set<String> columns = new LinkedHashSet<>();
    columns.add(time);
    columns.add(event);
    for (Term t : terms) {
      columns.add(t.variable());
    }
    DataTable table = input.read(columns);
    return of(table, input.source(), input.referenceLevels(), time, event, censorCode, terms);
  }

  /**
   * As {@link #read}, on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static CompetingOutcome of(
      DataTable table,
      String source,
      Map<String, String> references,
      String time,
      String event,
      String censorCode,
      List<Term> terms) {
    Column status = table.column(event);
    int rows = table.rowCount();
    List<Integer> present = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (!status.isMissing(r)) {
        present.add(r + 1);
      }
    }
    int[] dataRows = present.stream().mapToInt(Integer::intValue).toArray();
    Formula formula = new Formula(new VariableResponse(time), terms);
    ModelFrame frame = ModelFrame.build(table, formula, references, dataRows);
    int[] kept = frame.rows();
    double[] t = frame.response();
    String[] codes = new String[kept.length];
    List<String> values = distinct(status, dataRows);
    String censor = canonical(status, censorCode);
    if (censor == null || !values.contains(censor)) {
      throw new InputException(
          source,
          null,
          event,
          "--censor-code "
              + censorCode
              + " does not occur in "
              + event
              + " (values: "
              + String.join(", ", values)
              + "); give the code that marks a censored row");
    }
    List<String> causes = new ArrayList<>(values);
    causes.remove(censor);
    int[] cause = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      int r0 = kept[i] - 1;
      codes[i] = label(status, r0);
      cause[i] = codes[i].equals(censor) ? 0 : causes.indexOf(codes[i]) + 1;
      if (!(t[i] >= 0) || Double.isInfinite(t[i])) {
        throw new InputException(
            source,
            kept[i],
            time,
            "follow-up time must be a finite number >= 0, got " + DecimalText.format(t[i]));
      }
    }
    return new CompetingOutcome(
        frame,
        frame.droppedMissing() + (rows - dataRows.length),
        t,
        cause,
        List.copyOf(causes),
        censor);
  }

  /** The 1-based index of a cause given as text, or an error naming the option. */
  public int causeIndex(String source, String option, String event, String code) {
    String c = canonicalFromList(code);
    int k = causes.indexOf(c);
    if (k < 0) {
      throw new InputException(
          source,
          null,
          event,
          option
              + " "
              + code
              + " is not a cause of failure in "
              + event
              + " (causes: "
              + String.join(", ", causes)
              + "; censored: "
              + censorCode
              + ")");
    }
    return k + 1;
  }

  private String canonicalFromList(String code) {
    for (String c : causes) {
      if (c.equals(code)) {
        return c;
      }
      try {
        if (Double.parseDouble(c) == Double.parseDouble(code)) {
          return c;
        }
      } catch (NumberFormatException e) {
        // not numeric: compare as text only
      }
    }
    return code;
  }

  /** The number of failures from each cause (index 0 = censored). */
  public int[] counts() {
    int[] n = new int[causes.size() + 1];
    for (int c : cause) {
      n[c]++;
    }
    return n;
  }

  private static List<String> distinct(Column status, int[] dataRows) {
    if (status instanceof NumericColumn num) {
      TreeSet<Double> set = new TreeSet<>();
      for (int r : dataRows) {
        set.add(num.value(r - 1));
      }
      List<String> out = new ArrayList<>();
      for (double v : set) {
        out.add(DecimalText.format(v));
      }
      return out;
    }
    CategoricalColumn cat = (CategoricalColumn) status;
    boolean[] seen = new boolean[cat.levels().size()];
    for (int r : dataRows) {
      seen[cat.code(r - 1)] = true;
    }
    List<String> out = new ArrayList<>();
    for (int l = 0; l < seen.length; l++) {
      if (seen[l]) {
        out.add(cat.levels().get(l));
      }
    }
    return out;
  }

  private static String label(Column status, int row0) {
    return status instanceof NumericColumn num
        ? DecimalText.format(num.value(row0))
        : ((CategoricalColumn) status).label(row0);
  }

  /** The option's code written as the column writes its values (2.0 → 2 in a numeric column). */
  private static String canonical(Column status, String code) {
    if (status instanceof NumericColumn) {
      try {
        return DecimalText.format(Double.parseDouble(code.trim()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return code.trim();
  }
}
