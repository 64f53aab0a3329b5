package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.weighting.CaseWeights;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.inference.PValueAdjustment;
import org.thyra.stats.survival.ConfidenceType;
import org.thyra.stats.survival.KaplanMeierOptions;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.WeightedKaplanMeier;
import org.thyra.stats.survival.WeightedLogRank;
import org.thyra.stats.survival.WeightedLogRankPairwise;

/**
 * Kaplan–Meier curves and the log-rank comparison with case weights ({@code thyra km --weights W},
 * {@code thyra logrank --weights W}), e.g. IPTW weights written by {@code thyra weight}: {@link
 * WeightedKaplanMeier} per group as {@code survfit(weights = )}, and {@link WeightedLogRank}; the
 * weighted log-rank's figure draws {@link #curves}, fitted on the rows its test used. With {@code
 * --pairwise ADJ} each pair of groups is tested the same way on its rows ({@link
 * WeightedLogRankPairwise}), p adjusted as R's {@code p.adjust}.
 */
public final class WeightedSurvivalAnalysis {
  private WeightedSurvivalAnalysis() {}

  /**
   * Why a G-rho test (rho ≠ 0) is not offered with case weights: R has no reference for it
   * (survival's {@code survdiff} takes no weights, and {@code coxph}'s score test is the log-rank,
   * rho = 0, only), and Thyra computes no statistic R cannot check.
   */
  public static final String NO_WEIGHTED_G_RHO =
      "--rho cannot be combined with --weights: R's survdiff, the only G-rho test in R's survival,"
          + " takes no case weights, so a weighted G-rho test has no reference to agree with."
          + " Use --weights without --rho (the weighted log-rank: robust score test of coxph with"
          + " weights), or --rho without --weights (unweighted G-rho, as survdiff)";

  /**
   * Weighted Kaplan–Meier curves, one per group.
   *
   * @param weights one per kept row
   * @param weightColumn the weight column
   * @param curves one per group level
   * @param droppedMissing rows dropped for a missing time, event, group or weight
   */
  public record KmReport(
      String source,
      KaplanMeierAnalysis.Request request,
      GroupedSurvival data,
      double[] weights,
      String weightColumn,
      List<WeightedKaplanMeier.Curve> curves,
      int droppedMissing,
      List<String> warnings) {}

  /**
   * The weighted log-rank comparison.
   *
   * @param test observed / expected and the robust score test
   * @param weights one per kept row (what the figure's curves are weighted by)
   * @param droppedMissing rows dropped for a missing value
   * @param strata stratification columns (may be empty)
   * @param pairs the pairwise tests, or null when not asked
   * @param confLevel level of the pairwise hazard-ratio CIs
   */
  public record LogRankReport(
      String source,
      String time,
      String event,
      GroupedSurvival data,
      String weightColumn,
      WeightedLogRank test,
      double[] weights,
      int droppedMissing,
      List<String> warnings,
      List<String> strata,
      LogRankPairwiseResult pairs,
      double confLevel) {
    public LogRankReport {
      warnings = List.copyOf(warnings);
      strata = List.copyOf(strata);
    }
  }

  private static GroupedSurvival grouped(CaseWeights cw, String group) {
    if (group == null) {
      return new GroupedSurvival(cw.frame(), null, List.of("all"), new int[cw.frame().n()]);
    }
    Variable v = cw.frame().variables().get(0);
    return new GroupedSurvival(cw.frame(), group, v.levels(), v.codes());
  }

  private static Formula formula(String time, String event, String group) {
    return formula(time, event, group, List.of());
  }

  private static Formula formula(String time, String event, String group, List<String> strata) {
    List<Term> terms = new ArrayList<>();
    if (group != null) {
      terms.add(new Term(group, TermKind.FACTOR));
    }
    for (String s : strata) {
      terms.add(new Term(s, TermKind.STRATA));
    }
    return new Formula(new SurvivalResponse(time, event), terms);
  }

  /** Weighted KM per group; zero weights allowed (as survfit). */
  public static KmReport km(DataFile file, KaplanMeierAnalysis.Request request, String column) {
    CaseWeights cw =
        CaseWeights.read(
            file, formula(request.time(), request.event(), request.group()), column, true);
    return km(cw, file.source(), request, column);
  }

  /**
   * Weighted KM per group of a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static KmReport km(
      DataTable table,
      String source,
      Map<String, String> references,
      KaplanMeierAnalysis.Request request,
      String column) {
    CaseWeights cw =
        CaseWeights.of(
            table,
            source,
            references,
            formula(request.time(), request.event(), request.group()),
            column,
            true);
    return km(cw, source, request, column);
  }

  private static KmReport km(
      CaseWeights cw, String source, KaplanMeierAnalysis.Request request, String column) {
    GroupedSurvival data = grouped(cw, request.group());
    KaplanMeierOptions options =
        new KaplanMeierOptions(ConfidenceType.parse(request.confType()), request.confLevel());
    double[] w = cw.weights();
    List<WeightedKaplanMeier.Curve> curves = fitGroups(source, data, w, column, options);
    return new KmReport(
        source,
        request,
        data,
        w,
        column,
        curves,
        cw.droppedMissing(),
        new ArrayList<>(cw.frame().warnings()));
  }

  /** The weighted log-rank test; weights must be positive (as coxph). */
  public static LogRankReport logRank(
      DataFile file, String time, String event, String group, String column) {
    return logRank(file, time, event, group, List.of(), column);
  }

