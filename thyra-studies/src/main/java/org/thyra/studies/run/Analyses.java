package org.thyra.studies.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.thyra.analysis.competing.CrrAnalysis;
import org.thyra.analysis.competing.CrrReport;
import org.thyra.analysis.competing.CumincAnalysis;
import org.thyra.analysis.competing.CumincReport;
import org.thyra.analysis.discrimination.ConcordanceAnalysis;
import org.thyra.analysis.discrimination.CutpointAnalysis;
import org.thyra.analysis.discrimination.RocAnalysis;
import org.thyra.analysis.imputation.CompletedData;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.analysis.imputation.MultipleImputation;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.imputation.PooledTerms;
import org.thyra.analysis.imputation.TableImputation;
import org.thyra.analysis.matching.MatchAnalysis;
import org.thyra.analysis.paired.PairedAnalysis;
import org.thyra.analysis.regression.RegressionInput;
import org.thyra.analysis.survival.CoxAnalysis;
import org.thyra.analysis.survival.CoxReport;
import org.thyra.analysis.survival.FirthCoxAnalysis;
import org.thyra.analysis.survival.FirthCoxReport;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.analysis.survival.KaplanMeierAnalysis;
import org.thyra.analysis.survival.LogRankAnalysis;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.analysis.survival.RmstAnalysis;
import org.thyra.analysis.survival.RmstReport;
import org.thyra.analysis.survival.WeightedSurvivalAnalysis;
import org.thyra.analysis.weighting.IptwAnalysis;
import org.thyra.analysis.weighting.IptwReport;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Variable;
import org.thyra.report.competing.CrrWriter;
import org.thyra.report.competing.CumincWriter;
import org.thyra.report.discrimination.ConcordanceWriter;
import org.thyra.report.figure.BoxDotFigure;
import org.thyra.report.figure.Figure;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.figure.IncidenceFigure;
import org.thyra.report.figure.KmFigure;
import org.thyra.report.figure.PValues;
import org.thyra.report.figure.RocFigure;
import org.thyra.report.figure.SankeyFigure;
import org.thyra.report.imputation.ImputeWriter;
import org.thyra.report.imputation.PooledWriter;
import org.thyra.report.output.TableLayout;
import org.thyra.report.survival.RmstWriter;
import org.thyra.report.weighting.IptwWriter;
import org.thyra.stats.competing.FineGrayFit;
import org.thyra.stats.competing.GrayTestResult;
import org.thyra.stats.competing.IncidenceCurve;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.cutpoint.ThreeGroupScanResult;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.GroupComparison;
import org.thyra.stats.descriptive.GroupTest;
import org.thyra.stats.descriptive.NumericSummary;
import org.thyra.stats.descriptive.TablePreset;
import org.thyra.stats.imputation.PooledEstimate;
import org.thyra.stats.matching.BalanceRow;
import org.thyra.stats.matching.BalanceTable;
import org.thyra.stats.matching.DistanceComparison;
import org.thyra.stats.matching.DistanceScale;
import org.thyra.stats.matching.MatchOrder;
import org.thyra.stats.matching.MatchResult;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.CoxModelFitter;
import org.thyra.stats.regression.FirthLogistic;
import org.thyra.stats.regression.FirthModelFitter;
import org.thyra.stats.regression.LogisticModelFitter;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.regression.ModelFit;
import org.thyra.stats.regression.ModelFitter;
import org.thyra.stats.regression.ScreenResult;
import org.thyra.stats.regression.StepDirection;
import org.thyra.stats.regression.StepwiseResult;
import org.thyra.stats.regression.StepwiseSelection;
import org.thyra.stats.regression.UnivariableScreen;
import org.thyra.stats.roc.AucInterval;
import org.thyra.stats.roc.DeLongTest;
import org.thyra.stats.roc.DeLongTestResult;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;
import org.thyra.stats.roc.RocResult;
import org.thyra.stats.roc.YoudenThreshold;
import org.thyra.stats.survival.ConfidenceType;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.FirthCoxResult;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierOptions;
import org.thyra.stats.survival.KaplanMeierPoint;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankPair;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;
import org.thyra.stats.survival.RestrictedMeanComparison;
import org.thyra.stats.survival.RestrictedMeanResult;
import org.thyra.stats.survival.SurvivalQuantile;
import org.thyra.stats.survival.Ties;
import org.thyra.stats.survival.WeightedKaplanMeier;
import org.thyra.stats.survival.WeightedLogRank;
import org.thyra.stats.weighting.WeightedBalance;
import org.thyra.studies.protocol.Analysis;
import org.thyra.studies.protocol.Protocol;
import org.thyra.studies.protocol.VariableLabel;

/**
 * Runs one protocol analysis on the cohort through the statistics layer, with the same defaults and
 * the same frame construction ({@link ModelFrame}) as the single command, so the numbers are the
 * command's. Analyses this version of the runner does not yet run return null (the report says so).
 */
final class Analyses {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The text width of report.pdf: A4 (210 mm) less its 18 mm margins. */
  static final double TEXT_WIDTH_MM = 174;

  private final Protocol protocol;
  private final Map<String, VariableLabel> labels = new HashMap<>();

  Analyses(Protocol protocol) {
    this.protocol = protocol;
    for (VariableLabel v : protocol.variables()) {
      labels.put(v.column(), v);
    }
  }

  String label(String column) {
    VariableLabel v = labels.get(column);
    if (v == null || v.label() == null) {
      return column;
    }
    return v.unit() == null ? v.label() : v.label() + " (" + v.unit() + ")";
  }

  /**
   * What a competing-risks cause is: the event column the protocol's competing derivation coded as
   * that cause ({@code events: [disappeared, progression]} makes 1 disappeared, 2 progression),
   * with its label; null when the status column is not one the protocol derived (the cause is then
   * named by its code).
   */
  private String causeName(String status, String cause) {
    for (org.thyra.studies.protocol.Derivation d : protocol.derive()) {
      if (Boolean.TRUE.equals(d.competing()) && status.equals(d.name())) {
        for (int i = 0; i < d.events().size(); i++) {
          if (cause.equals(Integer.toString(i + 1))) {
            String l = label(d.events().get(i));
            return Character.toUpperCase(l.charAt(0)) + l.substring(1);
          }
        }
      }
    }
    return null;
  }

  /**
   * Axis breaks: for months, every 12 (every 24 past eleven years) as the seeds' figures, so the
   * risk table's columns fall on the yearly rates of the table; otherwise the figure's own.
   */
  static double[] breaks(String timeTitle, List<KmFigure.Series> series) {
    if (!timeTitle.equals("Time (months)")) {
      return null;
    }
    double max = 0;
    for (KmFigure.Series s : series) {
      KaplanMeierCurve c = s.curve();
      if (c.size() > 0) {
        max = Math.max(max, c.time(c.size() - 1));
      }
    }
    double step = max > 132 ? 24 : 12;
    int k = (int) Math.ceil(max / step);
    double[] b = new double[Math.max(k, 1) + 1];
    for (int i = 0; i < b.length; i++) {
      b[i] = i * step;
    }
    return b;
  }

  /** The time axis's title: the variable's label, else "Time (months)" from a unit in the name. */
  String timeTitle(String column) {
    VariableLabel v = labels.get(column);
    if (v != null && v.label() != null) {
      return label(column);
    }
    String n = column.toLowerCase(Locale.ROOT);
    for (String unit : List.of("days", "weeks", "months", "years")) {
      if (n.contains(unit.substring(0, unit.length() - 1))) {
        return "Time (" + unit + ")";
      }
    }
    return column;
  }

  /** Reference levels: the protocol's variables, overridden by the analysis's {@code ref}. */
  Map<String, String> refs(Analysis a) {
    Map<String, String> m = new LinkedHashMap<>();
    for (VariableLabel v : protocol.variables()) {
      if (v.ref() != null) {
        m.put(v.column(), v.ref());
      }
    }
    m.putAll(a.ref());
    return m;
  }

  AnalysisOutput run(Analysis a, DataTable t) {
    if (a instanceof Analysis.Km k) {
      return km(k, t);
    }
    if (a instanceof Analysis.Logrank k) {
      return logrank(k, t);
    }
    if (a instanceof Analysis.Screen k) {
      return screen(k, t);
    }
    if (a instanceof Analysis.Cox k) {
      if (Boolean.TRUE.equals(k.firth())) {
        return firthCox(k, t);
      }
      if (k.weights() != null || k.landmark() != null) {
        return coxAnalysis(k, t);
      }
      return k.impute() == null ? cox(k, t) : imputedCox(k, t);
    }
    if (a instanceof Analysis.Logistic k) {
      return k.impute() == null ? logistic(k, t) : imputedLogistic(k, t);
    }
    if (a instanceof Analysis.Table1 k) {
      return table1(k, t);
    }
    if (a instanceof Analysis.Roc k) {
      return k.compare() == null ? roc(k, t) : rocCompare(k, t);
    }
    if (a instanceof Analysis.Match k) {
      return match(k, t);
    }
    if (a instanceof Analysis.Cutpoint k) {
      return cutpoint(k, t);
    }
    if (a instanceof Analysis.Paired k) {
      return paired(k, t);
    }
    if (a instanceof Analysis.Impute k) {
      return impute(k, t);
    }
    if (a instanceof Analysis.Weight k) {
      return weight(k, t);
    }
    if (a instanceof Analysis.Concordance k) {
      return concordance(k, t);
    }
    if (a instanceof Analysis.Cuminc k) {
      return cuminc(k, t);
    }
    if (a instanceof Analysis.Crr k) {
      return crr(k, t);
    }
    if (a instanceof Analysis.Rmst k) {
      return rmst(k, t);
    }
    if (a instanceof Analysis.Nomogram k) {
      return new PredictionSteps(this).nomogram(k, t);
    }
    if (a instanceof Analysis.Validate k) {
      return new PredictionSteps(this).validate(k, t);
    }
    if (a instanceof Analysis.Tdroc k) {
      return new PredictionSteps(this).tdroc(k, t);
    }
    return null;
  }

  /**
   * The methods sentence of a model fitted on multiply imputed data: which columns were imputed
   * (with their missing counts), how, and how the estimates were pooled.
   */
  private String imputationSentence(
      String prefix,
      MultipleImputation.Result r,
      int m,
      int maxit,
      long seed,
      String predictors,
      String model) {
    List<String> imputed = new ArrayList<>();
    for (int j = 0; j < r.names().size(); j++) {
      if (r.missing()[j] > 0) {
        imputed.add(label(r.names().get(j)) + " (" + r.missing()[j] + " missing)");
      }
    }
    return prefix
        + "missing values of "
        + (imputed.isEmpty() ? "the covariates" : String.join(", ", imputed))
        + " were imputed "
        + m
        + " times by chained equations ("
        + maxit
        + " iterations, seed "
        + seed
        + "; "
        + predictors
        + " as predictors), the "
        + model
        + " model was fitted on each completed data set and the estimates were pooled by Rubin's"
        + " rules with Barnard–Rubin degrees of freedom (as mice::pool)";
  }

  // ---- impute --------------------------------------------------------------------------------

