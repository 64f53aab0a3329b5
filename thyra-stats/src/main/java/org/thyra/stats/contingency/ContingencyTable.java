package org.thyra.stats.contingency;

/** Validation and margins of a table of counts given as {@code long[rows][columns]}. */
final class ContingencyTable {
  private ContingencyTable() {}

  static void check(long[][] table, int minRows, int minColumns) {
    if (table == null || table.length < minRows) {
      throw new IllegalArgumentException("table must have at least " + minRows + " rows");
    }
    int c = table[0].length;
    if (c < minColumns) {
      throw new IllegalArgumentException("table must have at least " + minColumns + " columns");
    }
    for (int i = 0; i < table.length; i++) {
      if (table[i].length != c) {
        throw new IllegalArgumentException(
            "table is ragged: row "
                + (i + 1)
                + " has "
                + table[i].length
                + " columns, row 1 has "
                + c);
      }
      for (int j = 0; j < c; j++) {
        if (table[i][j] < 0) {
          throw new IllegalArgumentException(
              "table has a negative count at row " + (i + 1) + ", column " + (j + 1));
        }
      }
    }
  }

  static long[] rowSums(long[][] t) {
    long[] s = new long[t.length];
    for (int i = 0; i < t.length; i++) {
      for (long v : t[i]) {
        s[i] += v;
      }
    }
    return s;
  }

  static long[] columnSums(long[][] t) {
    long[] s = new long[t[0].length];
    for (long[] row : t) {
      for (int j = 0; j < row.length; j++) {
        s[j] += row[j];
      }
    }
    return s;
  }
}
