package org.thyra.frame;

import java.util.Locale;

/**
 * Reads an event (status) column as R's {@code survival::Surv(time, event)} does, more strictly.
 *
 * <ul>
 *   <li>Numeric: if the largest non-missing value is 2 the column is 1/2 coded (1 censored, 2
 *       event: R's rule {@code if (max(event) == 2) status <- event - 1}); otherwise 0/1. Any other
 *       value (3, 0.5, -1, or 0 in a 1/2 column) is an error; R would turn it into NA with a
 *       warning.
 *   <li>Categorical: TRUE/FALSE (also T/F) or yes/no, ignoring letter case; TRUE / yes = event.
 *       Mixing the two codings, or any other label, is an error.
 * </ul>
 *
 * The coding is decided over the whole column (as R evaluates {@code Surv} before dropping rows
 * with missing covariates).
 */
public final class EventCoding {
  private static final String ACCEPTED = "expected 0/1, 1/2, TRUE/FALSE, yes/no";

  private EventCoding() {}

  /**
   * @param table the data
   * @param column the event column
   * @return per row: 1 event, 0 censored, -1 missing
   * @throws InputException naming row and column for a value that is not an event code
   */
  public static int[] decode(DataTable table, String column) {
    return read(table, column).status();
  }

  /**
   * @return the coding of the column
   * @throws InputException as {@link #decode(DataTable, String)}
   */
  public static EventCode detect(DataTable table, String column) {
    return read(table, column).code();
  }

  /**
   * @return the decoded status and the coding found
   * @throws InputException as {@link #decode(DataTable, String)}
   */
  public static EventStatus read(DataTable table, String column) {
    Column c = table.column(column);
    if (c instanceof NumericColumn numeric) {
      return readNumeric(table.source(), numeric);
    }
    return readCategorical(table.source(), (CategoricalColumn) c);
  }

  private static EventStatus readNumeric(String source, NumericColumn column) {
    int n = column.size();
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double v = column.value(i);
      if (v > max) {
        max = v;
      }
    }
    boolean oneTwo = max == 2;
    int[] status = new int[n];
    for (int i = 0; i < n; i++) {
      double v = column.value(i);
      if (Double.isNaN(v)) {
        status[i] = -1;
      } else if (oneTwo && (v == 1 || v == 2)) {
        status[i] = (int) v - 1;
      } else if (!oneTwo && (v == 0 || v == 1)) {
        status[i] = (int) v;
      } else {
        String detail =
            oneTwo && v == 0
                ? "0 is not an event code here: the column's largest value is 2, so it is read as "
                    + "1/2 coded (1 = censored, 2 = event, as R's Surv) and 0 is not allowed"
                : DecimalText.format(v) + " is not an event code (" + ACCEPTED + ")";
        throw new InputException(source, i + 1, column.name(), detail);
      }
    }
    return new EventStatus(status, oneTwo ? EventCode.ONE_TWO : EventCode.ZERO_ONE);
  }

  private static EventStatus readCategorical(String source, CategoricalColumn column) {
    var levels = column.levels();
    int[] levelStatus = new int[levels.size()];
    EventCode[] levelCode = new EventCode[levels.size()];
    for (int k = 0; k < levels.size(); k++) {
      switch (levels.get(k).toLowerCase(Locale.ROOT)) {
        case "true", "t" -> set(levelStatus, levelCode, k, 1, EventCode.LOGICAL);
        case "false", "f" -> set(levelStatus, levelCode, k, 0, EventCode.LOGICAL);
        case "yes" -> set(levelStatus, levelCode, k, 1, EventCode.YES_NO);
        case "no" -> set(levelStatus, levelCode, k, 0, EventCode.YES_NO);
        default -> levelStatus[k] = -2;
      }
    }
    int n = column.size();
    rejectUnknownCodes(source, column, levelStatus);
    int[] status = new int[n];
    EventCode code = null;
    for (int i = 0; i < n; i++) {
      int k = column.code(i);
      if (k < 0) {
        status[i] = -1;
        continue;
      }
      if (levelStatus[k] == -2) {
        throw new InputException(
            source,
            i + 1,
            column.name(),
            "\"" + levels.get(k) + "\" is not an event code (" + ACCEPTED + ")");
      }
      if (code == null) {
        code = levelCode[k];
      } else if (code != levelCode[k]) {
        throw new InputException(
            source,
            i + 1,
            column.name(),
            "\""
                + levels.get(k)
                + "\" mixes codings: earlier rows use "
                + code.description()
                + "; use one coding in the whole column");
      }
      status[i] = levelStatus[k];
    }
    return new EventStatus(status, code == null ? EventCode.ZERO_ONE : code);
  }

  /**
   * Names the first row whose value cannot be an event code at all (e.g. "dead"); only when every
   * unknown value is a number (a column mixing "1" with "yes") names the first of those. A number
   * is legitimate in a numeric column, so the word is what the user has to fix.
   */
  private static void rejectUnknownCodes(
      String source, CategoricalColumn column, int[] levelStatus) {
    int firstNumberRow = -1;
    for (int i = 0; i < column.size(); i++) {
      int k = column.code(i);
      if (k < 0 || levelStatus[k] != -2) {
        continue;
      }
      String label = column.levels().get(k);
      if (!Double.isNaN(DecimalText.parse(label))) {
        if (firstNumberRow < 0) {
          firstNumberRow = i;
        }
        continue;
      }
      throw new InputException(
          source,
          i + 1,
          column.name(),
          "\"" + label + "\" is not an event code (" + ACCEPTED + ")");
    }
    if (firstNumberRow >= 0) {
      String label = column.levels().get(column.code(firstNumberRow));
      throw new InputException(
          source,
          firstNumberRow + 1,
          column.name(),
          "\""
              + label
              + "\" is a number but other rows hold words (TRUE/FALSE, yes/no); use one coding"
              + " in the whole column");
    }
  }

  private static void set(int[] status, EventCode[] codes, int k, int value, EventCode code) {
    status[k] = value;
    codes[k] = code;
  }
}
