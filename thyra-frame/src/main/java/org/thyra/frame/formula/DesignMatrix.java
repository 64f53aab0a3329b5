package org.thyra.frame.formula;

import java.util.List;

/**
 * The covariate columns of a model, column-major, without an intercept column (Cox models have
 * none; a logistic fit adds its own). A numeric variable gives one column named by the column; a
 * categorical variable gives an indicator column {@code variable=level} per non-reference level
 * (treatment contrasts, as R's default {@code contr.treatment}).
 */
public final class DesignMatrix {
  private final double[][] columns;
  private final List<String> columnNames;
  private final int[] assign;
  private final int rows;

  DesignMatrix(double[][] columns, List<String> columnNames, int[] assign, int rows) {
    this.columns = columns;
    this.columnNames = List.copyOf(columnNames);
    this.assign = assign;
    this.rows = rows;
  }

  /**
   * @return a copy of the columns: {@code columns()[j][i]} is row {@code i} of column {@code j}
   */
  public double[][] columns() {
    double[][] copy = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      copy[j] = columns[j].clone();
    }
    return copy;
  }

  /**
   * The columns themselves, not copies, for a caller that only reads them and would otherwise copy
   * a large design for nothing (a Cox fit copies the rows into its own order anyway). The caller
   * must not write to them: the matrix is immutable only as long as nobody does.
   *
   * @return the matrix's own column arrays, column-major as {@link #columns()}
   */
  public double[][] readOnlyColumns() {
    return columns.clone();
  }

  /**
   * @return a copy of column {@code j}
   */
  public double[] column(int j) {
    return columns[j].clone();
  }

  /**
   * @return the value at row {@code i}, column {@code j}
   */
  public double get(int i, int j) {
    return columns[j][i];
  }

  /**
   * @return the column names: numeric by column name, categorical {@code variable=level}
   */
  public List<String> columnNames() {
    return columnNames;
  }

  /**
   * @return for each column the index of its variable in {@link ModelFrame#variables()}
   */
  public int[] assign() {
    return assign.clone();
  }

  /**
   * @return number of rows
   */
  public int rowCount() {
    return rows;
  }

  /**
   * @return number of columns
   */
  public int columnCount() {
    return columns.length;
  }
}
