package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.thyra.stats.inference.PValueAdjustment;

/**
 * Pairwise comparisons of survival curves: {@code survdiff} on the rows of each pair of groups
 * (same strata and rho), then a multiplicity adjustment over all pairs, as {@code
 * survminer::pairwise_survdiff}. Only groups with at least one observation take part.
 */
public final class LogRankPairwise {

  private LogRankPairwise() {}

  /**
   * Runs the pairwise tests.
   *
   * @param time follow-up times, finite and ≥ 0
   * @param status 1 = event, 0 = censored
   * @param group group code of each row in [0, groupCount)
   * @param groupCount number of group codes
   * @param strata stratum code of each row (≥ 0), or null
   * @param rho G-rho exponent; 0 for the log-rank test
   * @param adjustment p-value adjustment over the pairs (R's p.adjust)
   * @throws IllegalArgumentException on invalid input or fewer than two groups with observations
   */
  public static LogRankPairwiseResult test(
      double[] time,
      int[] status,
      int[] group,
      int groupCount,
      int[] strata,
      double rho,
      PValueAdjustment adjustment) {
    return test(time, status, group, groupCount, strata, rho, adjustment, 0.95);
  }

  // The parameter list repeats the one above because Java has no default arguments; that method
  // only delegates here with confLevel 0.95.
  /**
   * Runs the pairwise tests, with hazard-ratio confidence intervals at {@code confLevel}.
   *
   * @param confLevel confidence level of the hazard-ratio intervals, in (0, 1)
   * @see #test(double[], int[], int[], int, int[], double, PValueAdjustment)
   */
  public static LogRankPairwiseResult test(
      double[] time,
      int[] status,
      int[] group,
      int groupCount,
      int[] strata,
      double rho,
      PValueAdjustment adjustment,
      double confLevel) {
    Objects.requireNonNull(adjustment, "adjustment");
    SurvivalInput.check(time, status);
    if (groupCount < 1) {
      throw new IllegalArgumentException("groupCount must be >= 1, got " + groupCount);
    }
    int n = time.length;
    SurvivalInput.checkCodes("group", group, n, groupCount);
    if (strata != null && strata.length != n) {
      throw new IllegalArgumentException(
          "strata has length " + strata.length + " but time has length " + n);
    }
    int[] count = new int[groupCount];
    for (int c : group) {
      count[c]++;
    }
    List<Integer> present = new ArrayList<>();
    for (int k = 0; k < groupCount; k++) {
      if (count[k] > 0) {
        present.add(k);
      }
    }
    if (present.size() < 2) {
      throw new IllegalArgumentException(
          "log-rank needs at least two groups with observations, got " + present.size());
    }
    List<int[]> ab = new ArrayList<>();
    List<LogRankResult> fits = new ArrayList<>();
    List<double[]> hazardRatios = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      for (int j = i + 1; j < present.size(); j++) {
        int a = present.get(i);
        int b = present.get(j);
        int m = count[a] + count[b];
        double[] t = new double[m];
        int[] s = new int[m];
        int[] gg = new int[m];
        int[] st = strata == null ? null : new int[m];
        for (int r = 0, k = 0; r < n; r++) {
          if (group[r] == a || group[r] == b) {
            t[k] = time[r];
            s[k] = status[r];
            gg[k] = group[r] == a ? 0 : 1;
            if (st != null) {
              st[k] = strata[r];
            }
            k++;
          }
        }
        LogRankResult fit = LogRank.test(t, s, gg, 2, st, rho);
        for (String w : fit.warnings()) {
          warnings.add("groups " + a + " vs " + b + ": " + w);
        }
        ab.add(new int[] {a, b});
        fits.add(fit);
        hazardRatios.add(hazardRatio(t, s, gg, st, confLevel, warnings, a, b));
      }
    }
    double[] p = new double[fits.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = fits.get(i).p();
    }
    double[] adj = adjustment.adjust(p);
    List<LogRankPair> pairs = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      double[] hr = hazardRatios.get(i);
      pairs.add(
          new LogRankPair(
              ab.get(i)[0],
              ab.get(i)[1],
              fits.get(i).statistic(),
              p[i],
              adj[i],
              hr[0],
              hr[1],
              hr[2]));
    }
    String method =
        "pairwise log-rank (G-rho, rho="
            + LogRank.formatRho(rho)
            + ")"
            + (strata != null ? ", stratified" : "")
            + "; p-values adjusted by "
            + adjustment.rName()
            + " over "
            + p.length
            + " pairs; hazard ratio of the second group"
            + " relative to the first from a Cox model on the pair's rows (Efron ties"
            + (strata != null ? ", same strata" : "")
            + ", Wald "
            + LogRank.formatRho(confLevel * 100)
            + "% CI)";
    return new LogRankPairwiseResult(pairs, adjustment, rho, method, warnings);
  }

  /**
   * Hazard ratio of group b (code 1 in {@code pairGroup}) relative to group a (code 0): Cox model
   * with the single indicator column, Efron ties, the same strata. {NaN, NaN, NaN} without events.
   */
  private static double[] hazardRatio(
      double[] time,
      int[] status,
      int[] pairGroup,
      int[] strata,
      double confLevel,
      List<String> warnings,
      int a,
      int b) {
    double[] indicator = new double[pairGroup.length];
    for (int i = 0; i < indicator.length; i++) {
      indicator[i] = pairGroup[i];
    }
    CoxFit cox =
        CoxModel.fit(
            time,
            status,
            new double[][] {indicator},
            List.of("group"),
            strata == null ? null : compact(strata),
            CoxOptions.of(Ties.EFRON).withConfLevel(confLevel));
    for (String w : cox.warnings()) {
      warnings.add("groups " + a + " vs " + b + " hazard ratio: " + w);
    }
    return new double[] {cox.hazardRatios()[0], cox.lower()[0], cox.upper()[0]};
  }

  /** Renumbers stratum codes 0..k-1 in order of first appearance (a pair may lack some strata). */
  private static int[] compact(int[] strata) {
    java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
    int[] out = new int[strata.length];
    for (int i = 0; i < strata.length; i++) {
      out[i] = seen.computeIfAbsent(strata[i], k -> seen.size());
    }
    return out;
  }
}
