package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.inference.PValueAdjustment;

/**
 * Pairwise weighted log-rank tests: for each pair of groups (a &lt; b), the test of {@link
 * WeightedLogRank} on the rows of the two groups, i.e. the robust score test of {@code
 * coxph(Surv(time, status) ~ group [+ strata(s)], weights = w, robust = TRUE, subset = group %in%
 * c(a, b))} ({@code fit$rscore}, Efron ties, one cluster per row), then R's {@code p.adjust} over
 * the pairs. The hazard ratio of b relative to a is that model's {@code exp(coef)} with the robust
 * Wald interval {@code exp(b ± z · robust se)}, as {@code summary(fit)$conf.int}.
 *
 * <p>A pair without events, or whose events all happen while only one of its groups is at risk, has
 * no test (R's coefficient is NA and {@code rscore} NULL): its statistic, p-values and hazard ratio
 * are NaN, it does not count towards the adjustment's family (as {@code p.adjust} with NA), and a
 * warning names it.
 */
public final class WeightedLogRankPairwise {

  private WeightedLogRankPairwise() {}

  /**
   * Runs the pairwise tests.
   *
   * @param time follow-up times, finite and ≥ 0
   * @param status 1 event, 0 censored
   * @param weights case weights, positive (as coxph)
   * @param group group code per row, 0..groups-1
   * @param groups number of groups, at least 2, each with rows
   * @param strata stratum code per row (≥ 0), or null
   * @param adjustment p-value adjustment over the pairs (R's p.adjust)
   * @param confLevel level of the hazard-ratio intervals, in (0, 1)
   * @return one entry per pair, ordered by a then b
   * @throws IllegalArgumentException on invalid input, fewer than two groups or an empty group
   */
  public static LogRankPairwiseResult test(
      double[] time,
      int[] status,
      double[] weights,
      int[] group,
      int groups,
      int[] strata,
      PValueAdjustment adjustment,
      double confLevel) {
    List<String> labels = new ArrayList<>();
    for (int g = 1; g <= groups; g++) {
      labels.add(Integer.toString(g));
    }
    return test(time, status, weights, group, groups, strata, adjustment, confLevel, labels);
  }

  // the parameter list repeats the one above (no default arguments in Java); that one delegates
  /**
   * As {@link #test(double[], int[], double[], int[], int, int[], PValueAdjustment, double)}, with
   * the groups' names for the warnings.
   *
   * @param labels one name per group code
   */
  public static LogRankPairwiseResult test(
      double[] time,
      int[] status,
      double[] weights,
      int[] group,
      int groups,
      int[] strata,
      PValueAdjustment adjustment,
      double confLevel,
      List<String> labels) {
    Objects.requireNonNull(adjustment, "adjustment");
    if (labels.size() != groups) {
      throw new IllegalArgumentException("labels must name every group");
    }
    int[] count = WeightedLogRank.checkGroups(time, status, group, groups, strata);
    if (weights.length != time.length) {
      throw new IllegalArgumentException("weights must have one value per row");
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confLevel must be in (0, 1), got " + confLevel);
    }
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + confLevel) / 2);
    List<double[]> fits = new ArrayList<>();
    List<int[]> ab = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int a = 0; a < groups; a++) {
      for (int b = a + 1; b < groups; b++) {
        ab.add(new int[] {a, b});
        String label = "groups " + labels.get(a) + " vs " + labels.get(b) + ": ";
        fits.add(pair(time, status, weights, group, strata, a, b, count, z, label, warnings));
      }
    }
    double[] p = new double[fits.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = fits.get(i)[1];
    }
    double[] adj = adjustment.adjust(p);
    long tested = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
    List<LogRankPair> pairs = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      double[] f = fits.get(i);
      pairs.add(new LogRankPair(ab.get(i)[0], ab.get(i)[1], f[0], p[i], adj[i], f[2], f[3], f[4]));
    }
    String method =
        "pairwise weighted log-rank: robust score test of coxph(Surv ~ group"
            + (strata != null ? " + strata(s)" : "")
            + ", weights = w, robust = TRUE) on each pair's rows (Efron ties, one cluster per row);"
            + " p-values adjusted by "
            + adjustment.rName()
            + " over "
            + tested
            + (tested == p.length ? " pairs" : " pairs with a test (of " + p.length + ")")
            + "; hazard ratio of the second group relative to the first from that model,"
            + " robust Wald "
            + LogRank.formatRho(confLevel * 100)
            + "% CI";
    return new LogRankPairwiseResult(pairs, adjustment, 0, method, warnings);
  }

  /** {statistic, p, hr, lower, upper} of groups a and b; NaN without events. */
  private static double[] pair(
      double[] time,
      int[] status,
      double[] weights,
      int[] group,
      int[] strata,
      int a,
      int b,
      int[] count,
      double z,
      String label,
      List<String> warnings) {
    int m = count[a] + count[b];
    double[] t = new double[m];
    int[] s = new int[m];
    double[] w = new double[m];
    double[] x = new double[m];
    int[] st = strata == null ? null : new int[m];
    Map<Integer, Integer> layers = new HashMap<>();
    int events = 0;
    for (int r = 0, k = 0; r < time.length; r++) {
      if (group[r] == a || group[r] == b) {
        t[k] = time[r];
        s[k] = status[r];
        w[k] = weights[r];
        x[k] = group[r] == b ? 1 : 0;
        events += status[r];
        if (st != null) {
          // a pair may lack some strata: renumber 0..k-1 in order of first appearance
          st[k] = layers.computeIfAbsent(strata[r], key -> layers.size());
        }
        k++;
      }
    }
    if (events == 0) {
      warnings.add(label + "no events, no test (coxph's coefficient is NA)");
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    double[][] cols = {x};
    CoxFit fit = CoxCounting.fit(null, t, s, w, cols, List.of("group"), st, CoxOptions.defaults());
    for (String msg : fit.warnings()) {
      warnings.add(label + msg);
    }
    if (fit.aliased()[0] || Double.isNaN(fit.coefficients()[0])) {
      // events only while one of the two groups is at risk: no information about the group
      warnings.add(
          label + "no event while both groups are at risk, no test (coxph's coefficient is NA)");
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    CoxRobustResult robust = CoxCounting.robust(fit, null, t, s, w, cols, st, null);
    double beta = fit.coefficients()[0];
    double se = robust.standardErrors()[0];
    CoxTestResult score = robust.score();
    return new double[] {
      score.statistic(), score.p(), Math.exp(beta), Math.exp(beta - z * se), Math.exp(beta + z * se)
    };
  }
}
