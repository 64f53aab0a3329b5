package org.thyra.stats.competing;

/**
 * Gray's k-sample test of equal cumulative incidence of one cause.
 *
 * @param cause the cause tested
 * @param statistic {@code s' V^{-1} s}; NaN when {@code V} is singular (cmprsk then reports −1)
 * @param df number of groups − 1
 * @param p upper chi-square tail; NaN with the statistic
 */
public record GrayTestResult(int cause, double statistic, int df, double p)
    implements org.thyra.stats.Result {
  @Override
  public String method() {
    return "Gray's k-sample test of equal cumulative incidence (as cmprsk::cuminc), chi-square on "
        + "groups - 1 df";
  }

  @Override
  public java.util.List<String> warnings() {
    return Double.isNaN(statistic)
        ? java.util.List.of(
            "cause " + cause + ": the variance of Gray's statistic is singular; no test")
        : java.util.List.of();
  }
}
