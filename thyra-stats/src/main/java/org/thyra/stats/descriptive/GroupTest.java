package org.thyra.stats.descriptive;

import java.util.List;
import org.thyra.stats.Result;

/**
 * The test a baseline table reports for one variable.
 *
 * @param test short name: "anova", "t-test", "kruskal", "wilcoxon", "chisq", "chisq-yates",
 *     "fisher"
 * @param statistic the statistic (NaN for Fisher)
 * @param df degrees of freedom (NaN where not applicable; for ANOVA the numerator df)
 * @param p p-value (NaN when the test is undefined; see warnings)
 * @param method the full test variant as R names it
 * @param warnings why a test is undefined or approximate
 */
public record GroupTest(
    String test, double statistic, double df, double p, String method, List<String> warnings)
    implements Result {
  public GroupTest {
    warnings = List.copyOf(warnings);
  }
}
