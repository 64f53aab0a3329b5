package org.thyra.analysis.prediction;

import java.util.ArrayList;
import java.util.List;
import org.thyra.frame.DecimalText;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.prediction.RiskGroupAssignment;
import org.thyra.stats.prediction.RiskGroups;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankResult;

/**
 * Low / high risk groups (issue 4, item 5): the cut-off on the development risk score chosen by the
 * maximally selected log-rank statistic ({@link RiskGroups#cutoff}, as {@code surv_cutpoint} /
 * {@code maxstat.test(smethod = "LogRank", minprop = 0.1)}), applied unchanged to each set, with
 * Kaplan–Meier curves per group ({@code survfit}, log CI) and the log-rank test ({@code survdiff}).
 */
public final class RiskGroupAnalysis {
  public static final String[] GROUPS = {"low", "high"};

  /** The outcome and score of one set (development, validation or whole). */
  public record ScoredSet(String name, double[] time, int[] status, double[] score) {}

  /** One set's grouping, curves and test (test null when a group is empty). */
  public record SetResult(
      String name,
      RiskGroupAssignment assignment,
      int[] events,
      List<KaplanMeierCurve> curves,
      LogRankResult logRank) {}

  private final String score;
  private final MaxSelectedRankResult cut;
  private final List<SetResult> sets;
  private final List<String> warnings;

  private RiskGroupAnalysis(
      String score, MaxSelectedRankResult cut, List<SetResult> sets, List<String> warnings) {
    this.score = score;
    this.cut = cut;
    this.sets = sets;
    this.warnings = warnings;
  }

  /**
   * @param score "lp" or "points"
   * @param development the set the cut-off is chosen on (the first of {@code sets} or not)
   * @param sets the sets to report, development first
   * @throws IllegalArgumentException when the development set has fewer than 2 events
   */
  public static RiskGroupAnalysis of(String score, ScoredSet development, List<ScoredSet> sets) {
    int devEvents = 0;
    for (int s : development.status()) {
      devEvents += s;
    }
    if (devEvents < 2) {
      throw new IllegalArgumentException(
          "risk groups need at least 2 events in the "
              + development.name()
              + " data to choose a cut-off, got "
              + devEvents);
    }
    MaxSelectedRankResult cut =
        RiskGroups.cutoff(development.time(), development.status(), development.score());
    List<String> warnings = new ArrayList<>(cut.warnings());
    List<SetResult> results = new ArrayList<>();
    for (ScoredSet s : sets) {
      RiskGroupAssignment a = RiskGroups.assign(s.score(), cut.cutpoint());
      int[] g = a.groups();
      int[] events = new int[2];
      for (int i = 0; i < g.length; i++) {
        events[g[i]] += s.status()[i];
      }
      List<KaplanMeierCurve> curves = KaplanMeier.fitGroups(s.time(), s.status(), g, 2);
      LogRankResult test = null;
      if (a.nLow() == 0 || a.nHigh() == 0) {
        warnings.add(
            s.name()
                + " data: every row falls in the "
                + (a.nLow() == 0 ? "high" : "low")
                + "-risk group at the development cut-off "
                + DecimalText.signif(cut.cutpoint(), 6)
                + "; no log-rank test");
      } else if (events[0] + events[1] == 0) {
        warnings.add(s.name() + " data: no events; no log-rank test");
      } else {
        test = LogRank.test(s.time(), s.status(), g, 2, null, 0);
      }
      results.add(new SetResult(s.name(), a, events, curves, test));
    }
    return new RiskGroupAnalysis(score, cut, results, warnings);
  }

  /** {@code lp} or {@code points}. */
  public String score() {
    return score;
  }

  public List<String> warnings() {
    return warnings;
  }

  public List<SetResult> sets() {
    return sets;
  }

  /** The development cut-point. */
  public MaxSelectedRankResult cut() {
    return cut;
  }
}
