package org.thyra.studies.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thyra.analysis.prediction.NomogramAnalysis;
import org.thyra.analysis.prediction.RiskGroupAnalysis;
import org.thyra.analysis.prediction.TdrocAnalysis;
import org.thyra.analysis.prediction.ValidateAnalysis;
import org.thyra.analysis.prediction.ValidateAnalysis.SetSummary;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.FigureStyle;
import org.thyra.report.figure.TimeUnit;
import org.thyra.report.output.TableLayout;
import org.thyra.report.prediction.NomogramWriter;
import org.thyra.report.prediction.TdrocWriter;
import org.thyra.report.prediction.ValidateWriter;
import org.thyra.stats.Progress;
import org.thyra.stats.prediction.NomogramAxis;
import org.thyra.stats.prediction.TimeDependentAucPoint;
import org.thyra.stats.prediction.ValidationIndex;
import org.thyra.studies.cohort.Cohort;
import org.thyra.studies.protocol.Analysis;
import org.thyra.studies.protocol.Condition;

/**
 * The prediction steps of a protocol ({@code nomogram}, {@code validate}, {@code tdroc}): each
 * calls the analysis the single command calls, with the command's defaults, and takes its numbers
 * (results.json holds the command's own JSON) and its figure from the command's writer, so a report
 * never differs from {@code thyra nomogram / validate / tdroc} on the same rows.
 */
final class PredictionSteps {
  private static final String SOURCE = "the study cohort";

  private final Analyses analyses;

  PredictionSteps(Analyses analyses) {
    this.analyses = analyses;
  }

  /** Months, days... from the time column's name, so axes say "3-year survival". */
  private static TimeUnit unit(String timeColumn) {
    String n = timeColumn == null ? "" : timeColumn.toLowerCase(Locale.ROOT);
    for (TimeUnit u : List.of(TimeUnit.DAYS, TimeUnit.WEEKS, TimeUnit.MONTHS, TimeUnit.YEARS)) {
      String word = u.name().toLowerCase(Locale.ROOT);
      if (n.contains(word.substring(0, word.length() - 1))) {
        return u;
      }
    }
    return TimeUnit.UNKNOWN;
  }

  private static String timeColumn(String formula) {
    try {
      return Formula.parse(formula).response() instanceof SurvivalResponse s ? s.time() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static FigureSpec spec(String timeColumn, double width, double height) {
    return new FigureSpec(FigureStyle.DEFAULT, width, height, unit(timeColumn));
  }

  // ---- nomogram ------------------------------------------------------------------------------

  AnalysisOutput nomogram(Analysis.Nomogram k, DataTable t) {
    NomogramAnalysis.Report r =
        NomogramAnalysis.run(
            t,
            SOURCE,
            refs(k, k.formula()),
            new NomogramAnalysis.Request(
                k.formula(),
                k.ties(),
                k.horizons().isEmpty()
                    ? null
                    : k.horizons().stream().mapToDouble(Double::doubleValue).toArray(),
                null));
    NomogramWriter writer = new NomogramWriter(r);
    List<TableLayout.Row> rows = new ArrayList<>();
    for (NomogramAxis a : r.nomogram().axes()) {
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE, a.variable(), List.of(analyses.label(a.variable()), "")));
      for (int j = 0; j < a.labels().size(); j++) {
        rows.add(
            new TableLayout.Row(
                TableLayout.Kind.LEVEL,
                a.variable(),
                List.of(a.labels().get(j), Fmt.f(a.points()[j], 1))));
      }
    }
    String what =
        r.cox()
            ? "predicted survival at "
                + String.join(", ", k.horizons().stream().map(h -> DecimalText.format(h)).toList())
                + " (Breslow baseline of the "
                + r.model().baseline().ties().label()
                + "-ties Cox model, as survfit.coxph)"
            : "the predicted probability of the logistic model";
    return new AnalysisOutput(
        writer.json(),
        new TableLayout(
            "",
            List.of("Variable", "Points"),
            rows,
            List.of(Fmt.readable("Points as rms::nomogram (largest effect range = 100 points)"))),
        "a nomogram was drawn as rms::nomogram (the variable with the largest range of effect"
            + " spans 100 points) with "
            + what,
        r.warnings(),
        writer.figure(spec(timeColumn(k.formula()), Analyses.TEXT_WIDTH_MM, 150), true));
  }

  // ---- validate ------------------------------------------------------------------------------

