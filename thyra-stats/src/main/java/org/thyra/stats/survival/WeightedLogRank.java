package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.Result;

/**
 * A log-rank comparison of groups with case weights (e.g. IPTW). R's {@code survdiff} takes no
 * weights; the test R users run instead is the robust score test of {@code coxph(Surv(time, status)
 * ~ group, weights = w, robust = TRUE)} (its {@code rscore}, "Robust" in {@code summary}), which
 * stays valid when the weights are estimated or not whole numbers. That is the test here: a Cox
 * model of the group indicators (first group the reference, Efron ties as coxph's default) by
 * {@link CoxCounting}, its robust score test at b = 0 with one cluster per row. Beside it the
 * weighted observed and expected events per group: {@code O_g = sum_{events in g} w_i}, {@code E_g
 * = sum_t d(t) n_g(t) / n(t)} with weighted counts (as survdiff's columns on weighted data).
 * Stratified ({@code strata}): the Cox model takes {@code + strata(s)}, as {@code coxph(Surv ~
 * group + strata(s), weights = w, robust = TRUE)}, and O and E are summed over the strata, each
 * stratum's risk sets its own (as {@code survdiff(... + strata(s))}).
 *
 * @param n rows per group
 * @param observed weighted observed events per group
 * @param expected weighted expected events per group
 * @param robustScore the robust score test (the test reported)
 * @param score the model-based score test (assumes the weights are frequencies)
 * @param stratified whether the test was stratified
 */
public record WeightedLogRank(
    int[] n,
    double[] observed,
    double[] expected,
    CoxTestResult robustScore,
    CoxTestResult score,
    boolean stratified)
    implements Result {

  /**
   * Runs the test.
   *
   * @param time follow-up times
   * @param status 1 event, 0 censored
   * @param weights case weights, positive (as coxph)
   * @param group group code per row, 0..groups-1
   * @param groups number of groups, at least 2
   * @return the test
   */
  public static WeightedLogRank test(
      double[] time, int[] status, double[] weights, int[] group, int groups) {
    return test(time, status, weights, group, groups, null);
  }

  /**
   * Runs the test stratified.
   *
   * @param strata stratum code per row (0-based), or null for none
   * @return the test
   * @see #test(double[], int[], double[], int[], int)
   */
  public static WeightedLogRank test(
      double[] time, int[] status, double[] weights, int[] group, int groups, int[] strata) {
    int n = time.length;
    int[] count = checkGroups(time, status, group, groups, strata);
    double[] t = TimeFix.apply(time);
    double[] observed = new double[groups];
    double[] expected = new double[groups];
    int layers = 1;
    if (strata != null) {
      for (int s : strata) {
        layers = Math.max(layers, s + 1);
      }
    }
    for (int layer = 0; layer < layers; layer++) {
      int l = layer;
      int[] rows =
          java.util.stream.IntStream.range(0, n)
              .filter(i -> strata == null || strata[i] == l)
              .toArray();
      if (rows.length > 0) {
        observedExpected(t, status, weights, group, groups, rows, observed, expected);
      }
    }
    double[][] x = new double[groups - 1][n];
    List<String> names = new ArrayList<>();
    for (int g = 1; g < groups; g++) {
      names.add("group" + g);
      for (int i = 0; i < n; i++) {
        x[g - 1][i] = group[i] == g ? 1 : 0;
      }
    }
    CoxFit fit =
        CoxCounting.fit(null, time, status, weights, x, names, strata, CoxOptions.defaults());
    CoxRobustResult robust = CoxCounting.robust(fit, null, time, status, weights, x, strata, null);
    return new WeightedLogRank(
        count, observed, expected, robust.score(), fit.scoreTest(), strata != null);
  }

  /** Adds the weighted observed and expected events of the given rows (one risk set per time). */
  private static void observedExpected(
      double[] t,
      int[] status,
      double[] weights,
      int[] group,
      int groups,
      int[] rows,
      double[] observed,
      double[] expected) {
    double[] unique = Arrays.stream(rows).mapToDouble(i -> t[i]).sorted().distinct().toArray();
    int m = unique.length;
    double[][] atTime = new double[m][groups];
    double[][] eventsAt = new double[m][groups];
    for (int i : rows) {
      int k = Arrays.binarySearch(unique, t[i]);
      atTime[k][group[i]] += weights[i];
      if (status[i] == 1) {
        eventsAt[k][group[i]] += weights[i];
        observed[group[i]] += weights[i];
      }
    }
    double[] risk = new double[groups];
    for (int k = 0; k < m; k++) {
      for (int g = 0; g < groups; g++) {
        risk[g] += atTime[k][g];
      }
    }
    for (int k = 0; k < m; k++) {
      double d = 0;
      double r = 0;
      for (int g = 0; g < groups; g++) {
        d += eventsAt[k][g];
        r += risk[g];
      }
      if (d > 0) {
        for (int g = 0; g < groups; g++) {
          expected[g] += d * risk[g] / r;
        }
      }
      for (int g = 0; g < groups; g++) {
        risk[g] -= atTime[k][g];
      }
    }
  }

  @Override
  public String method() {
    return "weighted log-rank: robust score test of coxph(Surv ~ group"
        + (stratified ? " + strata(s)" : "")
        + ", weights = w, robust ="
        + " TRUE) (Efron ties, one cluster per row; R's survdiff takes no weights); observed and"
        + " expected are weighted event counts"
        + (stratified ? ", summed over the strata" : "");
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }

  /**
   * The argument checks of a weighted log-rank test, overall or pairwise ({@link
   * WeightedLogRankPairwise}): times and status, at least two groups with codes 0..groups-1 and
   * rows in each, strata (if any) one per row.
   *
   * @return the number of rows of each group
   * @throws IllegalArgumentException when a check fails
   */
  static int[] checkGroups(double[] time, int[] status, int[] group, int groups, int[] strata) {
    SurvivalInput.check(time, status);
    int n = time.length;
    if (groups < 2) {
      throw new IllegalArgumentException("a log-rank test needs at least 2 groups");
    }
    SurvivalInput.checkCodes("group", group, n, groups);
    if (strata != null && strata.length != n) {
      throw new IllegalArgumentException("strata must have one code per row");
    }
    int[] count = new int[groups];
    for (int g : group) {
      count[g]++;
    }
    for (int g = 0; g < groups; g++) {
      if (count[g] == 0) {
        throw new IllegalArgumentException("group " + (g + 1) + " has no rows");
      }
    }
    return count;
  }
}