  /**
   * {@code impute}: chained equations over the cohort as {@code thyra impute} (the same {@link
   * TableImputation}); the report gives the imputed columns with their model and missing count, and
   * {@code results.json} the command's JSON (no completed files: a study imputes inside {@code cox}
   * or {@code logistic} with {@code impute: M}).
   */
  AnalysisOutput impute(Analysis.Impute k, DataTable t) {
    TableImputation.Request request =
        new TableImputation.Request(
            k.m() == null ? 5 : k.m(),
            k.maxit() == null ? 5 : k.maxit(),
            k.seed() == null ? 1 : k.seed(),
            k.vars(),
            k.factor());
    TableImputation.Report r =
        TableImputation.run(t, "the study cohort", request, org.thyra.stats.Progress.NONE);
    MultipleImputation.Result m = r.result();
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int j = 0; j < m.names().size(); j++) {
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              m.names().get(j),
              List.of(
                  label(m.names().get(j)),
                  m.types().get(j).name().toLowerCase(Locale.ROOT),
                  m.methods().get(j).name().toLowerCase(Locale.ROOT),
                  Integer.toString(m.missing()[j]))));
    }
    String sentence =
        "Missing values were imputed "
            + request.m()
            + " times by chained equations (pmm for numeric, logreg for two-category and polyreg for"
            + " many-category variables, "
            + request.maxit()
            + " iterations, seed "
            + request.seed()
            + "), as mice";
    return new AnalysisOutput(
        ImputeWriter.json(r, List.of()),
        table(List.of("Variable", "Type", "Model", "Missing, n"), rows, List.of(m.method())),
        sentence,
        m.warnings());
  }

  /** The matched cohorts of the match analyses run so far, by id (for {@code in: ID}). */
  private final Map<String, DataTable> matched = new HashMap<>();

  /**
   * The matched cohort of match analysis {@code id} (or the weighted cohort of weight analysis
   * {@code id}: its analysed rows with their weights in column {@code iptw}), or null when it was
   * not run.
   */
  DataTable matchedCohort(String id) {
    return matched.get(id);
  }

  // ---- match ---------------------------------------------------------------------------------

  AnalysisOutput match(Analysis.Match k, DataTable t) {
    MatchAnalysis.Request request =
        new MatchAnalysis.Request(
            k.treatment(),
            k.covariates(),
            k.factor(),
            k.distance() == null
                ? DistanceScale.PROBABILITY
                : DistanceScale.valueOf(k.distance().toUpperCase(Locale.ROOT)),
            k.caliper(),
            k.stdCaliper() == null || k.stdCaliper(),
            k.ratio() == null ? 1 : k.ratio(),
            k.order() == null
                ? MatchOrder.LARGEST
                : MatchOrder.valueOf(k.order().toUpperCase(Locale.ROOT)),
            k.seed() == null ? 1 : k.seed(),
            Boolean.TRUE.equals(k.replace()),
            k.exact(),
            k.compat() == null
                ? DistanceComparison.EXACT
                : MatchAnalysis.Request.comparison(k.compat()));
    Map<String, String> refs = refs(k, request.columns());
    MatchAnalysis.Report r = MatchAnalysis.run(t, "the study cohort", refs, request);
    matched.put(k.id(), org.thyra.studies.cohort.Cohort.subset(t, r.matchedTableRows()));
    MatchResult m = r.match();
    BalanceTable b = r.balance();
    ObjectNode json = JSON.createObjectNode();
    json.put("n", r.frame().n());
    json.put("dropped_missing", r.frame().droppedMissing());
    json.put("treated", k.treatment() + " " + r.frame().binaryResponseCoding());
    json.put("n_treated", m.nTreated());
    json.put("n_control", m.nControl());
    json.put("matched_treated", m.matchedTreated());
    json.put("matched_control", m.matchedControl());
    num(json, "caliper_abs", m.caliperAbsolute());
    ArrayNode bj = json.putArray("balance");
    List<TableLayout.Row> rows = new ArrayList<>();
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.COUNT,
            "",
            List.of(
                "Patients, n",
                Integer.toString(m.nTreated()),
                Integer.toString(m.nControl()),
                "",
                Integer.toString(m.matchedTreated()),
                Integer.toString(m.matchedControl()),
                "")));
    String lastVar = null;
    for (int j = 0; j < b.before().size(); j++) {
      BalanceRow x = b.before().get(j);
      BalanceRow a = b.after().get(j);
      ObjectNode o = bj.addObject();
      o.put("covariate", x.covariate());
      num(o, "mean_treated_before", x.meanTreated());
      num(o, "mean_control_before", x.meanControl());
      num(o, "smd_before", x.smd());
      num(o, "mean_treated_after", a.meanTreated());
      num(o, "mean_control_after", a.meanControl());
      num(o, "smd_after", a.smd());
      int eq = x.covariate().indexOf('=');
      if (eq > 0) {
        // a level of a categorical covariate: its heading once, then the level's proportions
        String var = x.covariate().substring(0, eq);
        if (!var.equals(lastVar)) {
          rows.add(
              new TableLayout.Row(
                  TableLayout.Kind.VARIABLE,
                  var,
                  List.of(label(var) + ", %", "", "", "", "", "", "")));
          lastVar = var;
        }
        rows.add(
            new TableLayout.Row(
                TableLayout.Kind.LEVEL,
                var,
                List.of(
                    x.covariate().substring(eq + 1),
                    Fmt.f(100 * x.meanTreated(), 1),
                    Fmt.f(100 * x.meanControl(), 1),
                    Fmt.f(x.smd(), 3),
                    Fmt.f(100 * a.meanTreated(), 1),
                    Fmt.f(100 * a.meanControl(), 1),
                    Fmt.f(a.smd(), 3))));
        continue;
      }
      lastVar = null;
      String name =
          x.covariate().equals("distance") ? "Propensity score" : label(x.covariate()) + ", mean";
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              x.covariate(),
              List.of(
                  name,
                  Fmt.f(x.meanTreated(), 3),
                  Fmt.f(x.meanControl(), 3),
                  Fmt.f(x.smd(), 3),
                  Fmt.f(a.meanTreated(), 3),
                  Fmt.f(a.meanControl(), 3),
                  Fmt.f(a.smd(), 3))));
    }
    // the groups as the data name them (the treated level is the non-reference one)
    String treatedName = "Treated";
    String controlName = "Control";
    Column tc = t.column(k.treatment());
    int[] frameRows = r.frame().rows();
    for (int i = 0; i < frameRows.length; i++) {
      if (r.treated()[i]) {
        treatedName = tc.text(frameRows[i] - 1);
      } else {
        controlName = tc.text(frameRows[i] - 1);
      }
    }
    List<String> header =
        List.of(
            "Covariate",
            treatedName + ", before",
            controlName + ", before",
            "SMD before",
            treatedName + ", matched",
            controlName + ", matched",
            "SMD matched");
    String caliper =
        k.caliper() == null
            ? "without a caliper"
            : "with a caliper of "
                + Fmt.time(k.caliper())
                + (request.stdCaliper()
                    ? " standard deviations of the propensity score"
                    : " on the propensity-score scale");
    int ratio = request.ratio();
    String sentence =
        "Propensity scores for "
            + label(k.treatment())
            + " were estimated by logistic regression on "
            + String.join(", ", k.covariates().stream().map(this::label).toList())
            + "; patients were matched 1:"
            + ratio
            + " by greedy nearest-neighbour matching "
            + (request.replace() ? "with" : "without")
            + " replacement "
            + caliper
            + " (as MatchIt's method = \"nearest\"), and balance was assessed by standardised mean differences";
    return new AnalysisOutput(
        json, table(header, rows, List.of(m.method(), b.method())), sentence, r.warnings());
  }

  // ---- cutpoint ------------------------------------------------------------------------------

  AnalysisOutput cutpoint(Analysis.Cutpoint k, DataTable t) {
    CutpointAnalysis.Report r =
        CutpointAnalysis.run(
            t,
            "the study cohort",
            new CutpointAnalysis.Request(
                k.time(),
                k.event(),
                k.variable(),
                k.minprop() == null ? 0.1 : k.minprop(),
                k.maxprop() == null ? 0.9 : k.maxprop(),
                k.groups() == null ? 2 : k.groups(),
                k.maxCandidates() == null ? 100 : k.maxCandidates()));
    ObjectNode json = JSON.createObjectNode();
    json.put("variable", k.variable());
    json.put("n", r.frame().n());
    json.put("dropped_missing", r.frame().droppedMissing());
    List<TableLayout.Row> rows = new ArrayList<>();
    List<String> header;
    Figure figure = null;
    if (r.twoGroups() != null) {
      MaxSelectedRankResult m = r.twoGroups();
      List<KaplanMeierCurve> curves = CutpointAnalysis.curves(r);
      num(json, "cutpoint", m.cutpoint());
      num(json, "statistic", m.statistic());
      num(json, "p_adjusted", m.pAdjusted());
      ArrayNode gj = json.putArray("groups");
      String[] names = {
        "≤ " + org.thyra.frame.DecimalText.format(m.cutpoint()),
        "> " + org.thyra.frame.DecimalText.format(m.cutpoint())
      };
      for (int g = 0; g < curves.size(); g++) {
        KaplanMeierCurve c = curves.get(g);
        ObjectNode o = gj.addObject();
        o.put("group", names[g]);
        o.put("n", c.n());
        o.put("events", c.events());
      }
      header =
          List.of(
              "Variable",
              "Cut-point",
              "Low / high, n",
              "Max. standardised statistic",
              "p (Lausen adjusted)");
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              k.variable(),
              List.of(
                  label(k.variable()),
                  org.thyra.frame.DecimalText.format(m.cutpoint()),
                  curves.get(0).n() + " / " + curves.get(1).n(),
                  Fmt.f(m.statistic(), 3),
                  Fmt.p(m.pAdjusted()))));
      // the groups are named by their side of the cut under the variable's label, so the risk
      // table's rows stay short; the note gives the cut's adjusted p, as thyra cutpoint's figure
      List<KmFigure.Series> series = new ArrayList<>();
      for (int g = 0; g < curves.size(); g++) {
        series.add(new KmFigure.Series(names[g], curves.get(g)));
      }
      figure =
          KmFigure.builder(series)
              .xTitle(timeTitle(k.time()))
              .yTitle(k.yTitle())
              .legendTitle(label(k.variable()))
              .note(
                  "Maximally selected log-rank: cut-off "
                      + org.thyra.frame.DecimalText.format(m.cutpoint())
                      + ", "
                      + m.pMethod()
                      + "-adjusted "
                      + PValues.equation(m.pAdjusted()))
              .size(170, 130)
              .breaks(breaks(timeTitle(k.time()), series))
              .build();
    } else {
      ThreeGroupScanResult s = r.threeGroups();
      num(json, "low_cut", s.lowCut());
      num(json, "high_cut", s.highCut());
      num(json, "statistic", s.statistic());
      num(json, "p_unadjusted", s.pNaive());
      header = List.of("Variable", "Low cut", "High cut", "χ² (df 2)", "p (unadjusted)");
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              k.variable(),
              List.of(
                  label(k.variable()),
                  org.thyra.frame.DecimalText.format(s.lowCut()),
                  org.thyra.frame.DecimalText.format(s.highCut()),
                  Fmt.f(s.statistic(), 2),
                  Fmt.p(s.pNaive()))));
    }
    return new AnalysisOutput(
        json,
        table(header, rows, List.of(r.method())),
        r.twoGroups() != null
            ? "cut-points of continuous variables were chosen by the maximally selected log-rank statistic with Lausen's adjusted p-value (as maxstat.test; values at the cut-point form the low group)"
            : "two cut-points were chosen by an X-tile-style scan of three groups (p unadjusted for the search)",
        r.warnings(),
        figure);
  }

  // ---- paired --------------------------------------------------------------------------------

  /**
   * The cross-table in the protocol's level order of {@code column} (e.g. PR, SD, PD as seed 001
   * orders responses) when it gives one; the test does not depend on the order.
   */
  private PairedAnalysis.Square ordered(PairedAnalysis.Square sq, String column) {
    VariableLabel v = labels.get(column);
    if (v == null || v.levels().isEmpty()) {
      return sq;
    }
    List<String> order = new ArrayList<>();
    v.levels().stream().filter(sq.levels()::contains).forEach(order::add);
    sq.levels().stream().filter(l -> !order.contains(l)).forEach(order::add);
    int[] from = order.stream().mapToInt(sq.levels()::indexOf).toArray();
    long[][] table = new long[from.length][from.length];
    for (int i = 0; i < from.length; i++) {
      for (int j = 0; j < from.length; j++) {
        table[i][j] = sq.table()[from[i]][from[j]];
      }
    }
    return new PairedAnalysis.Square(order, table, sq.n(), sq.dropped());
  }

  AnalysisOutput paired(Analysis.Paired k, DataTable t) {
    PairedAnalysis.Report r =
        PairedAnalysis.run(
            t,
            "the study cohort",
            new PairedAnalysis.Request(
                k.before(),
                k.after(),
                k.test() == null
                    ? PairedAnalysis.Test.AUTO
                    : PairedAnalysis.Test.valueOf(k.test().toUpperCase(Locale.ROOT)),
                Boolean.TRUE.equals(k.factor()),
                k.correct() == null || k.correct(),
                k.levels()));
    ObjectNode json = JSON.createObjectNode();
    json.put("test", r.test().name().toLowerCase(Locale.ROOT));
    json.put("n", r.n());
    json.put("dropped_missing", r.dropped());
    num(json, "p", r.p());
    String before = label(k.before());
    String after = label(k.after());
    if (r.wilcoxon() != null) {
      num(json, "statistic", r.wilcoxon().statistic());
      json.put("n_nonzero", r.wilcoxon().n());
      return new AnalysisOutput(
          json,
          table(
              List.of("Comparison", "Pairs", "V", "p"),
              List.of(
                  new TableLayout.Row(
                      TableLayout.Kind.VARIABLE,
                      k.before(),
                      List.of(
                          before + " vs " + after,
                          Integer.toString(r.n()),
                          Fmt.f(r.wilcoxon().statistic(), 1),
                          Fmt.p(r.p())))),
              List.of(r.method())),
          "paired measurements were compared with the Wilcoxon signed-rank test",
          r.warnings(),
          new BoxDotFigure(
              "Value",
              List.of(before, after),
              List.of(r.beforeValues(), r.afterValues()),
              "Wilcoxon signed-rank " + PValues.equation(r.p()),
              false,
              FigureSpec.DEFAULT));
    }
    PairedAnalysis.Square sq = ordered(r.square(), k.before());
    num(json, "statistic", r.symmetry().statistic());
    num(json, "df", r.symmetry().df());
    ArrayNode lv = json.putArray("levels");
    sq.levels().forEach(lv::add);
    ArrayNode tj = json.putArray("table");
    for (long[] row : sq.table()) {
      ArrayNode a = tj.addArray();
      for (long c : row) {
        a.add(c);
      }
    }
    json.put("discordant", sq.discordant());
    // the cross-table as seed 001's Table 2: first response in rows, last in columns, n (row %)
    List<String> header = new ArrayList<>();
    header.add(before + " \\ " + after);
    sq.levels().forEach(header::add);
    header.add("Total");
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int i = 0; i < sq.levels().size(); i++) {
      long total = 0;
      for (long c : sq.table()[i]) {
        total += c;
      }
      List<String> cells = new ArrayList<>();
      cells.add(sq.levels().get(i));
      for (long c : sq.table()[i]) {
        cells.add(total == 0 ? "0" : c + " (" + Fmt.f(100.0 * c / total, 1) + ")");
      }
      cells.add(Long.toString(total));
      rows.add(new TableLayout.Row(TableLayout.Kind.VARIABLE, sq.levels().get(i), cells));
    }
    String testName =
        r.test() == PairedAnalysis.Test.MCNEMAR
            ? "McNemar's test"
            : "the McNemar–Bowker test of symmetry";
    List<String> notes = new ArrayList<>();
    notes.add(
        "n (row %). "
            + Character.toUpperCase(testName.charAt(0))
            + testName.substring(1)
            + ": χ² = "
            + Fmt.f(r.symmetry().statistic(), 2)
            + ", df = "
            + Fmt.time(r.symmetry().df())
            + ", p "
            + (r.p() < 0.001 ? Fmt.p(r.p()) : "= " + Fmt.p(r.p()))
            + "; "
            + r.n()
            + " complete pairs, "
            + sq.discordant()
            + " changed category.");
    notes.add(r.method());
    return new AnalysisOutput(
        json,
        table(header, rows, notes),
        "paired categorical responses were compared with " + testName + " (as R's mcnemar.test)",
        r.warnings(),
        new SankeyFigure(
            before,
            after,
            sq.levels(),
            sq.table(),
            (r.test() == PairedAnalysis.Test.MCNEMAR ? "McNemar" : "McNemar–Bowker symmetry")
                + " test "
                + PValues.equation(r.p()),
            FigureSpec.DEFAULT));
  }

  // ---- survival outcome and groups ---------------------------------------------------------

  /** Time, status and group code of the rows with no missing value; levels in display order. */
  record Outcome(double[] time, int[] status, int[] group, List<String> levels, int dropped) {}

  Outcome outcome(DataTable t, String timeCol, String eventCol, String groupCol) {
    NumericColumn time = numeric(t, timeCol);
    Column event = t.column(eventCol);
    Column group = groupCol == null ? null : t.column(groupCol);
    List<String> levels = groupCol == null ? List.of("All") : levels(groupCol, group);
    List<Double> tl = new ArrayList<>();
    List<Integer> sl = new ArrayList<>();
    List<Integer> gl = new ArrayList<>();
    int dropped = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      int s = event(event, r);
      if (time.isMissing(r) || s < 0 || (group != null && group.isMissing(r))) {
        dropped++;
        continue;
      }
      tl.add(time.value(r));
      sl.add(s);
      gl.add(group == null ? 0 : levels.indexOf(group.text(r)));
    }
    return new Outcome(
        tl.stream().mapToDouble(Double::doubleValue).toArray(),
        sl.stream().mapToInt(Integer::intValue).toArray(),
        gl.stream().mapToInt(Integer::intValue).toArray(),
        levels,
        dropped);
  }

  /** Levels in the protocol's order when it gives one, else the column's (SPEC §5) order. */
  List<String> levels(String column, Column c) {
    List<String> present = new ArrayList<>();
    if (c instanceof CategoricalColumn cat) {
      present.addAll(cat.levels());
    } else {
      TreeSet<Double> s = new TreeSet<>();
      NumericColumn x = (NumericColumn) c;
      for (int r = 0; r < x.size(); r++) {
        if (!x.isMissing(r)) {
          s.add(x.value(r));
        }
      }
      s.forEach(v -> present.add(org.thyra.frame.DecimalText.format(v)));
    }
    VariableLabel v = labels.get(column);
    if (v == null || v.levels().isEmpty()) {
      return present;
    }
    List<String> ordered = new ArrayList<>();
    v.levels().stream().filter(present::contains).forEach(ordered::add);
    present.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
    return ordered;
  }

  private static NumericColumn numeric(DataTable t, String column) {
    if (!(t.column(column) instanceof NumericColumn x)) {
      throw new IllegalArgumentException("column '" + column + "' is not numeric");
    }
    return x;
  }

  /** 1 event, 0 censored, −1 missing; 0/1, 1/2 (R's Surv), TRUE/FALSE, yes/no (SPEC §5). */
  static int event(Column c, int r) {
    if (c.isMissing(r)) {
      return -1;
    }
    String s = c.text(r).trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "1", "true", "yes" -> 1;
      case "0", "false", "no" -> 0;
      case "2" -> 1;
      default ->
          throw new IllegalArgumentException(
              "event value '" + c.text(r) + "' in '" + c.name() + "'");
    };
  }

  // ---- km ------------------------------------------------------------------------------------

  /**
   * A group's median survival with its CI in results.json ({@code median: {estimate, lower,
   * upper}}).
   */
  private static void median(ObjectNode group, SurvivalQuantile m) {
    ObjectNode mj = group.putObject("median");
    num(mj, "estimate", m.estimate());
    num(mj, "lower", m.lower());
    num(mj, "upper", m.upper());
  }

  /** A group's median survival with its CI as the KM table prints it, or "not reached". */
  private static String medianCell(SurvivalQuantile m) {
    return Double.isFinite(m.estimate())
        ? Fmt.f(m.estimate(), 1) + " (" + Fmt.f(m.lower(), 1) + ", " + Fmt.f(m.upper(), 1) + ")"
        : "not reached";
  }

  AnalysisOutput km(Analysis.Km k, DataTable t) {
    if (k.weights() != null) {
      return weightedKm(k, t);
    }
    Outcome o = outcome(t, k.time(), k.event(), k.group());
    KaplanMeierOptions options =
        new KaplanMeierOptions(
            ConfidenceType.parse(k.confType() == null ? "log" : k.confType()),
            k.confLevel() == null ? 0.95 : k.confLevel());
    ObjectNode json = JSON.createObjectNode();
    ArrayNode groups = json.putArray("groups");
    List<String> header =
        new ArrayList<>(
            List.of(k.group() == null ? "" : label(k.group()), "n", "Events", "Median (95% CI)"));
    for (double at : k.at()) {
      header.add(Fmt.time(at) + " months, % (95% CI)");
    }
    List<TableLayout.Row> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<KmFigure.Series> series = new ArrayList<>();
    String method = null;
    for (int g = 0; g < o.levels().size(); g++) {
      List<Double> tt = new ArrayList<>();
      List<Integer> ss = new ArrayList<>();
      for (int i = 0; i < o.time().length; i++) {
        if (o.group()[i] == g) {
          tt.add(o.time()[i]);
          ss.add(o.status()[i]);
        }
      }
      if (tt.isEmpty()) {
        continue;
      }
      KaplanMeierCurve c =
          KaplanMeier.fit(
              tt.stream().mapToDouble(Double::doubleValue).toArray(),
              ss.stream().mapToInt(Integer::intValue).toArray(),
              options);
      method = c.method();
      series.add(new KmFigure.Series(o.levels().get(g), c));
      String prefix = o.levels().size() > 1 ? o.levels().get(g) + ": " : "";
      c.warnings().forEach(w -> warnings.add(prefix + w));
      ObjectNode gj = groups.addObject();
      gj.put("group", o.levels().get(g));
      gj.put("n", c.n());
      gj.put("events", c.events());
      SurvivalQuantile m = c.median();
      median(gj, m);
      List<String> cells = new ArrayList<>();
      cells.add(o.levels().get(g));
      cells.add(Integer.toString(c.n()));
      cells.add(Integer.toString(c.events()));
      cells.add(medianCell(m));
      ArrayNode at = gj.putArray("at");
      for (double time : k.at()) {
        Optional<KaplanMeierPoint> p = c.at(time);
        if (p.isEmpty()) {
          at.addNull();
          cells.add("—");
          continue;
        }
        ObjectNode pj = at.addObject();
        pj.put("time", time);
        pj.put("n_risk", p.get().nRisk());
        num(pj, "survival", p.get().survival());
        num(pj, "std_err", p.get().stdErr());
        num(pj, "lower", p.get().lower());
        num(pj, "upper", p.get().upper());
        cells.add(Fmt.percent(p.get().survival(), p.get().lower(), p.get().upper()));
      }
      rows.add(new TableLayout.Row(TableLayout.Kind.LEVEL, "group", cells));
    }
    json.put("dropped_missing", o.dropped());
    // the figure's curves are the table's curves; with groups, the figure states the log-rank p
    // (its numbers are in results.json too)
    KmFigure.Builder fig =
        KmFigure.builder(series)
            .xTitle(timeTitle(k.time()))
            .yTitle(k.yTitle())
            .size(170, series.size() > 2 ? 150 : 130)
            .breaks(breaks(timeTitle(k.time()), series));
    if (k.group() != null) {
      fig.legendTitle(label(k.group()));
    }
    if (series.size() > 1) {
      LogRankResult lr = LogRank.test(o.time(), o.status(), o.group(), o.levels().size(), null, 0);
      ObjectNode lj = json.putObject("logrank");
      num(lj, "statistic", lr.statistic());
      lj.put("df", lr.df());
      num(lj, "p", lr.p());
      fig.test(lr);
    }
    String sentence =
        "Survival was estimated by the Kaplan–Meier method with Greenwood variance and "
            + options.type().rName()
            + "-type "
            + Fmt.f(100 * options.level(), 0)
            + "% confidence intervals; medians by curve crossing";
    return new AnalysisOutput(
        json,
        table(header, rows, method == null ? List.of() : List.of(method)),
        sentence,
        warnings,
        series.isEmpty() ? null : fig.build());
  }

  /**
   * {@code km} with {@code weights}: {@code thyra km --weights}'s analysis ({@link
   * WeightedSurvivalAnalysis}, survfit with case weights) on the cohort; the table gives the
   * weighted rates and medians, the figure the weighted curves with a weighted number at risk.
   */
  private AnalysisOutput weightedKm(Analysis.Km k, DataTable t) {
    Map<String, String> refs = refs(k, k.group() == null ? List.of() : List.of(k.group()));
    double level = k.confLevel() == null ? 0.95 : k.confLevel();
    WeightedSurvivalAnalysis.KmReport r =
        WeightedSurvivalAnalysis.km(
            t,
            "the study cohort",
            refs,
            new KaplanMeierAnalysis.Request(
                k.time(),
                k.event(),
                k.group(),
                k.confType() == null ? "log" : k.confType(),
                level,
                k.at()),
            k.weights());
    ObjectNode json = JSON.createObjectNode();
    json.put("weights", k.weights());
    ArrayNode groups = json.putArray("groups");
    List<String> header =
        new ArrayList<>(
            List.of(
                k.group() == null ? "" : label(k.group()),
                "n",
                "Events (weighted)",
                "Median (95% CI)"));
    for (double at : k.at()) {
      header.add(Fmt.time(at) + " months, % (95% CI)");
    }
    List<TableLayout.Row> rows = new ArrayList<>();
    List<KmFigure.WeightedSeries> series = new ArrayList<>();
    List<String> warnings = new ArrayList<>(r.warnings());
    List<String> levels = r.data().groupLevels();
    for (int g = 0; g < r.curves().size(); g++) {
      WeightedKaplanMeier.Curve c = r.curves().get(g);
      String name = k.group() == null ? "all" : levels.get(g);
      series.add(new KmFigure.WeightedSeries(name, c));
      String prefix = levels.size() > 1 ? name + ": " : "";
      c.warnings().forEach(w -> warnings.add(prefix + w));
      ObjectNode gj = groups.addObject();
      gj.put("group", name);
      gj.put("n", c.n());
      num(gj, "events", c.events());
      SurvivalQuantile m = c.median();
      median(gj, m);
      List<String> cells = new ArrayList<>();
      cells.add(name);
      cells.add(Integer.toString(c.n()));
      cells.add(Fmt.f(c.events(), 1));
      cells.add(medianCell(m));
      ArrayNode at = gj.putArray("at");
      for (double time : k.at()) {
        Optional<double[]> p = c.at(time);
        if (p.isEmpty()) {
          at.addNull();
          cells.add("—");
          continue;
        }
        double[] v = p.get();
        ObjectNode pj = at.addObject();
        pj.put("time", time);
        num(pj, "n_risk", v[1]);
        num(pj, "survival", v[2]);
        num(pj, "std_err", v[3]);
        num(pj, "lower", v[4]);
        num(pj, "upper", v[5]);
        cells.add(Fmt.percent(v[2], v[4], v[5]));
      }
      rows.add(new TableLayout.Row(TableLayout.Kind.LEVEL, "group", cells));
    }
    json.put("dropped_missing", r.droppedMissing());
    KmFigure.Builder fig =
        KmFigure.weightedBuilder(series, k.weights())
            .xTitle(timeTitle(k.time()))
            .yTitle(k.yTitle())
            .size(170, series.size() > 2 ? 150 : 130);
    if (k.group() != null) {
      fig.legendTitle(label(k.group()));
    }
    String method = r.curves().isEmpty() ? null : r.curves().get(0).method();
    String sentence =
        "Survival was estimated by the Kaplan–Meier method weighted by "
            + label(k.weights())
            + " (as survfit with case weights), with "
            + (k.confType() == null ? "log" : k.confType())
            + "-type "
            + Fmt.f(100 * level, 0)
            + "% confidence intervals; medians by curve crossing";
    return new AnalysisOutput(
        json,
        table(header, rows, method == null ? List.of() : List.of(method)),
        sentence,
        warnings,
        series.isEmpty() ? null : fig.build());
  }

  // ---- logrank -------------------------------------------------------------------------------

  /**
   * A log-rank step's numbers and table: the test (statistic, df, p; the strata column when
   * stratified), then each group's n and observed and expected events, the test in the first row.
   *
   * @param observedDecimals 0 for counts, 1 for weighted sums
   */
  private static List<TableLayout.Row> groupTest(
      ObjectNode json,
      List<String> levels,
      int[] n,
      double[] observed,
      double[] expected,
      double statistic,
      int df,
      double p,
      String strata,
      int observedDecimals) {
    num(json, "statistic", statistic);
    json.put("df", df);
    num(json, "p", p);
    if (strata != null) {
      json.put("strata", strata);
    }
    ArrayNode groups = json.putArray("groups");
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int g = 0; g < levels.size(); g++) {
      ObjectNode gj = groups.addObject();
      gj.put("group", levels.get(g));
      gj.put("n", n[g]);
      num(gj, "observed", observed[g]);
      num(gj, "expected", expected[g]);
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.LEVEL,
              "group",
              List.of(
                  levels.get(g),
                  Integer.toString(n[g]),
                  Fmt.f(observed[g], observedDecimals),
                  Fmt.f(expected[g], 2),
                  g == 0 ? Fmt.f(statistic, 2) + " (df " + df + ")" : "",
                  g == 0 ? Fmt.p(p) : "")));
    }
    return rows;
  }

  /**
   * A log-rank step's pairwise tests, when asked: JSON {@code pairwise[]} and one table row per
   * pair (its statistic and adjusted p), the method among the notes.
   */
  private static void pairRows(
      ObjectNode json,
      List<TableLayout.Row> rows,
      List<String> levels,
      LogRankPairwiseResult pairs,
      List<String> notes) {
    if (pairs == null) {
      return;
    }
    ArrayNode pj = json.putArray("pairwise");
    for (LogRankPair p : pairs.pairs()) {
      ObjectNode o = pj.addObject();
      o.put("a", levels.get(p.a()));
      o.put("b", levels.get(p.b()));
      num(o, "statistic", p.statistic());
      num(o, "p", p.p());
      num(o, "p_adjusted", p.pAdjusted());
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.LEVEL,
              "pair",
              List.of(
                  levels.get(p.b()) + " vs " + levels.get(p.a()),
                  "",
                  "",
                  "",
                  Fmt.f(p.statistic(), 2),
                  Fmt.p(p.pAdjusted()))));
    }
    notes.add(pairs.method());
  }

  AnalysisOutput logrank(Analysis.Logrank k, DataTable t) {
    if (k.weights() != null) {
      return weightedLogrank(k, t);
    }
    if (k.strata() != null || (k.pairwise() != null && !"none".equals(k.pairwise()))) {
      return logrankAnalysis(k, t);
    }
    Outcome o = outcome(t, k.time(), k.event(), k.group());
    double rho = k.rho() == null ? 0 : k.rho();
    LogRankResult r = LogRank.test(o.time(), o.status(), o.group(), o.levels().size(), null, rho);
    ObjectNode json = JSON.createObjectNode();
    List<TableLayout.Row> rows =
        groupTest(
            json,
            o.levels(),
            r.n(),
            r.observed(),
            r.expected(),
            r.statistic(),
            r.df(),
            r.p(),
            null,
            0);
    json.put("dropped_missing", o.dropped());
    return new AnalysisOutput(
        json,
        table(
            List.of(label(k.group()), "n", "Observed", "Expected", "χ²", "p"),
            rows,
            List.of(r.method())),
        rho == 0
            ? "groups were compared with the log-rank test"
            : "groups were compared with the G-rho test (rho = " + rho + ")",
        r.warnings());
  }

  /**
   * {@code logrank} with {@code weights}: {@code thyra logrank --weights}'s test ({@link
   * WeightedSurvivalAnalysis}: the robust score test of {@code coxph(Surv ~ group [+ strata(s)],
   * weights, robust = TRUE)}, weighted observed and expected events) on the cohort.
   */
  private AnalysisOutput weightedLogrank(Analysis.Logrank k, DataTable t) {
    Map<String, String> refs = refs(k, List.of(k.group()));
    List<String> strata = k.strata() == null ? List.of() : List.of(k.strata());
    String pairwise = k.pairwise() == null || "none".equals(k.pairwise()) ? null : k.pairwise();
    WeightedSurvivalAnalysis.LogRankReport report =
        WeightedSurvivalAnalysis.logRank(
            t,
            "the study cohort",
            refs,
            new LogRankAnalysis.Request(
                k.time(),
                k.event(),
                k.group(),
                strata,
                0,
                pairwise,
                k.confLevel() == null ? 0.95 : k.confLevel()),
            k.weights());
    WeightedLogRank w = report.test();
    List<String> levels = report.data().groupLevels();
    ObjectNode json = JSON.createObjectNode();
    json.put("weights", k.weights());
    List<TableLayout.Row> rows =
        groupTest(
            json,
            levels,
            w.n(),
            w.observed(),
            w.expected(),
            w.robustScore().statistic(),
            w.robustScore().df(),
            w.robustScore().p(),
            strata.isEmpty() ? null : k.strata(),
            1);
    List<String> notes = new ArrayList<>(List.of(w.method()));
    pairRows(json, rows, levels, report.pairs(), notes);
    json.put("dropped_missing", report.droppedMissing());
    List<String> warnings = new ArrayList<>(report.warnings());
    warnings.addAll(w.warnings());
    return new AnalysisOutput(
        json,
        table(
            List.of(label(k.group()), "n", "Observed (weighted)", "Expected (weighted)", "χ²", "p"),
            rows,
            notes),
        "groups were compared with the weighted "
            + (strata.isEmpty() ? "" : "stratified (by " + label(k.strata()) + ") ")
            + "log-rank test (robust score test of the weighted Cox model, weights "
            + label(k.weights())
            + ")"
            + (pairwise == null
                ? ""
                : ", with pairwise tests of the same kind adjusted by " + pairwise),
        warnings);
  }

  /**
   * {@code logrank} with {@code strata} or {@code pairwise}: {@code thyra logrank}'s own analysis
   * ({@link LogRankAnalysis}, as survdiff with strata, pairwise tests adjusted as R's p.adjust) on
   * the cohort.
   */
  private AnalysisOutput logrankAnalysis(Analysis.Logrank k, DataTable t) {
    Map<String, String> refs = refs(k, List.of(k.group()));
    String pairwise = k.pairwise() == null || "none".equals(k.pairwise()) ? null : k.pairwise();
    List<String> strata = k.strata() == null ? List.of() : List.of(k.strata());
    LogRankReport report =
        LogRankAnalysis.run(
            t,
            "the study cohort",
            refs,
            new LogRankAnalysis.Request(
                k.time(),
                k.event(),
                k.group(),
                strata,
                k.rho() == null ? 0 : k.rho(),
                pairwise,
                k.confLevel() == null ? 0.95 : k.confLevel()));
    LogRankResult r = report.test();
    List<String> levels = report.data().groupLevels();
    ObjectNode json = JSON.createObjectNode();
    List<TableLayout.Row> rows =
        groupTest(
            json,
            levels,
            r.n(),
            r.observed(),
            r.expected(),
            r.statistic(),
            r.df(),
            r.p(),
            strata.isEmpty() ? null : k.strata(),
            0);
    List<String> notes = new ArrayList<>(List.of(r.method()));
    pairRows(json, rows, levels, report.pairs(), notes);
    json.put("dropped_missing", report.data().frame().droppedMissing());
    String test = k.rho() != null && k.rho() != 0 ? "G-rho" : "log-rank";
    return new AnalysisOutput(
        json,
        table(List.of(label(k.group()), "n", "Observed", "Expected", "χ²", "p"), rows, notes),
        "groups were compared with the "
            + (strata.isEmpty() ? "" : "stratified (by " + label(k.strata()) + ") ")
            + test
            + " test"
            + (pairwise == null ? "" : ", with pairwise tests adjusted by " + pairwise),
        report.warnings());
  }

  // ---- regression ----------------------------------------------------------------------------

  private record Fitters(
      ModelFrame frame, ModelFitter<?> fitter, List<String> names, boolean cox) {}

  private Fitters fitters(
      Analysis a, String formulaText, boolean cox, String ties, Double level, String ci) {
    return fitters(a, formulaText, cox, ties, level, ci, false);
  }

  /** As above; {@code firth}: logistic fits by Firth's penalised likelihood (brglm2 AS_mean). */
  private Fitters fitters(
      Analysis a,
      String formulaText,
      boolean cox,
      String ties,
      Double level,
      String ci,
      boolean firth) {
    Formula formula = Formula.parse(formulaText);
    // the protocol's reference levels of the variables this formula uses (as --ref per command)
    Map<String, String> refs = refs(a, formula.variables());
    ModelFrame frame = ModelFrame.build(t(a), formula, refs);
    List<String> names = frame.variables().stream().map(Variable::name).toList();
    double[][] x = frame.design().columns();
    List<String> cols = frame.design().columnNames();
    int[] assign = frame.design().assign();
    double cl = level == null ? 0.95 : level;
    ModelFitter<?> f;
    if (cox) {
      CoxOptions options =
          CoxOptions.of(ties == null ? Ties.EFRON : Ties.valueOf(ties.toUpperCase(Locale.ROOT)))
              .withConfLevel(cl);
      f =
          new CoxModelFitter(
              frame.time(), frame.status(), x, cols, assign, frame.strata(), options);
    } else {
      int[] yb = frame.binaryResponse();
      double[] y = new double[yb.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = yb[i];
      }
      f =
          firth
              ? new FirthModelFitter(y, x, cols, assign, cl)
              : new LogisticModelFitter(
                  y,
                  x,
                  cols,
                  assign,
                  "profile".equals(ci)
                      ? ConfidenceIntervalType.PROFILE
                      : ConfidenceIntervalType.WALD,
                  cl);
    }
    return new Fitters(frame, f, names, cox);
  }

  private DataTable current;

  private DataTable t(Analysis a) {
    return current;
  }

  /** One term's ratio, CI and p from a fit, by design-column name. */
  private record Term(double ratio, double lower, double upper, double p) {}

  private static Map<String, Term> terms(Object fit) {
    Map<String, Term> m = new LinkedHashMap<>();
    if (fit instanceof CoxFit c) {
      for (int j = 0; j < c.size(); j++) {
        m.put(
            c.names().get(j), new Term(c.hazardRatios()[j], c.lower()[j], c.upper()[j], c.p()[j]));
      }
    } else if (fit instanceof LogisticResult l) {
      for (LogisticTerm tm : l.terms()) {
        m.put(
            tm.name(), new Term(tm.oddsRatio(), tm.oddsRatioLower(), tm.oddsRatioUpper(), tm.p()));
      }
    }
    return m;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  AnalysisOutput screen(Analysis.Screen k, DataTable t) {
    current = t;
    boolean cox = "cox".equals(k.model());
    Fitters fs =
        fitters(
            k, k.formula(), cox, k.ties(), k.confLevel(), k.ci(), Boolean.TRUE.equals(k.firth()));
    double entry = k.entryP() == null ? 0.1 : k.entryP();
    ScreenResult<?> screen = UnivariableScreen.screen((ModelFitter) fs.fitter(), fs.names(), entry);
    List<String> warnings = new ArrayList<>(fs.frame().warnings());
    warnings.addAll(screen.warnings());
    int[] selected = screen.enteredVariables();
    StepDirection dir =
        k.select() == null || "none".equals(k.select())
            ? null
            : StepDirection.valueOf(k.select().toUpperCase(Locale.ROOT));
    if (dir != null && selected.length > 0) {
      int[] start = dir == StepDirection.FORWARD ? new int[0] : selected;
      StepwiseResult<?> sw =
          StepwiseSelection.select(
              (ModelFitter) fs.fitter(), fs.names(), dir, start, new int[0], selected);
      warnings.addAll(sw.warnings());
      selected = sw.selectedVariables();
    }
    ModelFit<?> multi = selected.length > 0 ? fs.fitter().fit(selected) : null;
    Map<String, Term> multiTerms = multi == null ? Map.of() : terms(multi.fit());
    String r = cox ? "HR" : "OR";
    List<String> header =
        List.of(
            "Characteristic",
            "Univariable " + r + " (95% CI)",
            "p",
            "Multivariable " + r + " (95% CI)",
            "p");
    List<TableLayout.Row> rows = new ArrayList<>();
    ObjectNode json = JSON.createObjectNode();
    json.put("model", k.model());
    json.put("n", fs.frame().n());
    json.put("dropped_missing", fs.frame().droppedMissing());
    ArrayNode uni = json.putArray("univariable");
    for (ScreenResult.Row<?> row : screen.rows()) {
      Variable v = fs.frame().variables().get(row.index());
      Map<String, Term> ut = terms(row.fit().fit());
      ObjectNode uj = uni.addObject();
      uj.put("variable", row.variable());
      num(uj, "p", row.p());
      uj.put("entered", row.entered());
      ArrayNode tj = uj.putArray("terms");
      ut.forEach((name, tm) -> termJson(tj.addObject(), name, tm));
      boolean inMulti = contains(selected, row.index());
      if (v.categorical()) {
        rows.add(
            new TableLayout.Row(
                TableLayout.Kind.VARIABLE,
                v.name(),
                List.of(label(v.name()), "", Fmt.p(row.p()), "", "")));
        for (String level : v.levels()) {
          String term = v.name() + "=" + level;
          if (level.equals(v.reference())) {
            rows.add(
                new TableLayout.Row(
                    TableLayout.Kind.LEVEL,
                    v.name(),
                    List.of(level, "Ref.", "", inMulti ? "Ref." : "", "")));
            continue;
          }
          Term u = ut.get(term);
          Term m = multiTerms.get(term);
          rows.add(
              new TableLayout.Row(
                  TableLayout.Kind.LEVEL,
                  v.name(),
                  List.of(
                      level,
                      u == null ? "—" : Fmt.ratio(u.ratio(), u.lower(), u.upper()),
                      u == null ? "" : Fmt.p(u.p()),
                      m == null ? "" : Fmt.ratio(m.ratio(), m.lower(), m.upper()),
                      m == null ? "" : Fmt.p(m.p()))));
        }
      } else {
        Term u = ut.get(v.name());
        Term m = multiTerms.get(v.name());
        rows.add(
            new TableLayout.Row(
                TableLayout.Kind.VARIABLE,
                v.name(),
                List.of(
                    label(v.name()),
                    u == null ? "—" : Fmt.ratio(u.ratio(), u.lower(), u.upper()),
                    Fmt.p(row.p()),
                    m == null ? "" : Fmt.ratio(m.ratio(), m.lower(), m.upper()),
                    m == null ? "" : Fmt.p(m.p()))));
      }
    }
    ArrayNode sel = json.putArray("selected");
    for (int s : selected) {
      sel.add(fs.names().get(s));
    }
    if (multi != null) {
      ObjectNode mj = json.putObject("multivariable");
      ArrayNode tj = mj.putArray("terms");
      multiTerms.forEach((name, tm) -> termJson(tj.addObject(), name, tm));
      num(mj, "aic", multi.aic());
    }
    String method =
        cox
            ? ((CoxFit) screen.rows().get(0).fit().fit()).method()
            : ((LogisticResult) screen.rows().get(0).fit().fit()).method();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Columns 2–3: univariable models (p: likelihood-ratio test of the variable); columns 4–5: multivariable model of the variables with univariable p < "
            + entry
            + (dir == null ? "" : ", then stepwise (" + k.select() + ") by AIC")
            + ".");
    notes.add(method);
    notes.add(screen.method());
    String sentence =
        (cox ? "Cox proportional hazards models" : "Logistic regression models")
            + " were fitted for each candidate variable alone (likelihood-ratio p-value); variables with p < "
            + entry
            + " entered the multivariable model"
            + (dir == null
                ? ""
                : ", reduced by " + k.select() + " stepwise selection on AIC (as MASS::stepAIC)")
            + (cox
                ? "; ties by the " + (k.ties() == null ? "Efron" : k.ties()) + " method, Wald CIs"
                : "; Wald CIs for odds ratios");
    List<Object> uniFits = new ArrayList<>();
    screen.rows().forEach(row -> uniFits.add(row.fit().fit()));
    Map<String, ForestFigure.Estimate> uniEst = new LinkedHashMap<>();
    uniFits.forEach(f -> uniEst.putAll(ForestFigure.estimates(f)));
    Figure forest =
        new ForestFigure(
            List.of("Univariable", "Multivariable"),
            r,
            labelled(
                ForestFigure.rows(
                    fs.frame(),
                    List.of(
                        uniEst,
                        multi == null
                            ? new LinkedHashMap<>()
                            : ForestFigure.estimates(multi.fit())))),
            // the text width of the PDF's A4 page, so the figure is printed at its natural size
            // (its own two-panel default of 250 mm was shrunk to 70 % with its type)
            FigureSpec.DEFAULT.withSize(TEXT_WIDTH_MM, Double.NaN));
    return new AnalysisOutput(json, table(header, rows, notes), sentence, warnings, forest);
  }

  /** The forest rows with each variable's heading in the protocol's words (its label). */
  private List<ForestFigure.Row> labelled(List<ForestFigure.Row> rows) {
    List<ForestFigure.Row> out = new ArrayList<>();
    for (ForestFigure.Row row : rows) {
      out.add(
          row.indent() == 0
              ? new ForestFigure.Row(label(row.label()), 0, row.count(), row.estimates())
              : row);
    }
    return out;
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }

  private static void termJson(ObjectNode o, String name, Term t) {
    o.put("term", name);
    num(o, "ratio", t.ratio());
    num(o, "lower", t.lower());
    num(o, "upper", t.upper());
    num(o, "p", t.p());
  }

  AnalysisOutput cox(Analysis.Cox k, DataTable t) {
    current = t;
    Fitters fs = fitters(k, k.formula(), true, k.ties(), k.confLevel(), null);
    int[] all = new int[fs.names().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    CoxFit fit = (CoxFit) fs.fitter().fit(all).fit();
    return single(
        fs,
        fit,
        fit.method(),
        terms(fit),
        "HR",
        fit.warnings(),
        "A Cox proportional hazards model was fitted (" + fit.ties() + " ties, Wald CIs)");
  }

  /**
   * {@code cox} with {@code weights} or {@code landmark}: {@code thyra cox}'s own analysis ({@link
   * CoxAnalysis}: case weights with a robust variance where R uses one, the landmark's risk set),
   * so the table's limits and p are the command's.
   */
  private AnalysisOutput coxAnalysis(Analysis.Cox k, DataTable t) {
    current = t;
    Formula formula = Formula.parse(k.formula());
    Map<String, String> refs = refs(k, formula.variables());
    CoxReport r =
        CoxAnalysis.run(
            t,
            "the study cohort",
            refs,
            new CoxAnalysis.Request(
                k.formula(),
                k.ties(),
                k.confLevel() == null ? 0.95 : k.confLevel(),
                k.landmark(),
                k.weights()));
    CoxFit fit = r.fit();
    Map<String, Term> terms = new LinkedHashMap<>();
    for (int j = 0; j < fit.size(); j++) {
      terms.put(
          fit.names().get(j), new Term(fit.hazardRatios()[j], r.lower(j), r.upper(j), r.p(j)));
    }
    String sentence =
        "A Cox proportional hazards model was fitted ("
            + fit.ties()
            + " ties, Wald CIs"
            + (k.weights() == null
                ? ""
                : "; case weights "
                    + label(k.weights())
                    + (r.robust() != null || r.varianceShown() ? ", robust variance" : ""))
            + ")"
            + (k.landmark() == null
                ? ""
                : " in the patients followed event-free beyond "
                    + Fmt.time(k.landmark())
                    + " (landmark analysis)");
    List<String> own = new ArrayList<>(r.warnings());
    own.removeAll(r.frame().warnings());
    AnalysisOutput out =
        single(
            new Fitters(r.frame(), null, List.of(), true),
            null,
            fit.method() + (r.variance() == null ? "" : "; variance: " + r.variance()),
            terms,
            "HR",
            own,
            sentence);
    out.json().put("dropped_missing", r.droppedMissing());
    if (k.landmark() != null) {
      out.json().put("landmark", k.landmark());
      out.json().put("landmark_excluded", r.landmarkExcluded());
    }
    if (k.weights() != null) {
      out.json().put("weights", k.weights());
    }
    return out;
  }

  /**
   * {@code cox} with {@code firth: true}: Firth's penalised Cox model as {@code thyra cox --firth}
   * ({@link FirthCoxAnalysis}: Breslow ties, profile penalised-likelihood limits and p).
   */
  private AnalysisOutput firthCox(Analysis.Cox k, DataTable t) {
    current = t;
    Formula formula = Formula.parse(k.formula());
    Map<String, String> refs = refs(k, formula.variables());
    FirthCoxReport r =
        FirthCoxAnalysis.run(
            t,
            "the study cohort",
            refs,
            new FirthCoxAnalysis.Request(
                k.formula(), k.confLevel() == null ? 0.95 : k.confLevel()));
    FirthCoxResult fit = r.fit();
    Map<String, Term> terms = new LinkedHashMap<>();
    double[] hr = fit.hazardRatios();
    for (int j = 0; j < hr.length; j++) {
      terms.put(
          fit.names().get(j),
          new Term(hr[j], Math.exp(fit.lower()[j]), Math.exp(fit.upper()[j]), fit.p()[j]));
    }
    List<String> own = new ArrayList<>(r.warnings());
    own.removeAll(r.frame().warnings());
    AnalysisOutput out =
        single(
            new Fitters(r.frame(), null, List.of(), true),
            null,
            fit.method(),
            terms,
            "HR",
            own,
            "A Cox model with Firth's penalised likelihood was fitted (as coxphf: Breslow ties,"
                + " profile penalised-likelihood CIs and likelihood-ratio p)");
    out.json().put("events", fit.events());
    out.json().put("firth", true);
    return out;
  }

  /**
   * {@code cox} with {@code impute: M}: the model on M completed data sets, pooled by Rubin's rules
   * ({@link ImputedModel}, as {@code thyra cox --impute M}).
   */
  AnalysisOutput imputedCox(Analysis.Cox k, DataTable t) {
    Formula formula = Formula.parse(k.formula());
    Map<String, String> refs = refs(k, formula.variables());
    int maxit = k.maxit() == null ? 5 : k.maxit();
    long seed = k.seed() == null ? 1 : k.seed();
    Ties ties = k.ties() == null ? Ties.EFRON : Ties.valueOf(k.ties().toUpperCase(Locale.ROOT));
    double level = k.confLevel() == null ? 0.95 : k.confLevel();
    ImputedModel.Completed c =
        ImputedModel.impute(t, "the study cohort", refs, formula, k.impute(), maxit, seed);
    ImputedModel.Pooled p =
        ImputedModel.pool(
            "the study cohort",
            refs,
            formula,
            c.tables(),
            c.droppedMissing(),
            c.warnings(),
            frame -> ImputedModel.cox(frame, ties, level));
    ObjectNode json = JSON.createObjectNode();
    json.put("n", p.first().n());
    json.put("events", p.first().events());
    json.put("dropped_missing", p.droppedMissing());
    json.put("imputations", k.impute());
    json.put("maxit", maxit);
    json.put("seed", seed);
    ArrayNode missing = json.putArray("imputed_columns");
    MultipleImputation.Result r = c.imputation().result();
    for (int j = 0; j < r.names().size(); j++) {
      ObjectNode o = missing.addObject();
      o.put("column", r.names().get(j));
      o.put("method", r.methods().get(j).name().toLowerCase(Locale.ROOT));
      o.put("missing", r.missing()[j]);
    }
    ArrayNode tj = json.putArray("terms");
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int j = 0; j < p.names().size(); j++) {
      PooledEstimate e = p.pooled().terms().get(j);
      double hr = Math.exp(e.estimate());
      double lo = Math.exp(e.lower(level));
      double hi = Math.exp(e.upper(level));
      ObjectNode o = tj.addObject();
      o.put("term", p.names().get(j));
      num(o, "estimate", e.estimate());
      num(o, "se", e.standardError());
      num(o, "ratio", hr);
      num(o, "lower", lo);
      num(o, "upper", hi);
      num(o, "df", e.df());
      num(o, "p", e.p());
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              p.names().get(j),
              List.of(p.names().get(j), Fmt.ratio(hr, lo, hi), Fmt.p(e.p()), Fmt.f(e.df(), 1))));
    }
    String sentence =
        imputationSentence(
            "as a sensitivity analysis, ",
            r,
            k.impute(),
            maxit,
            seed,
            c.imputation().predictors(),
            "Cox");
    return new AnalysisOutput(
        json,
        table(
            List.of("Term", "HR (95% CI)", "p", "df"),
            rows,
            List.of(
                p.pooled().method()
                    + "; complete-data df = events − coefficients = "
                    + Fmt.time(p.first().dfCom())
                    + " (mice's rule for coxph); CI: pooled estimate ± t(df) · se, exponentiated",
                r.method())),
        sentence,
        p.warnings());
  }

  AnalysisOutput logistic(Analysis.Logistic k, DataTable t) {
    current = t;
    Fitters fs = fitters(k, k.formula(), false, null, k.confLevel(), k.ci());
    int[] all = new int[fs.names().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    boolean firth = Boolean.TRUE.equals(k.firth());
    LogisticResult fit;
    if (firth) {
      // Firth's penalised likelihood, as thyra logistic --firth (brglm2 AS_mean; Wald CIs)
      int[] yb = fs.frame().binaryResponse();
      double[] y = new double[yb.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = yb[i];
      }
      fit =
          FirthLogistic.fit(
                  y,
                  fs.frame().design().columns(),
                  fs.frame().design().columnNames(),
                  fs.frame().design().assign(),
                  k.confLevel() == null ? 0.95 : k.confLevel())
              .result();
    } else {
      fit = (LogisticResult) fs.fitter().fit(all).fit();
    }
    return single(
        fs,
        fit,
        fit.method(),
        terms(fit),
        "OR",
        fit.warnings(),
        firth
            ? "A logistic regression model was fitted by Firth's penalised likelihood (as brglm2,"
                + " AS_mean; Wald CIs)"
            : "A logistic regression model was fitted ("
                + ("profile".equals(k.ci()) ? "profile-likelihood" : "Wald")
                + " CIs)");
  }

  private AnalysisOutput single(
      Fitters fs,
      Object fit,
      String method,
      Map<String, Term> terms,
      String r,
      List<String> w,
      String sentence) {
    ObjectNode json = JSON.createObjectNode();
    json.put("n", fs.frame().n());
    json.put("dropped_missing", fs.frame().droppedMissing());
    ArrayNode tj = json.putArray("terms");
    List<TableLayout.Row> rows = new ArrayList<>();
    terms.forEach(
        (name, tm) -> {
          termJson(tj.addObject(), name, tm);
          rows.add(
              new TableLayout.Row(
                  TableLayout.Kind.VARIABLE,
                  name,
                  List.of(name, Fmt.ratio(tm.ratio(), tm.lower(), tm.upper()), Fmt.p(tm.p()))));
        });
    List<String> warnings = new ArrayList<>(fs.frame().warnings());
    warnings.addAll(w);
    return new AnalysisOutput(
        json,
        table(List.of("Term", r + " (95% CI)", "p"), rows, List.of(method)),
        sentence,
        warnings,
        new ForestFigure(
            List.of(""),
            r,
            labelled(
                ForestFigure.rows(
                    fs.frame(),
                    // a fit's own estimates; without one (weighted, landmark, Firth) the table's
                    List.of(fit == null ? estimates(terms) : ForestFigure.estimates(fit)))),
            FigureSpec.DEFAULT));
  }

  /** The forest plot's estimates: the table's own ratios, limits and p, term by term. */
  private static Map<String, ForestFigure.Estimate> estimates(Map<String, Term> terms) {
    Map<String, ForestFigure.Estimate> m = new LinkedHashMap<>();
    terms.forEach(
        (name, tm) ->
            m.put(name, new ForestFigure.Estimate(tm.ratio(), tm.lower(), tm.upper(), tm.p())));
    return m;
  }

  // ---- roc ---------------------------------------------------------------------------------

  AnalysisOutput roc(Analysis.Roc k, DataTable t) {
    Column outcome = t.column(k.outcome());
    NumericColumn marker = numeric(t, k.marker());
    List<Double> y = new ArrayList<>();
    List<Double> m = new ArrayList<>();
    int dropped = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      int e = outcome.isMissing(r) ? -1 : event(outcome, r);
      if (e < 0 || marker.isMissing(r)) {
        dropped++;
        continue;
      }
      y.add((double) e);
      m.add(marker.value(r));
    }
    RocDirection dir =
        k.direction() == null || "auto".equals(k.direction())
            ? RocDirection.AUTO
            : "<".equals(k.direction())
                ? RocDirection.CONTROLS_LOWER
                : RocDirection.CONTROLS_HIGHER;
    RocCurve c =
        RocCurve.of(
            y.stream().mapToDouble(Double::doubleValue).toArray(),
            m.stream().mapToDouble(Double::doubleValue).toArray(),
            dir);
    double level = k.confLevel() == null ? 0.95 : k.confLevel();
    AucInterval ci = c.aucInterval(level);
    ObjectNode json = JSON.createObjectNode();
    json.put("n_cases", c.nCases());
    json.put("n_controls", c.nControls());
    json.put("direction", c.direction().toString());
    num(json, "auc", ci.auc());
    num(json, "auc_lower", ci.lower());
    num(json, "auc_upper", ci.upper());
    json.put("dropped_missing", dropped);
    ArrayNode best = json.putArray("best");
    List<TableLayout.Row> rows = new ArrayList<>();
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.VARIABLE,
            k.marker(),
            List.of(
                label(k.marker()),
                c.nCases() + " / " + c.nControls(),
                Fmt.f(ci.auc(), 3)
                    + " ("
                    + Fmt.f(ci.lower(), 3)
                    + ", "
                    + Fmt.f(ci.upper(), 3)
                    + ")",
                "",
                "",
                "")));
    for (YoudenThreshold b : c.youdenBest()) {
      ObjectNode bj = best.addObject();
      num(bj, "threshold", b.threshold());
      num(bj, "sensitivity", b.sensitivity());
      num(bj, "specificity", b.specificity());
      num(bj, "youden", b.youden());
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.LEVEL,
              k.marker(),
              List.of(
                  "Youden threshold",
                  "",
                  "",
                  Fmt.f(b.threshold(), 2),
                  Fmt.f(100 * b.sensitivity(), 1),
                  Fmt.f(100 * b.specificity(), 1))));
    }
    return new AnalysisOutput(
        json,
        table(
            List.of(
                "Marker",
                "Cases / controls",
                "AUC (95% CI)",
                "Threshold",
                "Sensitivity, %",
                "Specificity, %"),
            rows,
            List.of(
                "AUC with DeLong "
                    + Fmt.f(100 * level, 0)
                    + "% CI; optimal threshold by Youden's index (midpoint between consecutive marker values), as pROC")),
        "the discrimination of "
            + label(k.marker())
            + " was assessed by the ROC curve (AUC with DeLong confidence interval; threshold by Youden's index, as pROC)",
        List.of(),
        new RocFigure(
            List.of(new RocFigure.Marker(label(k.marker()), c.result(level))),
            // wider than the square default: the legend states AUC, CI and cut-off in one line
            FigureSpec.DEFAULT.withSize(150, 115)));
  }

  // ---- logistic with impute, roc with compare, weight ------------------------------------------

  /**
   * {@code logistic} with {@code impute: M}: the model on M completed data sets, pooled by Rubin's
   * rules (as {@code thyra logistic --impute M}: {@link ImputedAnalysis#logistic}, every
   * coefficient including the intercept, complete-data df = residual df).
   */
  AnalysisOutput imputedLogistic(Analysis.Logistic k, DataTable t) {
    String source = "the study cohort";
    Formula formula = RegressionInput.binaryFormula(source, k.formula(), "logistic");
    if (formula.hasInteractionsOrSplines()) {
      throw new IllegalArgumentException(
          "impute with an interaction or an rcs() spline in the formula is not supported");
    }
    Map<String, String> refs = refs(k, formula.variables());
    int maxit = k.maxit() == null ? 5 : k.maxit();
    long seed = k.seed() == null ? 1 : k.seed();
    double level = k.confLevel() == null ? 0.95 : k.confLevel();
    ImputedModel.Completed c =
        ImputedModel.impute(t, source, refs, formula, k.impute(), maxit, seed);
    PooledModel p =
        ImputedAnalysis.pool(
            source, refs, formula, CompletedData.of(c), ImputedAnalysis::logistic, level);
    PooledTerms pt = p.terms();
    ObjectNode json = JSON.createObjectNode();
    json.put("n", p.first().n());
    json.put("events", p.first().events());
    json.put("dropped_missing", p.droppedMissing());
    json.put("imputations", k.impute());
    json.put("maxit", maxit);
    json.put("seed", seed);
    MultipleImputation.Result r = c.imputation().result();
    ArrayNode missing = json.putArray("imputed_columns");
    for (int j = 0; j < r.names().size(); j++) {
      ObjectNode o = missing.addObject();
      o.put("column", r.names().get(j));
      o.put("method", r.methods().get(j).name().toLowerCase(Locale.ROOT));
      o.put("missing", r.missing()[j]);
    }
    ArrayNode tj = json.putArray("terms");
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int j = 0; j < pt.names().size(); j++) {
      PooledEstimate e = pt.pooled().terms().get(j);
      String name = pt.names().get(j);
      double or = Math.exp(e.estimate());
      double lo = Math.exp(pt.lower(e));
      double hi = Math.exp(pt.upper(e));
      ObjectNode o = tj.addObject();
      o.put("term", name);
      num(o, "estimate", e.estimate());
      num(o, "se", e.standardError());
      num(o, "ratio", or);
      num(o, "lower", lo);
      num(o, "upper", hi);
      num(o, "df", e.df());
      num(o, "p", e.p());
      num(o, "fmi", e.fmi());
      if (!name.equals(ImputedAnalysis.INTERCEPT)) {
        rows.add(
            new TableLayout.Row(
                TableLayout.Kind.VARIABLE,
                name,
                List.of(name, Fmt.ratio(or, lo, hi), Fmt.p(e.p()), Fmt.f(e.df(), 1))));
      }
    }
    String sentence =
        imputationSentence("", r, k.impute(), maxit, seed, c.imputation().predictors(), "logistic");
    return new AnalysisOutput(
        json,
        table(
            List.of("Term", "OR (" + Fmt.f(100 * level, 0) + "% CI)", "p", "df"),
            rows,
            List.of(
                pt.pooled().method()
                    + "; complete-data df = residual df = "
                    + Fmt.time(p.first().dfCom())
                    + " (mice's rule for glm); CI: pooled estimate ± t(df) · se, exponentiated",
                r.method())),
        sentence,
        p.warnings(),
        PooledWriter.forest(p, "OR", FigureSpec.DEFAULT));
  }

  /**
   * {@code roc} with {@code compare}: both markers' ROC curves on the rows where the outcome and
   * both markers are known, and DeLong's paired test of the two AUCs (as {@code thyra roc
   * --compare}, pROC's {@code roc.test(method = "delong", paired = TRUE)}).
   */
  AnalysisOutput rocCompare(Analysis.Roc k, DataTable t) {
    Column outcome = t.column(k.outcome());
    NumericColumn marker = numeric(t, k.marker());
    NumericColumn other = numeric(t, k.compare());
    List<Double> y = new ArrayList<>();
    List<Double> m1 = new ArrayList<>();
    List<Double> m2 = new ArrayList<>();
    int dropped = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      int e = outcome.isMissing(r) ? -1 : event(outcome, r);
      if (e < 0 || marker.isMissing(r) || other.isMissing(r)) {
        dropped++;
        continue;
      }
      y.add((double) e);
      m1.add(marker.value(r));
      m2.add(other.value(r));
    }
    double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
    double[] x1 = m1.stream().mapToDouble(Double::doubleValue).toArray();
    double[] x2 = m2.stream().mapToDouble(Double::doubleValue).toArray();
    RocDirection dir = RocAnalysis.direction(k.direction() == null ? "auto" : k.direction());
    double level = k.confLevel() == null ? 0.95 : k.confLevel();
    RocResult first = RocCurve.of(yy, x1, dir).result(level);
    RocResult second = RocCurve.of(yy, x2, RocDirection.AUTO).result(level);
    DeLongTestResult test = DeLongTest.paired(yy, x1, x2, dir, RocDirection.AUTO, level);
    ObjectNode json = JSON.createObjectNode();
    json.put("n_cases", first.nCases());
    json.put("n_controls", first.nControls());
    json.put("dropped_missing", dropped);
    List<TableLayout.Row> rows = new ArrayList<>();
    ArrayNode markers = json.putArray("markers");
    for (Object[] mk : new Object[][] {{k.marker(), first}, {k.compare(), second}}) {
      String name = (String) mk[0];
      RocResult rr = (RocResult) mk[1];
      ObjectNode o = markers.addObject();
      o.put("marker", name);
      o.put("direction", rr.direction().toString());
      num(o, "auc", rr.auc().auc());
      num(o, "auc_lower", rr.auc().lower());
      num(o, "auc_upper", rr.auc().upper());
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              name,
              List.of(
                  label(name),
                  rr.nCases() + " / " + rr.nControls(),
                  Fmt.f(rr.auc().auc(), 3)
                      + " ("
                      + Fmt.f(rr.auc().lower(), 3)
                      + ", "
                      + Fmt.f(rr.auc().upper(), 3)
                      + ")",
                  "")));
    }
    ObjectNode tj = json.putObject("test");
    num(tj, "difference", test.difference());
    num(tj, "se", test.standardError());
    num(tj, "statistic", test.statistic());
    num(tj, "p", test.p());
    num(tj, "lower", test.lower());
    num(tj, "upper", test.upper());
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.VARIABLE,
            "delong",
            List.of(
                "Difference (DeLong)",
                "",
                Fmt.f(test.difference(), 3)
                    + " ("
                    + Fmt.f(test.lower(), 3)
                    + ", "
                    + Fmt.f(test.upper(), 3)
                    + ")",
                Fmt.p(test.p()))));
    List<String> warnings = new ArrayList<>(first.warnings());
    warnings.addAll(second.warnings());
    warnings.addAll(test.warnings());
    return new AnalysisOutput(
        json,
        table(
            List.of(
                "Marker",
                "Cases / controls",
                "AUC (" + Fmt.f(100 * level, 0) + "% CI)",
                "p (DeLong)"),
            rows,
            List.of(test.method())),
        "the AUCs of "
            + label(k.marker())
            + " and "
            + label(k.compare())
            + " were compared by DeLong's test for two correlated ROC curves (as pROC::roc.test)",
        warnings,
        new RocFigure(
            List.of(
                new RocFigure.Marker(label(k.marker()), first),
                new RocFigure.Marker(label(k.compare()), second)),
            FigureSpec.DEFAULT.withSize(150, 115)));
  }

  /**
   * {@code weight}: inverse probability of treatment weights and the balance before and after (as
   * {@code thyra weight}, {@link IptwAnalysis}). The analysed rows, with the weights in column
   * {@code iptw}, become the cohort of a later analysis with {@code in: ID}.
   */
  AnalysisOutput weight(Analysis.Weight k, DataTable t) {
    IptwAnalysis.Request request =
        new IptwAnalysis.Request(
            k.treatment(),
            k.covariates(),
            k.factor(),
            k.estimand() == null ? "ate" : k.estimand(),
            Boolean.TRUE.equals(k.stabilize()));
    List<String> used = new ArrayList<>(k.covariates());
    used.add(k.treatment());
    Map<String, String> refs = refs(k, used);
    IptwReport r = IptwAnalysis.run(t, "the study cohort", refs, request);
    matched.put(k.id(), weightedCohort(t, r));
    ObjectNode json = IptwWriter.json(r);
    WeightedBalance b = r.balance();
    List<TableLayout.Row> rows = new ArrayList<>();
    for (WeightedBalance.Row row : b.rows()) {
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              row.covariate(),
              List.of(
                  label(row.covariate()), Fmt.f(row.smdBefore(), 3), Fmt.f(row.smdAfter(), 3))));
    }
    String estimand = request.estimand().toUpperCase(Locale.ROOT);
    return new AnalysisOutput(
        json,
        table(
            List.of("Covariate", "SMD before weighting", "SMD after weighting"),
            rows,
            List.of(r.weights().method(), b.method())),
        "inverse probability of treatment weights for the "
            + estimand
            + (request.stabilized() ? " (stabilised)" : "")
            + " were computed from a logistic propensity model of "
            + label(k.treatment())
            + " on "
            + String.join(", ", k.covariates().stream().map(this::label).toList())
            + ", and balance was assessed by standardised mean differences before and after"
            + " weighting",
        r.warnings());
  }

  /** The rows {@code r} analysed, every column of {@code t}, plus their weights as {@code iptw}. */
  private static DataTable weightedCohort(DataTable t, IptwReport r) {
    int[] rows1 = r.frame().rows();
    int[] rows0 = new int[rows1.length];
    for (int i = 0; i < rows0.length; i++) {
      rows0[i] = rows1[i] - 1;
    }
    DataTable kept = org.thyra.studies.cohort.Cohort.subset(t, rows0);
    List<Column> cols = new ArrayList<>();
    for (String name : kept.columnNames()) {
      if (!name.equals("iptw")) {
        cols.add(kept.column(name));
      }
    }
    cols.add(NumericColumn.of("iptw", r.weights().weights()));
    return DataTable.of(t.source(), cols);
  }

  // ---- table 1 -------------------------------------------------------------------------------

  AnalysisOutput table1(Analysis.Table1 k, DataTable t) {
    Column by = k.by() == null ? null : t.column(k.by());
    List<String> groups = by == null ? List.of() : levels(k.by(), by);
    double[] g = new double[t.rowCount()];
    for (int r = 0; r < g.length; r++) {
      g[r] = by == null || by.isMissing(r) ? Double.NaN : groups.indexOf(by.text(r));
    }
    TablePreset preset =
        "gtsummary".equals(k.preset()) ? TablePreset.GTSUMMARY : TablePreset.TABLEONE;
    List<String> header =
        new ArrayList<>(List.of("Characteristic", "Overall (n = " + t.rowCount() + ")"));
    for (int j = 0; j < groups.size(); j++) {
      int n = 0;
      for (double v : g) {
        if (v == j) {
          n++;
        }
      }
      header.add(groups.get(j) + " (n = " + n + ")");
    }
    if (by != null) {
      header.add("p");
    }
    List<TableLayout.Row> rows = new ArrayList<>();
    ObjectNode json = JSON.createObjectNode();
    json.put("by", k.by());
    ArrayNode vars = json.putArray("variables");
    TreeSet<String> tests = new TreeSet<>();
    for (String var : k.vars()) {
      Column c = t.column(var);
      boolean categorical = c instanceof CategoricalColumn || k.factor().contains(var);
      ObjectNode vj = vars.addObject();
      vj.put("variable", var);
      if (!categorical) {
        boolean nonNormal = k.nonnormal().contains(var);
        double[] x = ((NumericColumn) c).toArray();
        List<String> cells = new ArrayList<>();
        cells.add(label(var) + (nonNormal ? ", median (Q1, Q3)" : ", mean ± SD"));
        cells.add(summary(NumericSummary.of(x), nonNormal));
        for (int j = 0; j < groups.size(); j++) {
          cells.add(summary(NumericSummary.of(pick(x, g, j)), nonNormal));
        }
        vj.put("type", "numeric");
        if (by != null) {
          GroupTest test = GroupComparison.numeric(x, g, preset, nonNormal);
          cells.add(Fmt.p(test.p()));
          vj.put("test", test.test());
          num(vj, "p", test.p());
          tests.add(test.method());
        }
        rows.add(new TableLayout.Row(TableLayout.Kind.VARIABLE, var, cells));
        missingRow(rows, vj, var, c, g, groups, by != null);
      } else {
        List<String> lv = levels(var, c);
        double[] x = new double[t.rowCount()];
        for (int r = 0; r < x.length; r++) {
          x[r] = c.isMissing(r) ? Double.NaN : lv.indexOf(c.text(r));
        }
        List<String> cells = new ArrayList<>();
        cells.add(label(var) + ", n (%)");
        for (int j = 0; j <= groups.size(); j++) {
          cells.add("");
        }
        vj.put("type", "categorical");
        if (by != null) {
          GroupTest test = GroupComparison.categorical(x, g, preset, k.exact().contains(var));
          cells.add(Fmt.p(test.p()));
          vj.put("test", test.test());
          num(vj, "p", test.p());
          tests.add(test.method());
        }
        rows.add(new TableLayout.Row(TableLayout.Kind.VARIABLE, var, cells));
        double[] codes = new double[lv.size()];
        for (int i = 0; i < codes.length; i++) {
          codes[i] = i;
        }
        CategoricalSummary all = CategoricalSummary.of(x, codes);
        List<CategoricalSummary> per = new ArrayList<>();
        for (int j = 0; j < groups.size(); j++) {
          per.add(CategoricalSummary.of(pick(x, g, j), codes));
        }
        ArrayNode lj = vj.putArray("levels");
        for (int i = 0; i < lv.size(); i++) {
          List<String> lc = new ArrayList<>();
          lc.add(lv.get(i));
          lc.add(all.counts()[i] + " (" + Fmt.f(all.percent()[i], 1) + ")");
          ObjectNode l = lj.addObject();
          l.put("level", lv.get(i));
          l.put("overall", all.counts()[i]);
          ObjectNode gj = l.putObject("groups");
          for (int j = 0; j < groups.size(); j++) {
            CategoricalSummary s = per.get(j);
            lc.add(s.counts()[i] + " (" + Fmt.f(s.percent()[i], 1) + ")");
            gj.put(groups.get(j), s.counts()[i]);
          }
          if (by != null) {
            lc.add("");
          }
          rows.add(new TableLayout.Row(TableLayout.Kind.LEVEL, var, lc));
        }
        missingRow(rows, vj, var, c, g, groups, by != null);
      }
    }
    List<String> notes = new ArrayList<>(tests);
    if (rows.stream().anyMatch(r -> r.kind() == TableLayout.Kind.MISSING)) {
      notes.add(
          "Missing: patients with no value recorded (n), as gtsummary's Unknown row; summaries,"
              + " percentages and tests use the patients with a value.");
    }
    return new AnalysisOutput(
        json,
        table(header, rows, notes),
        "Characteristics are given as mean ± SD or median (Q1, Q3) and n (%), and compared between groups with "
            + (preset == TablePreset.TABLEONE
                ? "ANOVA (t-test for two groups) or the Kruskal–Wallis test for skewed variables and Pearson's χ² test (Fisher's exact test where stated), as R's tableone"
                : "the Wilcoxon rank-sum / Kruskal–Wallis test and Pearson's χ² or Fisher's exact test, as R's gtsummary"),
        List.of());
  }

  /**
   * The variable's "Missing" row (counts overall and per group, as gtsummary's "Unknown"), only
   * when some value is missing; its counts also go into results.json.
   */
  private static void missingRow(
      List<TableLayout.Row> rows,
      ObjectNode vj,
      String var,
      Column c,
      double[] g,
      List<String> groups,
      boolean test) {
    int all = 0;
    int[] per = new int[groups.size()];
    for (int r = 0; r < c.size(); r++) {
      if (c.isMissing(r)) {
        all++;
        if (!Double.isNaN(g[r])) {
          per[(int) g[r]]++;
        }
      }
    }
    ObjectNode mj = vj.putObject("missing");
    mj.put("overall", all);
    ObjectNode gj = mj.putObject("groups");
    for (int j = 0; j < groups.size(); j++) {
      gj.put(groups.get(j), per[j]);
    }
    if (all == 0) {
      return;
    }
    List<String> cells = new ArrayList<>();
    cells.add("Missing");
    cells.add(Integer.toString(all));
    for (int n : per) {
      cells.add(Integer.toString(n));
    }
    if (test) {
      cells.add("");
    }
    rows.add(new TableLayout.Row(TableLayout.Kind.MISSING, var, cells));
  }

  private static String summary(NumericSummary s, boolean nonNormal) {
    return nonNormal
        ? Fmt.f(s.median(), 1) + " (" + Fmt.f(s.q1(), 1) + ", " + Fmt.f(s.q3(), 1) + ")"
        : Fmt.f(s.mean(), 2) + " ± " + Fmt.f(s.sd(), 2);
  }

  private static double[] pick(double[] x, double[] g, int j) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (g[i] == j) {
        out.add(x[i]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  // ---- helpers -------------------------------------------------------------------------------

  // ---- concordance, competing risks, RMST ----------------------------------------------------

  /**
   * The reference levels of the columns an analysis models: the protocol's variables give levels
   * for every column, and a model frame refuses one for a column it does not use.
   */
  private Map<String, String> refs(Analysis a, java.util.Collection<String> columns) {
    Map<String, String> m = new LinkedHashMap<>(refs(a));
    m.keySet().retainAll(columns);
    return m;
  }

  AnalysisOutput concordance(Analysis.Concordance k, DataTable t) {
    ConcordanceAnalysis.Report r =
        ConcordanceAnalysis.run(
            t,
            "the study cohort",
            new ConcordanceAnalysis.Request(
                k.time(), k.event(), k.predictor(), Boolean.TRUE.equals(k.reverse())));
    double[] ci = r.interval(0.95);
    // every number as thyra concordance prints it, and the interval the table shows
    ObjectNode json =
        new ConcordanceWriter(r).json(r.frame(), r.result(), r.events(), r.warnings());
    num(json, "lower", ci[0]);
    num(json, "upper", ci[1]);
    List<TableLayout.Row> rows =
        List.of(
            new TableLayout.Row(
                TableLayout.Kind.VARIABLE,
                k.predictor(),
                List.of(
                    label(k.predictor()),
                    Integer.toString(r.frame().n()),
                    Integer.toString(r.events()),
                    Fmt.f(r.result().c(), 3)
                        + " ("
                        + Fmt.f(ci[0], 3)
                        + ", "
                        + Fmt.f(ci[1], 3)
                        + ")",
                    Fmt.f(r.result().se(), 3))));
    return new AnalysisOutput(
        json,
        table(
            List.of("Predictor", "n", "Events", "C (95% CI)", "SE"),
            rows,
            List.of(r.method(), ConcordanceAnalysis.Report.INTERVAL)),
        "discrimination was measured by Harrell's C (survival::concordance) with an infinitesimal"
            + " jackknife standard error and a normal-approximation 95% confidence interval",
        r.warnings());
  }

  AnalysisOutput cuminc(Analysis.Cuminc k, DataTable t) {
    CumincReport r =
        CumincAnalysis.run(
            t,
            "the study cohort",
            refs(k, java.util.Arrays.asList(k.group(), k.strata())),
            new CumincAnalysis.Request(
                k.time(),
                k.event(),
                k.censorCode() == null ? "0" : k.censorCode(),
                k.group(),
                k.strata(),
                k.rho() == null ? 0 : k.rho(),
                k.at(),
                k.confLevel() == null ? 0.95 : k.confLevel()));
    double level = r.request().confLevel();
    String pct = Fmt.f(100 * level, 0) + "% CI";
    // every number as thyra cuminc prints it (same keys, same values)
    ObjectNode json = CumincWriter.json(r);
    List<String> header = new ArrayList<>();
    if (k.group() != null) {
      header.add(label(k.group()));
    }
    header.addAll(List.of("Cause", "n", "Events"));
    for (double at : k.at()) {
      header.add(Fmt.time(at) + " months, % (" + pct + ")");
    }
    header.add("Gray's test p");
    List<TableLayout.Row> rows = new ArrayList<>();
    List<IncidenceFigure.Series> series = new ArrayList<>();
    List<String> grayNotes = new ArrayList<>();
    for (int c = 0; c < r.curves().size(); c++) {
      String cause = r.data().causes().get(c);
      String name = causeName(k.event(), cause);
      GrayTestResult gray = r.gray().get(c);
      boolean first = true;
      for (int g : r.present()) {
        IncidenceCurve curve = r.curves().get(c).get(g);
        String level0 = r.levels().get(g);
        List<String> cells = new ArrayList<>();
        if (k.group() != null) {
          cells.add(level0);
        }
        cells.addAll(
            List.of(
                name == null ? "Cause " + cause : name + " (cause " + cause + ")",
                Integer.toString(curve.n()),
                Integer.toString(curve.events())));
        for (double at : k.at()) {
          double e = curve.estimateAt(at);
          if (Double.isNaN(e)) {
            cells.add("—");
            continue;
          }
          double v = curve.varianceAt(at);
          double[] ci = r.interval(e, v);
          cells.add(Fmt.percent(e, ci[0], ci[1]));
        }
        cells.add(first && gray != null ? Fmt.p(gray.p()) : "");
        first = false;
        rows.add(new TableLayout.Row(TableLayout.Kind.LEVEL, "group", cells));
        series.add(
            new IncidenceFigure.Series(
                (k.group() == null ? "" : level0 + ": ") + (name == null ? "cause " + cause : name),
                curve,
                r.present().indexOf(g),
                c));
      }
      if (gray != null) {
        grayNotes.add(
            (name == null ? "cause " + cause : name)
                + ": Gray's test "
                + PValues.equation(gray.p()));
      }
    }
    IncidenceFigure figure =
        new IncidenceFigure(
            series,
            timeTitle(k.time()),
            grayNotes.isEmpty() ? null : String.join("; ", grayNotes),
            FigureSpec.DEFAULT.withSize(170, 110));
    return new AnalysisOutput(
        json,
        table(header, rows, List.of(r.method())),
        "cumulative incidence of each competing event was estimated by the Aalen–Johansen method"
            + " with Gray's variance and log(−log) "
            + Fmt.f(100 * level, 0)
            + "% confidence intervals (cmprsk::cuminc)"
            + (r.present().size() > 1 ? ", and groups were compared with Gray's test" : ""),
        r.warnings(),
        figure);
  }

  AnalysisOutput crr(Analysis.Crr k, DataTable t) {
    CrrReport r =
        CrrAnalysis.run(
            t,
            "the study cohort",
            refs(k, Formula.parse(k.formula()).variables()),
            new CrrAnalysis.Request(
                k.formula(),
                k.cause() == null ? "1" : k.cause(),
                k.censorCode() == null ? "0" : k.censorCode(),
                k.confLevel() == null ? 0.95 : k.confLevel()));
    FineGrayFit fit = r.fit();
    String pct = Fmt.f(100 * r.request().confLevel(), 0) + "% CI";
    ObjectNode json = CrrWriter.json(r);
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int j = 0; j < fit.names().size(); j++) {
      String name = fit.names().get(j);
      double b = fit.coefficients()[j];
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              name,
              List.of(
                  name,
                  Fmt.ratio(Math.exp(b), fit.lower()[j], fit.upper()[j]),
                  Fmt.p(fit.p()[j]))));
    }
    return new AnalysisOutput(
        json,
        table(List.of("Term", "SHR (" + pct + ")", "p"), rows, List.of(r.method())),
        "the subdistribution hazard of cause "
            + r.cause()
            + " was modelled by Fine–Gray regression with sandwich variance (cmprsk::crr)",
        r.warnings());
  }

  AnalysisOutput rmst(Analysis.Rmst k, DataTable t) {
    RmstReport r =
        RmstAnalysis.run(
            t,
            "the study cohort",
            refs(k, java.util.Collections.singletonList(k.group())),
            new RmstAnalysis.Request(
                k.time(),
                k.event(),
                k.group(),
                k.tau() == null ? Double.NaN : k.tau(),
                k.confLevel() == null ? 0.95 : k.confLevel()));
    GroupedSurvival data = r.data();
    ObjectNode json = RmstWriter.json(r);
    List<TableLayout.Row> rows = new ArrayList<>();
    String pct = Fmt.f(100 * r.request().confLevel(), 0) + "% CI";
    for (int g = 0; g < r.groups().size(); g++) {
      RestrictedMeanResult m = r.groups().get(g);
      String level0 = data.groupLevels().get(g);
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.LEVEL,
              "group",
              List.of(
                  k.group() == null ? "All" : level0,
                  Integer.toString(m.n()),
                  Integer.toString(m.events()),
                  Fmt.f(m.rmst(), 1)
                      + " ("
                      + Fmt.f(m.lower(), 1)
                      + ", "
                      + Fmt.f(m.upper(), 1)
                      + ")",
                  "",
                  "")));
    }
    for (int g = 0; g < r.comparisons().size(); g++) {
      RestrictedMeanComparison c = r.comparisons().get(g);
      String vs = data.groupLevels().get(g + 1) + " vs " + data.groupLevels().get(0);
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.VARIABLE,
              "comparison",
              List.of(
                  vs,
                  "",
                  "",
                  "",
                  Fmt.f(c.difference(), 1)
                      + " ("
                      + Fmt.f(c.differenceLower(), 1)
                      + ", "
                      + Fmt.f(c.differenceUpper(), 1)
                      + "), p "
                      + Fmt.p(c.differenceP()),
                  Fmt.ratio(c.ratio(), c.ratioLower(), c.ratioUpper())
                      + ", p "
                      + Fmt.p(c.ratioP()))));
    }
    String tau = Fmt.time(r.request().tau());
    return new AnalysisOutput(
        json,
        table(
            List.of(
                k.group() == null ? "" : label(k.group()),
                "n",
                "Events",
                "RMST to " + tau + " (" + pct + ")",
                "Difference (" + pct + ")",
                "Ratio (" + pct + ")"),
            rows,
            List.of(r.method())),
        "restricted mean survival time up to "
            + tau
            + " was estimated as the area under the Kaplan–Meier curve (survfit(rmean = tau)), and"
            + " groups were compared by its difference and ratio (survRM2::rmst2)",
        r.warnings());
  }

  static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static TableLayout table(
      List<String> header, List<TableLayout.Row> rows, List<String> notes) {
    return new TableLayout("", header, rows, notes.stream().map(Fmt::readable).toList());
  }
}
