package org.thyra.stats.descriptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.contingency.ChiSquareResult;
import org.thyra.stats.contingency.ChiSquareTest;
import org.thyra.stats.contingency.FisherExactResult;
import org.thyra.stats.contingency.FisherExactTest;
import org.thyra.stats.means.AnovaResult;
import org.thyra.stats.means.OneWayAnova;
import org.thyra.stats.rank.GroupCodes;
import org.thyra.stats.rank.KruskalWallisTest;
import org.thyra.stats.rank.RankTestResult;
import org.thyra.stats.rank.WilcoxonRankSumTest;

/**
 * Chooses and runs the test of a baseline-table row as {@link TablePreset} says. A test that cannot
 * be computed (a single group with data, too few observations) gives p = NaN and a warning, never
 * an exception, so one variable cannot break the table.
 */
public final class GroupComparison {
  private GroupComparison() {}

  /**
   * Test for a numeric variable.
   *
   * @param x values (NaN = missing)
   * @param group group codes (NaN = missing)
   * @param preset tableone or gtsummary rules
   * @param nonNormal tableone: use Kruskal–Wallis instead of ANOVA (ignored by gtsummary)
   * @return the test reported for this row
   */
  public static GroupTest numeric(
      double[] x, double[] group, TablePreset preset, boolean nonNormal) {
    try {
      if (preset == TablePreset.TABLEONE && !nonNormal) {
        AnovaResult a = OneWayAnova.test(x, group);
        return new GroupTest(
            "anova", a.statistic(), a.dfBetween(), a.p(), a.method(), a.warnings());
      }
      double[] codes = GroupCodes.withData(group, x);
      if (preset == TablePreset.GTSUMMARY && codes.length == 2) {
        RankTestResult w =
            WilcoxonRankSumTest.test(pick(x, group, codes[0]), pick(x, group, codes[1]));
        return new GroupTest(
            "wilcoxon", w.statistic(), Double.NaN, w.p(), w.method(), w.warnings());
      }
      RankTestResult k = KruskalWallisTest.test(x, group);
      return new GroupTest("kruskal", k.statistic(), k.df(), k.p(), k.method(), k.warnings());
    } catch (IllegalArgumentException e) {
      return new GroupTest(
          "none", Double.NaN, Double.NaN, Double.NaN, "not tested", List.of(e.getMessage()));
    }
  }

  /**
   * Test for a categorical variable (table of levels × groups over rows with both present).
   *
   * @param x level codes (NaN = missing)
   * @param group group codes (NaN = missing)
   * @param preset tableone or gtsummary rules
   * @param exact tableone: use Fisher's exact test (ignored by gtsummary, which decides by expected
   *     counts)
   * @return the test reported for this row
   */
  public static GroupTest categorical(
      double[] x, double[] group, TablePreset preset, boolean exact) {
    double[] xs = x.clone();
    double[] gs = group.clone();
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(xs[i]) || Double.isNaN(gs[i])) {
        xs[i] = Double.NaN;
        gs[i] = Double.NaN;
      }
    }
    double[] levels = GroupCodes.distinctSorted(xs);
    double[] codes = GroupCodes.distinctSorted(gs);
    if (levels.length < 2 || codes.length < 2) {
      return new GroupTest(
          "none",
          Double.NaN,
          Double.NaN,
          Double.NaN,
          "not tested",
          List.of(
              "a test needs at least 2 levels and 2 groups with data, got "
                  + levels.length
                  + " and "
                  + codes.length));
    }
    long[][] t = new long[levels.length][codes.length];
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isNaN(xs[i])) {
        t[Arrays.binarySearch(levels, xs[i])][Arrays.binarySearch(codes, gs[i])]++;
      }
    }
    try {
      if (preset == TablePreset.TABLEONE) {
        if (exact) {
          return fisher(t, List.of());
        }
        ChiSquareResult c = ChiSquareTest.test(t, true);
        return chi(c);
      }
      ChiSquareResult c = ChiSquareTest.test(t, false);
      if (c.expectedAtLeastFive()) {
        return chi(c);
      }
      return fisher(
          t, List.of("an expected count is below 5: Fisher's exact test (gtsummary rule)"));
    } catch (IllegalArgumentException e) {
      return new GroupTest(
          "none", Double.NaN, Double.NaN, Double.NaN, "not tested", List.of(e.getMessage()));
    }
  }

  private static GroupTest chi(ChiSquareResult c) {
    return new GroupTest(
        c.method().contains("Yates") ? "chisq-yates" : "chisq",
        c.statistic(),
        c.df(),
        c.p(),
        c.method(),
        c.warnings());
  }

  private static GroupTest fisher(long[][] t, List<String> extra) {
    FisherExactResult f = FisherExactTest.test(t);
    List<String> w = new ArrayList<>(extra);
    w.addAll(f.warnings());
    return new GroupTest("fisher", Double.NaN, Double.NaN, f.p(), f.method(), w);
  }

  private static double[] pick(double[] x, double[] g, double code) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (g[i] == code && !Double.isNaN(x[i])) {
        n++;
      }
    }
    double[] out = new double[n];
    for (int i = 0, k = 0; i < x.length; i++) {
      if (g[i] == code && !Double.isNaN(x[i])) {
        out[k++] = x[i];
      }
    }
    return out;
  }
}
