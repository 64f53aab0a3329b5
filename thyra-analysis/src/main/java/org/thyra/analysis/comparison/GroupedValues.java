package org.thyra.analysis.comparison;

import java.util.ArrayList;
import java.util.List;
import org.thyra.frame.Column;
import org.thyra.frame.LevelOrder;
import org.thyra.stats.rank.KruskalWallisTest;
import org.thyra.stats.rank.WilcoxonRankSumTest;

/**
 * Values split by the levels of a grouping column (levels in {@link LevelOrder}), and the rank test
 * that compares them: the data behind {@code thyra plot box} and the VRR panel of {@code thyra plot
 * volume}.
 *
 * @param levels group labels, in display order
 * @param values the non-missing values of each group
 */
public record GroupedValues(List<String> levels, List<double[]> values) {
  public GroupedValues {
    levels = List.copyOf(levels);
    values = List.copyOf(values);
  }

  /** Splits {@code values} (NaN = missing) by {@code group} (null: one group "All"). */
  public static GroupedValues of(double[] values, Column group) {
    if (group == null) {
      return new GroupedValues(List.of("All"), List.of(values));
    }
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      if (!group.isMissing(i) && !levels.contains(group.text(i))) {
        levels.add(group.text(i));
      }
    }
    levels.sort(LevelOrder.comparator(levels));
    List<double[]> out = new ArrayList<>();
    for (String l : levels) {
      List<Double> v = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if (!group.isMissing(i) && group.text(i).equals(l) && !Double.isNaN(values[i])) {
          v.add(values[i]);
        }
      }
      out.add(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new GroupedValues(levels, out);
  }

  /**
   * The Wilcoxon rank-sum test for two groups, Kruskal–Wallis for more (as R's {@code wilcox.test}
   * / {@code kruskal.test}); null for one group.
   */
  public RankComparison compare() {
    if (levels.size() < 2) {
      return null;
    }
    if (levels.size() == 2) {
      return new RankComparison(
          "Wilcoxon rank-sum", WilcoxonRankSumTest.test(values.get(0), values.get(1)));
    }
    int n = values.stream().mapToInt(v -> v.length).sum();
    double[] x = new double[n];
    double[] g = new double[n];
    int i = 0;
    for (int k = 0; k < values.size(); k++) {
      for (double v : values.get(k)) {
        x[i] = v;
        g[i++] = k;
      }
    }
    return new RankComparison("Kruskal–Wallis", KruskalWallisTest.test(x, g));
  }
}