  AnalysisOutput validate(Analysis.Validate k, DataTable t) {
    ValidateAnalysis.Request request =
        new ValidateAnalysis.Request(
            k.formula(),
            k.model(),
            k.bootstrap() == null ? 200 : k.bootstrap(),
            k.seed() == null ? 1 : k.seed(),
            k.horizon(),
            k.groupSize(),
            k.ties(),
            // all cores, as the command: the numbers do not depend on the threads
            null,
            k.split(),
            null,
            k.riskGroups(),
            k.confLevel());
    Map<String, String> refs = refs(k, k.formula());
    ValidateAnalysis.Report r;
    if (k.validateOn().isEmpty()) {
      r = ValidateAnalysis.run(t, SOURCE, null, null, refs, request, Progress.NONE);
    } else {
      int[][] parts = partition(t, k.validateOn());
      if (parts[0].length == 0 || parts[1].length == 0) {
        throw new InputException(
            SOURCE,
            null,
            null,
            "validate "
                + k.id()
                + ": validate-on picks "
                + parts[1].length
                + " of the "
                + t.rowCount()
                + " analysed rows, leaving "
                + (parts[1].length == 0 ? "no validation rows" : "no rows to fit the model on")
                + "; check its conditions");
      }
      r =
          ValidateAnalysis.run(
              Cohort.subset(t, parts[0]),
              SOURCE,
              Cohort.subset(t, parts[1]),
              "the validation rows",
              refs,
              request,
              Progress.NONE);
    }
    ValidateWriter writer = new ValidateWriter(r);
    String stat = r.cox() ? "C-index" : "AUC";
    List<TableLayout.Row> rows = new ArrayList<>();
    String level = Fmt.f(100 * r.confLevel(), 0) + "% CI";
    List<SetSummary> sets = new ArrayList<>();
    if (r.development() != null) {
      sets.add(r.development());
    }
    if (r.validationSet() != null) {
      sets.add(r.validationSet());
    }
    for (SetSummary s : sets) {
      Double slope = r.cox() ? s.coxSlope() : s.logistic() == null ? null : s.logistic().slope();
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              s.name(),
              List.of(
                  capital(s.name()) + " set",
                  Integer.toString(s.n()),
                  Integer.toString(s.events()),
                  Fmt.f(s.c(), 3) + " (" + Fmt.f(s.lower(), 3) + ", " + Fmt.f(s.upper(), 3) + ")",
                  slope == null ? "" : Fmt.f(slope, 3))));
    }
    if (r.validation() != null) {
      double apparent = Double.NaN;
      double corrected = Double.NaN;
      double slope = Double.NaN;
      for (ValidationIndex v : r.validation().indexes()) {
        if (v.name().equals("Dxy")) {
          apparent = 0.5 + v.apparent() / 2;
          corrected = 0.5 + v.corrected() / 2;
        } else if (v.name().equals("Slope")) {
          slope = v.corrected();
        }
      }
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              "bootstrap",
              List.of(
                  (r.val() == null ? "All rows" : "Development set")
                      + ", bootstrap (B = "
                      + r.validation().successful()
                      + ")",
                  Integer.toString(r.dev().n()),
                  Integer.toString(r.events()),
                  Fmt.f(apparent, 3) + " apparent, " + Fmt.f(corrected, 3) + " corrected",
                  Fmt.f(slope, 3) + " corrected")));
    }
    if (r.risk() != null) {
      RiskGroupAnalysis g = r.risk();
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              "risk",
              List.of(
                  "Risk groups: "
                      + (g.score().equals("lp") ? "linear predictor" : "total points")
                      + " ≤ "
                      + Fmt.f(g.cut().cutpoint(), 2)
                      + " low risk",
                  "low / high",
                  "events low / high",
                  "log-rank p",
                  "")));
      for (RiskGroupAnalysis.SetResult s : g.sets()) {
        rows.add(
            new TableLayout.Row(
                TableLayout.Kind.LEVEL,
                "risk",
                List.of(
                    capital(s.name()) + " set",
                    s.assignment().nLow() + " / " + s.assignment().nHigh(),
                    s.events()[0] + " / " + s.events()[1],
                    s.logRank() == null ? "" : Fmt.p(s.logRank().p()),
                    "")));
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        stat
            + " with "
            + level
            + (r.cox()
                ? " (Harrell's C, infinitesimal-jackknife SE, as survival::concordance)"
                : " (DeLong)")
            + "; calibration slope of the linear predictor");
    if (r.validation() != null) {
      notes.add(
          "optimism-corrected by the bootstrap as rms::validate (B = "
              + request.bootstrap()
              + ", seed "
              + request.seed()
              + ")");
    }
    if (r.risk() != null) {
      notes.add(
          "risk-group cut-off by the maximally selected log-rank statistic on the development set"
              + " (maxstat, minprop 0.1), applied unchanged to every set");
    }
    String method =
        "the model was validated "
            + (r.val() == null ? "internally" : "in the validation set")
            + " by its "
            + stat
            + " with "
            + level
            + (r.validation() != null
                ? ", optimism-corrected by "
                    + request.bootstrap()
                    + " bootstrap resamples (rms::validate)"
                : "")
            + (request.horizons().isEmpty()
                ? ""
                : ", and its calibration at "
                    + String.join(
                        ", ", request.horizons().stream().map(DecimalText::format).toList())
                    + " by Kaplan-Meier in groups of predicted survival (rms::calibrate, cmethod"
                    + " = \"KM\")")
            + (r.risk() == null
                ? ""
                : "; low- and high-risk groups were formed at the maximally selected log-rank"
                    + " cut-off of the development set");
    org.thyra.report.figure.Figure figure = null;
    if (!request.horizons().isEmpty() || r.risk() != null || !r.cox()) {
      figure = writer.figure(spec(timeColumn(k.formula()), Analyses.TEXT_WIDTH_MM, 190));
    }
    ObjectNode json = writer.json();
    return new AnalysisOutput(
        json,
        new TableLayout(
            "",
            List.of("Set", "n", "Events", stat + " (" + level + ")", "Calibration slope"),
            rows,
            notes.stream().map(Fmt::readable).toList()),
        method,
        r.warnings(),
        figure);
  }

  /** The rows of {@code t} not meeting the conditions, then those meeting all of them. */
  private static int[][] partition(DataTable t, List<Condition> validateOn) {
    List<Integer> dev = new ArrayList<>();
    List<Integer> val = new ArrayList<>();
    for (int row = 0; row < t.rowCount(); row++) {
      boolean ok = true;
      for (Condition c : validateOn) {
        Column col = t.column(c.column());
        ok &= Cohort.meets(c, col, row);
      }
      (ok ? val : dev).add(row);
    }
    return new int[][] {
      dev.stream().mapToInt(Integer::intValue).toArray(),
      val.stream().mapToInt(Integer::intValue).toArray()
    };
  }

  // ---- tdroc ---------------------------------------------------------------------------------

  AnalysisOutput tdroc(Analysis.Tdroc k, DataTable t) {
    TdrocAnalysis.Report r =
        TdrocAnalysis.run(
            t,
            SOURCE,
            refs(k, k.formula()),
            new TdrocAnalysis.Request(
                k.formula() == null ? k.time() : null,
                k.formula() == null ? k.event() : null,
                k.marker(),
                k.formula(),
                k.at().stream().mapToDouble(Double::doubleValue).toArray(),
                k.confLevel() == null ? 0.95 : k.confLevel()));
    TdrocWriter writer = new TdrocWriter(r);
    String level = Fmt.f(100 * r.request().confLevel(), 0) + "% CI";
    List<TableLayout.Row> rows = new ArrayList<>();
    double[] times = r.times();
    int[] cases = r.cases();
    int[] controls = r.controls();
    for (int j = 0; j < times.length; j++) {
      TimeDependentAucPoint p = r.points().get(j);
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              Integer.toString(j),
              List.of(
                  DecimalText.format(times[j]),
                  cases[j] + " / " + controls[j],
                  p == null
                      ? "not estimable"
                      : Fmt.f(p.auc(), 3)
                          + " ("
                          + Fmt.f(p.lower(), 3)
                          + ", "
                          + Fmt.f(p.upper(), 3)
                          + ")")));
    }
    String timeColumn = k.formula() == null ? k.time() : timeColumn(k.formula());
    String marker =
        r.fromFormula()
            ? "the Cox model's linear predictor (apparent)"
            : analyses.label(k.marker());
    return new AnalysisOutput(
        writer.json(),
        new TableLayout(
            "",
            List.of(
                analyses.timeTitle(timeColumn == null ? "time" : timeColumn),
                "Cases / controls",
                "AUC(t) (" + level + ")"),
            rows,
            List.of(
                Fmt.readable(
                    "cumulative/dynamic AUC with marginal Kaplan-Meier censoring weights (IPCW), as"
                        + " riskRegression::Score; Wald "
                        + level))),
        "the time-dependent discrimination of "
            + marker
            + " was assessed by the cumulative/dynamic AUC(t) with inverse probability of"
            + " censoring weights (riskRegression::Score)",
        r.warnings(),
        writer.figure(spec(timeColumn, 150, 110)));
  }

  /**
   * The protocol's reference levels of the variables a formula uses (as {@code --ref} per command).
   */
  private Map<String, String> refs(Analysis a, String formula) {
    Map<String, String> refs = new LinkedHashMap<>(analyses.refs(a));
    if (formula == null) {
      refs.clear();
    } else {
      refs.keySet().retainAll(Formula.parse(formula).variables());
    }
    return refs;
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
