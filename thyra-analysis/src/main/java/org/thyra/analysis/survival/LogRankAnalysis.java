package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.DataFile;
import org.thyra.stats.inference.PValueAdjustment;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankPairwise;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;

/**
 * Log-rank or G-rho test between the groups of a data file, optionally stratified, with optional
 * pairwise tests: the workflow behind {@code thyra logrank}, as R's {@code survdiff}.
 */
public final class LogRankAnalysis {
  private LogRankAnalysis() {}

  /**
   * What to test.
   *
   * @param time follow-up time column
   * @param event event column
   * @param group grouping column
   * @param strata stratification columns (may be empty)
   * @param rho G-rho exponent (0 log-rank, 1 Peto–Peto)
   * @param pairwise p-value adjustment of the pairwise tests as R names it, or null for none
   * @param confLevel level of the pairwise hazard-ratio CIs
   */
  public record Request(
      String time,
      String event,
      String group,
      List<String> strata,
      double rho,
      String pairwise,
      double confLevel) {
    public Request {
      strata = List.copyOf(strata);
    }
  }

  /** Reads the file and runs the test (and the pairwise tests when asked). */
  public static LogRankReport run(DataFile input, Request request) {
    String group = request.group();
    double rho = request.rho();
    String pairwise = request.pairwise();
    double confLevel = request.confLevel();
    GroupedSurvival data =
        GroupedSurvival.read(input, request.time(), request.event(), group, request.strata());
    int k = data.groupLevels().size();
    double[] t = data.frame().time();
    int[] s = data.frame().status();
    int[] st = data.frame().strata();
    LogRankResult result =
        input.analyse(group, () -> LogRank.test(t, s, data.groupCodes(), k, st, rho));
    LogRankPairwiseResult pairs =
        pairwise == null
            ? null
            : input.analyse(
                group,
                () ->
                    LogRankPairwise.test(
                        t,
                        s,
                        data.groupCodes(),
                        k,
                        st,
                        rho,
                        PValueAdjustment.parse(pairwise),
                        confLevel));
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    warnings.addAll(result.warnings());
    if (pairs != null) {
      warnings.addAll(pairs.warnings());
    }
    return new LogRankReport(input.source(), request, data, result, pairs, warnings);
  }
}
