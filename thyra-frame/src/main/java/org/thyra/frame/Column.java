package org.thyra.frame;

/**
 * One typed column of a {@link DataTable}: numeric (a {@code double} per row, NaN = missing) or
 * categorical (a level code per row, -1 = missing).
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {
  /**
   * @return the column name as written in the header
   */
  String name();

  /**
   * @return the number of rows
   */
  int size();

  /**
   * @param row0 0-based row index
   * @return whether the value in that row is missing (empty cell, {@code NA} or {@code .})
   */
  boolean isMissing(int row0);

  /**
   * @param row0 0-based row index
   * @return the value as text: a number formatted as R prints it, a level label, or {@code "NA"}
   */
  String text(int row0);
}
