package org.thyra.analysis.table1;

import java.util.List;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.GroupTest;
import org.thyra.stats.descriptive.NumericSummary;

/**
 * One variable of a baseline table: its summaries overall and per group, the test across groups and
 * the standardised mean difference.
 *
 * @param name column name
 * @param summary how the variable is summarised
 * @param overall numeric summary over all rows with a group (null for a categorical variable)
 * @param groups numeric summary per group (empty for a categorical variable)
 * @param levels levels of a categorical variable in table order (empty for a numeric variable)
 * @param overallCounts counts over all rows with a group (null for a numeric variable)
 * @param groupCounts counts per group (empty for a numeric variable)
 * @param missing missing values over all rows with a group
 * @param groupMissing missing values per group
 * @param test the test across groups (p = NaN when it cannot be computed)
 * @param smd standardised mean difference (mean of pairwise SMDs for more than two groups), NaN
 *     when undefined
 */
public record Table1Variable(
    String name,
    Summary summary,
    NumericSummary overall,
    List<NumericSummary> groups,
    List<String> levels,
    CategoricalSummary overallCounts,
    List<CategoricalSummary> groupCounts,
    int missing,
    int[] groupMissing,
    GroupTest test,
    double smd) {

  /** How a variable is summarised in the table. */
  public enum Summary {
    MEAN_SD("mean (SD)", "mean_sd"),
    MEDIAN_IQR("median (Q1, Q3)", "median_iqr"),
    N_PERCENT("n (%)", "n_percent");

    public final String label;
    public final String key;

    Summary(String label, String key) {
      this.label = label;
      this.key = key;
    }
  }

  public Table1Variable {
    groups = List.copyOf(groups);
    levels = List.copyOf(levels);
    groupCounts = List.copyOf(groupCounts);
    groupMissing = groupMissing.clone();
  }

  public boolean categorical() {
    return summary == Summary.N_PERCENT;
  }
}
