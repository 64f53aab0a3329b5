package org.thyra.stats.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * The design columns of some candidate variables: every column whose {@code assign} entry names one
 * of them, variable by variable in the order given (all columns of a variable enter together).
 *
 * @param columns the selected columns
 * @param names their names
 * @param assign their variable indices
 */
record CandidateColumns(double[][] columns, List<String> names, int[] assign) {

  /**
   * Checks that every design column has a name and a variable index (the one check the logistic and
   * Cox fitters share).
   *
   * @throws IllegalArgumentException when the three lengths differ
   */
  static void checkLengths(double[][] columns, List<String> names, int[] assign) {
    if (names.size() != columns.length || assign.length != columns.length) {
      throw new IllegalArgumentException(
          "columns ("
              + columns.length
              + "), names ("
              + names.size()
              + ") and assign ("
              + assign.length
              + ") must have the same length");
    }
  }

  /** Number of candidate variables: max assign + 1. */
  static int variableCount(int[] assign) {
    int m = -1;
    for (int a : assign) {
      m = Math.max(m, a);
    }
    return m + 1;
  }

  /**
   * @throws IllegalArgumentException for a variable index outside 0..variableCount-1
   */
  static CandidateColumns select(
      double[][] columns, List<String> names, int[] assign, int[] variables) {
    int count = variableCount(assign);
    List<double[]> cols = new ArrayList<>();
    List<String> colNames = new ArrayList<>();
    List<Integer> colAssign = new ArrayList<>();
    for (int v : variables) {
      if (v < 0 || v >= count) {
        throw new IllegalArgumentException(
            "variable index " + v + " out of range 0.." + (count - 1));
      }
      for (int j = 0; j < columns.length; j++) {
        if (assign[j] == v) {
          cols.add(columns[j]);
          colNames.add(names.get(j));
          colAssign.add(v);
        }
      }
    }
    return new CandidateColumns(
        cols.toArray(new double[0][]),
        colNames,
        colAssign.stream().mapToInt(Integer::intValue).toArray());
  }
}
