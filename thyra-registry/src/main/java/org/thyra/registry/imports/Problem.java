package org.thyra.registry.imports;

/**
 * One thing wrong with the input, in the user's words.
 *
 * @param file the file
 * @param where the row ({@code row 12}) or JSON path / patient and entry
 * @param column the column of a flat file, or {@code null}
 * @param why what is wrong
 */
public record Problem(String file, String where, String column, String why) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (where != null && !where.isEmpty()) {
      sb.append(": ").append(where);
    }
    if (column != null) {
      sb.append(", column ").append(column);
    }
    return sb.append(": ").append(why).toString();
  }
}
