package org.thyra.frame;

/**
 * Bad input: a problem in a data file or a model specification that the user must fix.
 *
 * <p>The message is one line that names the file, the 1-based data row (row 1 is the first line
 * after the header) and the column when they are known, for example {@code lung.csv, row 17, column
 * "status": "maybe" is not an event code (...)}.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final Integer row;
  private final String column;
  private final String detail;

  /**
   * @param file file name as shown to the user, or {@code null}
   * @param row 1-based data row, or {@code null} when the problem is not about one row
   * @param column column name, or {@code null}
   * @param detail what is wrong, without the location prefix
   */
  public InputException(String file, Integer row, String column, String detail) {
    this(file, row, column, detail, null);
  }

  /** As {@link #InputException(String, Integer, String, String)} with a cause. */
  public InputException(String file, Integer row, String column, String detail, Throwable cause) {
    super(compose(file, row, column, detail), cause);
    this.file = file;
    this.row = row;
    this.column = column;
    this.detail = detail;
  }

  /**
   * @return the file name, or {@code null} when the problem is not about a file
   */
  public String file() {
    return file;
  }

  /**
   * @return the 1-based data row (row 1 = first line after the header), or {@code null}
   */
  public Integer row() {
    return row;
  }

  /**
   * @return the column name, or {@code null}
   */
  public String column() {
    return column;
  }

  /**
   * @return the description of the problem without the file / row / column prefix
   */
  public String detail() {
    return detail;
  }

  private static String compose(String file, Integer row, String column, String detail) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (row != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("row ").append(row);
    }
    if (column != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("column \"").append(column).append('"');
    }
    return sb.length() > 0 ? sb.append(": ").append(detail).toString() : detail;
  }
}
