package org.thyra.stats.descriptive;

/** Which R package's test choices a baseline table reproduces. */
public enum TablePreset {
  /**
   * {@code tableone::CreateTableOne}: continuous variables by one-way ANOVA with equal variances
   * ({@code oneway.test(var.equal = TRUE)}, equal to Student's t for two groups), or Kruskal–Wallis
   * for variables marked non-normal; categorical variables by {@code chisq.test} (Yates' correction
   * on 2×2), or Fisher's exact test for variables marked exact.
   */
  TABLEONE,
  /**
   * {@code gtsummary::tbl_summary() |> add_p()}: continuous variables by Wilcoxon rank-sum (two
   * groups) or Kruskal–Wallis (more); categorical variables by {@code chisq.test(correct = FALSE)}
   * when every expected count is at least 5, otherwise Fisher's exact test.
   */
  GTSUMMARY
}
