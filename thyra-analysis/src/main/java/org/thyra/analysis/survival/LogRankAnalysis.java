package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.stats.inference.PValueAdjustment;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
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
    GroupedSurvival data =
        GroupedSurvival.read(
            input, request.time(), request.event(), request.group(), request.strata());
    return run(input.source(), data, request);
  }

  /**
   * The test on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static LogRankReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    GroupedSurvival data =
        DataFile.analyse(
            source,
            request.group(),
            () ->
                GroupedSurvival.of(
                    table,
                    references,
                    request.time(),
                    request.event(),
                    request.group(),
                    request.strata()));
    return run(source, data, request);
  }

  private static LogRankReport run(String source, GroupedSurvival data, Request request) {
    String group = request.group();
    double rho = request.rho();
    PValueAdjustment adjustment = adjustment(source, request.pairwise());
    double confLevel = request.confLevel();
    int k = data.groupLevels().size();
    double[] t = data.frame().time();
    int[] s = data.frame().status();
    int[] st = data.frame().strata();
    LogRankResult result =
        DataFile.analyse(source, group, () -> LogRank.test(t, s, data.groupCodes(), k, st, rho));
    LogRankPairwiseResult pairs =
        adjustment == null
            ? null
            : DataFile.analyse(
                source,
                group,
                () ->
                    LogRankPairwise.test(
                        t, s, data.groupCodes(), k, st, rho, adjustment, confLevel));
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    warnings.addAll(result.warnings());
    if (pairs != null) {
      warnings.addAll(pairs.warnings());
    }
    return new LogRankReport(source, request, data, result, pairs, warnings);
  }

  /**
   * The Kaplan–Meier curve of each group of a log-rank report (what its figure draws; default
   * {@code survfit} conventions).
   */
  public static List<KaplanMeierCurve> curves(LogRankReport report) {
    GroupedSurvival data = report.data();
    return KaplanMeier.fitGroups(
        data.frame().time(), data.frame().status(), data.groupCodes(), data.groupLevels().size());
  }

  /**
   * The pairwise comparisons a figure shows: the report's own when {@code --pairwise} was given,
   * Holm-adjusted ones for more than two groups otherwise, none for two groups.
   */
  public static LogRankPairwiseResult figurePairs(LogRankReport report) {
    GroupedSurvival data = report.data();
    int k = data.groupLevels().size();
    if (report.pairs() != null || k <= 2) {
      return report.pairs();
    }
    LogRankAnalysis.Request r = report.request();
    return LogRankPairwise.test(
        data.frame().time(),
        data.frame().status(),
        data.groupCodes(),
        k,
        data.frame().strata(),
        r.rho(),
        PValueAdjustment.HOLM,
        r.confLevel());
  }

  /**
   * The {@code --pairwise} adjustment, checked before any test runs: a name R's {@code p.adjust}
   * takes that Thyra implements, or null for no pairwise tests.
   *
   * @throws InputException naming the option for any other name
   */
  static PValueAdjustment adjustment(String source, String pairwise) {
    if (pairwise == null) {
      return null;
    }
    try {
      return PValueAdjustment.parse(pairwise);
    } catch (IllegalArgumentException e) {
      throw new InputException(source, null, null, "--pairwise: " + e.getMessage());
    }
  }
}
