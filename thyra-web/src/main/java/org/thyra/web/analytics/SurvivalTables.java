package org.thyra.web.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.thyra.analysis.survival.KaplanMeierReport;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.report.output.TableLayout;
import org.thyra.report.table1.Table1Layout;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierPoint;
import org.thyra.stats.survival.LogRankResult;
import org.thyra.stats.survival.SurvivalQuantile;

/** The Kaplan–Meier and log-rank results as presentation tables. */
final class SurvivalTables {
  private SurvivalTables() {}

  /** Per group: n, events, median (95% CI) and survival % (95% CI) at each time. */
  static TableLayout km(KaplanMeierReport r, String groupLabel, List<Double> at) {
    List<String> header =
        new ArrayList<>(List.of(groupLabel, "n", "Events", "Median, months (95% CI)"));
    for (double t : at) {
      header.add(String.format(Locale.ROOT, "%.0f-year survival, %% (95%% CI)", t / 12));
    }
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int g = 0; g < r.curves().size(); g++) {
      KaplanMeierCurve c = r.curves().get(g);
      List<String> cells = new ArrayList<>();
      cells.add(r.data().figureLabel(g));
      cells.add(Integer.toString(c.n()));
      cells.add(Integer.toString(c.events()));
      SurvivalQuantile m = c.median();
      cells.add(
          Double.isFinite(m.estimate())
              ? f1(m.estimate()) + " (" + f1(m.lower()) + ", " + f1(m.upper()) + ")"
              : "not reached");
      for (double t : at) {
        Optional<KaplanMeierPoint> p = c.at(t);
        cells.add(
            p.isEmpty()
                ? "—"
                : pct(p.get().survival())
                    + " ("
                    + pct(p.get().lower())
                    + ", "
                    + pct(p.get().upper())
                    + ")");
      }
      rows.add(new TableLayout.Row(TableLayout.Kind.LEVEL, "group", cells));
    }
    return new TableLayout("Kaplan–Meier estimates", header, rows, List.of(r.method()));
  }

  /** Observed and expected events per group, the chi-square statistic and p. */
  static TableLayout logRank(LogRankReport r, String groupLabel) {
    LogRankResult t = r.test();
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int g = 0; g < t.groupCount(); g++) {
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.LEVEL,
              "group",
              List.of(
                  r.data().figureLabel(g),
                  Integer.toString(t.n()[g]),
                  String.format(Locale.ROOT, "%.0f", t.observed()[g]),
                  String.format(Locale.ROOT, "%.2f", t.expected()[g]))));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "χ² = %.3f on %d df, p = %s",
            t.statistic(),
            t.df(),
            Table1Layout.pValue(t.p())));
    notes.add(t.method());
    return new TableLayout(
        "Log-rank test", List.of(groupLabel, "n", "Observed", "Expected"), rows, notes);
  }

  private static String f1(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : "NA";
  }

  private static String pct(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", 100 * x) : "NA";
  }
}
