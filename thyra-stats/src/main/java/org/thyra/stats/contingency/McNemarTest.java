package org.thyra.stats.contingency;

import java.util.ArrayList;
import java.util.List;

/**
 * McNemar's test for paired binary outcomes and its k×k generalisation, the McNemar–Bowker test of
 * symmetry, as R's {@code mcnemar.test(x, correct)}.
 *
 * <p>{@code X^2 = sum_{i<j} (|n_ij - n_ji| - C)^2 / (n_ij + n_ji)} on {@code k(k-1)/2} df. The
 * continuity correction {@code C = 1} applies only to 2×2 tables with {@code correct = true} (R's
 * default) and an off-diagonal difference; otherwise {@code C = 0}. As R, a pair of off-diagonal
 * cells that are both zero makes the statistic undefined (NaN); a warning says so.
 *
 * <p>Reference: McNemar (1947), Psychometrika 12:153–157; Bowker (1948), JASA 43:572–574.
 */
public final class McNemarTest {
  private McNemarTest() {}

  /**
   * Tests symmetry of a square table of paired classifications (rows: first, columns: second).
   *
   * @param table k×k counts, k ≥ 2
   * @param correct continuity correction for 2×2 tables
   * @return X-squared, df, p (expected counts are not defined: null)
   */
  public static ChiSquareResult test(long[][] table, boolean correct) {
    ContingencyTable.check(table, 2, 2);
    int k = table.length;
    if (table[0].length != k) {
      throw new IllegalArgumentException(
          "'x' must be square with at least two rows and columns, got "
              + k
              + "x"
              + table[0].length);
    }
    boolean anyAsymmetry = false;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        anyAsymmetry |= table[i][j] != table[j][i];
      }
    }
    boolean corrected = correct && k == 2 && anyAsymmetry;
    double x2 = 0;
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        double d = table[i][j] - table[j][i];
        if (corrected) {
          d = Math.abs(d) - 1;
        }
        double s = table[i][j] + table[j][i];
        if (s == 0) {
          warnings.add(
              "cells ("
                  + (i + 1)
                  + ","
                  + (j + 1)
                  + ") and ("
                  + (j + 1)
                  + ","
                  + (i + 1)
                  + ") are both zero: the statistic is undefined (NaN), as in R");
        }
        x2 += d * d / s;
      }
    }
    int df = k * (k - 1) / 2;
    double p = ChiSquareTest.upperTail(x2, df);
    String method =
        corrected
            ? "McNemar's Chi-squared test with continuity correction"
            : "McNemar's Chi-squared test";
    return new ChiSquareResult(x2, df, p, null, method, warnings);
  }
}
