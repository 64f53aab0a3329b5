package org.thyra.analysis.comparison;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.rank.RankTestResult;

/**
 * A rank test comparing groups of values ({@link GroupedValues#compare()}).
 *
 * @param test the test's short name as a figure prints it ("Wilcoxon rank-sum", "Kruskal–Wallis")
 * @param result the test
 */
public record RankComparison(String test, RankTestResult result) implements Result {

  /** The test's p-value. */
  public double p() {
    return result.p();
  }

  @Override
  public String method() {
    return result.method();
  }

  @Override
  public List<String> warnings() {
    return result.warnings();
  }
}