  /**
   * The weighted log-rank test stratified by the given columns, as {@code coxph(Surv ~ group +
   * strata(s), weights = w, robust = TRUE)}.
   */
  public static LogRankReport logRank(
      DataFile file, String time, String event, String group, List<String> strata, String column) {
    return logRank(
        file, new LogRankAnalysis.Request(time, event, group, strata, 0, null, 0.95), column);
  }

  /**
   * The weighted (stratified) log-rank test as asked, with the pairwise tests when {@code
   * request.pairwise()} names an adjustment.
   *
   * @param request what to test; its rho must be 0 (no G-rho test takes weights in R)
   * @param column the weight column
   */
  public static LogRankReport logRank(
      DataFile file, LogRankAnalysis.Request request, String column) {
    CaseWeights cw =
        CaseWeights.read(
            file,
            formula(request.time(), request.event(), request.group(), request.strata()),
            column,
            false);
    return logRank(cw, file.source(), request, column);
  }

  /**
   * The weighted (stratified) log-rank test on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static LogRankReport logRank(
      DataTable table,
      String source,
      Map<String, String> references,
      String time,
      String event,
      String group,
      List<String> strata,
      String column) {
    return logRank(
        table,
        source,
        references,
        new LogRankAnalysis.Request(time, event, group, strata, 0, null, 0.95),
        column);
  }

  /**
   * The weighted (stratified) log-rank test, and the pairwise tests when asked, on a table already
   * read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   * @param request what to test; its rho must be 0
   */
  public static LogRankReport logRank(
      DataTable table,
      String source,
      Map<String, String> references,
      LogRankAnalysis.Request request,
      String column) {
    CaseWeights cw =
        CaseWeights.of(
            table,
            source,
            references,
            formula(request.time(), request.event(), request.group(), request.strata()),
            column,
            false);
    return logRank(cw, source, request, column);
  }

  private static LogRankReport logRank(
      CaseWeights cw, String source, LogRankAnalysis.Request request, String column) {
    if (request.rho() != 0) {
      throw new InputException(source, null, column, NO_WEIGHTED_G_RHO);
    }
    String group = request.group();
    List<String> strata = request.strata();
    PValueAdjustment adjustment = LogRankAnalysis.adjustment(source, request.pairwise());
    GroupedSurvival data = grouped(cw, group);
    WeightedLogRank test =
        DataFile.analyse(
            source,
            group,
            () ->
                WeightedLogRank.test(
                    cw.frame().time(),
                    cw.frame().status(),
                    cw.weights(),
                    data.groupCodes(),
                    data.groupLevels().size(),
                    cw.frame().strata()));
    LogRankPairwiseResult pairs =
        adjustment == null
            ? null
            : DataFile.analyse(
                source,
                group,
                () ->
                    WeightedLogRankPairwise.test(
                        cw.frame().time(),
                        cw.frame().status(),
                        cw.weights(),
                        data.groupCodes(),
                        data.groupLevels().size(),
                        cw.frame().strata(),
                        adjustment,
                        request.confLevel(),
                        data.groupLevels()));
    List<String> warnings = new ArrayList<>(cw.frame().warnings());
    if (pairs != null) {
      warnings.addAll(pairs.warnings());
    }
    return new LogRankReport(
        source,
        request.time(),
        request.event(),
        data,
        column,
        test,
        cw.weights(),
        cw.droppedMissing(),
        warnings,
        strata,
        pairs,
        request.confLevel());
  }

  /**
   * The weighted Kaplan–Meier curve of each group of a weighted log-rank report, from the very rows
   * the test used (what {@code thyra logrank --weights --figure} draws; survfit's default log CI at
   * 95%).
   */
  public static List<WeightedKaplanMeier.Curve> curves(DataFile file, LogRankReport report) {
    return fitGroups(
        file.source(),
        report.data(),
        report.weights(),
        report.weightColumn(),
        new KaplanMeierOptions(ConfidenceType.LOG, 0.95));
  }

  /**
   * The pairwise comparisons a weighted log-rank figure shows, as {@link
   * LogRankAnalysis#figurePairs}: the report's own when {@code --pairwise} was given, Holm-adjusted
   * weighted ones for more than two groups otherwise, none for two groups.
   */
  public static LogRankPairwiseResult figurePairs(LogRankReport report) {
    GroupedSurvival data = report.data();
    int k = data.groupLevels().size();
    if (report.pairs() != null || k <= 2) {
      return report.pairs();
    }
    return DataFile.analyse(
        report.source(),
        data.groupVariable(),
        () ->
            WeightedLogRankPairwise.test(
                data.frame().time(),
                data.frame().status(),
                report.weights(),
                data.groupCodes(),
                k,
                data.frame().strata(),
                PValueAdjustment.HOLM,
                report.confLevel(),
                data.groupLevels()));
  }

  private static List<WeightedKaplanMeier.Curve> fitGroups(
      String source, GroupedSurvival data, double[] w, String column, KaplanMeierOptions options) {
    double[] time = data.frame().time();
    int[] status = data.frame().status();
    List<WeightedKaplanMeier.Curve> curves = new ArrayList<>();
    for (int g = 0; g < data.groupLevels().size(); g++) {
      int code = g;
      int k = 0;
      for (int c : data.groupCodes()) {
        k += c == code ? 1 : 0;
      }
      double[] t = new double[k];
      int[] s = new int[k];
      double[] wg = new double[k];
      for (int i = 0, j = 0; i < time.length; i++) {
        if (data.groupCodes()[i] == code) {
          t[j] = time[i];
          s[j] = status[i];
          wg[j++] = w[i];
        }
      }
      curves.add(
          DataFile.analyse(source, column, () -> WeightedKaplanMeier.fit(t, s, wg, options)));
    }
    return curves;
  }
}
