package org.thyra.frame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A table of typed columns read from one file; immutable. */
public final class DataTable {
  private final String source;
  private final int rowCount;
  private final Map<String, Column> columns;
  private final List<String> fileColumns;

  /**
   * @param source file name used in messages
   * @param rowCount number of data rows
   * @param columns the columns read, in file order
   * @param fileColumns every column name in the file header (for messages about unread columns)
   */
  DataTable(String source, int rowCount, List<Column> columns, List<String> fileColumns) {
    this.source = source;
    this.rowCount = rowCount;
    Map<String, Column> map = new LinkedHashMap<>();
    for (Column c : columns) {
      if (c.size() != rowCount) {
        throw new IllegalArgumentException(
            "column " + c.name() + " has " + c.size() + " rows, expected " + rowCount);
      }
      if (map.put(c.name(), c) != null) {
        throw new IllegalArgumentException("duplicate column " + c.name());
      }
    }
    this.columns = map;
    this.fileColumns = List.copyOf(fileColumns);
  }

  /**
   * Builds a table in memory (tests, derived data).
   *
   * @param source name used in messages
   * @param columns columns of equal length with distinct names
   * @return the table
   */
  public static DataTable of(String source, List<? extends Column> columns) {
    Objects.requireNonNull(source);
    int n = columns.isEmpty() ? 0 : columns.get(0).size();
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    return new DataTable(source, n, List.copyOf(columns), names);
  }

  /**
   * @return the file name for messages (e.g. {@code lung.csv})
   */
  public String source() {
    return source;
  }

  /**
   * @return the number of data rows
   */
  public int rowCount() {
    return rowCount;
  }

  /**
   * @return the names of the columns read, in file order
   */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /**
   * @param name column name (exact, case-sensitive)
   * @return whether the column was read
   */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * @param name column name (exact, case-sensitive)
   * @return the column
   * @throws InputException when there is no such column; the message lists the columns and suggests
   *     a close name
   */
  public Column column(String name) {
    Column c = columns.get(name);
    if (c == null) {
      if (fileColumns.contains(name)) {
        throw new InputException(
            source,
            null,
            name,
            "column \""
                + name
                + "\" is in the file but was not read (internal: add it to the requested columns)");
      }
      throw ColumnNames.unknown(source, name, fileColumns);
    }
    return c;
  }

  @Override
  public String toString() {
    return "DataTable[" + source + ", " + rowCount + " rows, columns " + columns.keySet() + "]";
  }
}
