package org.thyra.app.plot;

import java.util.ArrayList;
import java.util.List;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.LevelOrder;
import org.thyra.frame.NumericColumn;
import org.thyra.report.figure.PValues;
import org.thyra.stats.rank.KruskalWallisTest;
import org.thyra.stats.rank.RankTestResult;
import org.thyra.stats.rank.WilcoxonRankSumTest;

/** Values split by the levels of a grouping column, and the rank test that compares them. */
record GroupedValues(List<String> levels, List<double[]> values) {

  /** Splits {@code values} (NaN = missing) by {@code group} (null: one group "All"). */
  static GroupedValues of(double[] values, Column group) {
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
   * Wilcoxon rank-sum for two groups, Kruskal–Wallis for more (as R's wilcox.test / kruskal.test),
   * as "Wilcoxon rank-sum p = 0.012"; null for one group.
   */
  String test() {
    if (levels.size() < 2) {
      return null;
    }
    if (levels.size() == 2) {
      RankTestResult r = WilcoxonRankSumTest.test(values.get(0), values.get(1));
      return "Wilcoxon rank-sum " + PValues.equation(r.p());
    }
    List<Double> x = new ArrayList<>();
    List<Double> g = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      for (double v : values.get(k)) {
        x.add(v);
        g.add((double) k);
      }
    }
    RankTestResult r =
        KruskalWallisTest.test(
            x.stream().mapToDouble(Double::doubleValue).toArray(),
            g.stream().mapToDouble(Double::doubleValue).toArray());
    return "Kruskal–Wallis " + PValues.equation(r.p());
  }

  static double[] numeric(Column c) {
    if (c instanceof NumericColumn n) {
      return n.toArray();
    }
    throw new IllegalArgumentException("column " + c.name() + " must be numeric");
  }

  static boolean categorical(Column c) {
    return c instanceof CategoricalColumn;
  }
}
