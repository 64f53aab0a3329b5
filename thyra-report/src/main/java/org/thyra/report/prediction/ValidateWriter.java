package org.thyra.report.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.prediction.RiskGroupAnalysis;
import org.thyra.analysis.prediction.ValidateAnalysis;
import org.thyra.analysis.prediction.ValidateAnalysis.HorizonCalibration;
import org.thyra.analysis.prediction.ValidateAnalysis.LogisticSummary;
import org.thyra.analysis.prediction.ValidateAnalysis.SetSummary;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.report.figure.CalibrationFigure;
import org.thyra.report.figure.Figure;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.KmFigure;
import org.thyra.report.figure.PanelFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.prediction.CalibrationValidationGroup;
import org.thyra.stats.prediction.CalibrationValidationResult;
import org.thyra.stats.prediction.HosmerLemeshowResult;
import org.thyra.stats.prediction.KmCalibrationGroup;
import org.thyra.stats.prediction.KmCalibrationResult;
import org.thyra.stats.prediction.ValidationIndex;

/**
 * {@code thyra validate}'s report in text (as rms's print of validate / calibrate), JSON and CSV
 * (long format), and its figure (calibration panels, then the risk groups' Kaplan–Meier curves).
 */
public final class ValidateWriter {
  private final ValidateAnalysis.Report report;

  public ValidateWriter(ValidateAnalysis.Report report) {
    this.report = report;
  }

  /** Writes the report in one format. */
  public void write(OutputFormat format, PrintStream out) throws IOException {
    switch (format) {
      case JSON -> Json.write(json(), out);
      case CSV -> csv().print(out);
      default -> text(out);
    }
  }

  /**
   * The figure: one calibration panel per horizon (Cox, as plot(rms::calibrate)) or per set
   * (logistic), then the Kaplan–Meier curves of the risk groups in each set, lettered A, B, C.
   */
  public Figure figure(FigureSpec spec) {
    ValidateAnalysis.Report r = report;
    // one panel takes the requested size; several share it (PanelFigure.cell), lettered A, B, C
    int logisticSets = 0;
    for (SetSummary set : java.util.Arrays.asList(r.development(), r.validationSet())) {
      if (set != null && set.logistic() != null && set.logistic().hl() != null) {
        logisticSets++;
      }
    }
    int count =
        (r.calibration() == null ? 0 : r.calibration().size())
            + logisticSets
            + (r.risk() == null ? 0 : r.risk().sets().size());
    int columns = Math.min(3, Math.max(1, count));
    FigureSpec panel = count <= 1 ? spec : PanelFigure.cell(spec, count, columns);
    List<Figure> panels = new ArrayList<>();
    for (HorizonCalibration h :
        r.calibration() == null ? List.<HorizonCalibration>of() : r.calibration()) {
      panels.add(
          CalibrationFigure.cox(
              spec.timeUnit().horizon(h.horizon()), h.apparent(), h.boot(), panel));
    }
    for (SetSummary set : java.util.Arrays.asList(r.development(), r.validationSet())) {
      if (set != null && set.logistic() != null && set.logistic().hl() != null) {
        LogisticSummary l = set.logistic();
        panels.add(
            CalibrationFigure.logistic(
                capitalised(set.name()) + " set", l.hl(), l.intercept(), l.slope(), panel));
      }
    }
    if (r.risk() != null) {
      String time =
          r.full().formula().response() instanceof SurvivalResponse sr ? sr.time() : "time";
      for (RiskGroupAnalysis.SetResult set : r.risk().sets()) {
        List<KmFigure.Series> series = new ArrayList<>();
        for (int g = 0; g < set.curves().size(); g++) {
          series.add(
              new KmFigure.Series(RiskGroupAnalysis.GROUPS[g] + " risk", set.curves().get(g)));
        }
        KmFigure.Builder b =
            KmFigure.builder(series)
                .style(spec.style())
                .size(panel.width(110), panel.height(95))
                .xTitle(spec.timeUnit().axisTitle(time))
                .legendTitle(capitalised(set.name()) + " set");
        if (set.logRank() != null) {
          b.test(set.logRank());
        }
        panels.add(b.build());
      }
    }
    if (panels.isEmpty()) {
      throw new IllegalArgumentException(
          "validate --figure draws calibration (--horizon, or a logistic model) or risk groups;"
              + " this run computed neither");
    }
    if (panels.size() == 1) {
      return panels.get(0);
    }
    return new PanelFigure(panels, columns, spec);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The JSON of SPEC §5. */
  public ObjectNode json() {
    ValidateAnalysis.Report r = report;
    ObjectNode root = Json.object();
    root.put("analysis", "validate");
    root.put("data", r.source());
    root.put("formula", r.dev().formula().toString());
    root.put("model", r.cox() ? "cox" : "logistic");
    if (r.cox()) {
      root.put("event_coding", r.dev().eventCoding().description());
    } else {
      root.put("outcome_coding", r.dev().binaryResponseCoding());
    }
    root.put("n", r.dev().n());
    root.put("events", r.events());
    root.put("dropped_missing", r.full().droppedMissing());
    root.set("method", method(r));
    root.set("warnings", Json.strings(r.warnings()));
    if (r.validation() != null) {
      ArrayNode idx = root.putArray("indexes");
      ObjectNode apparent = Json.object();
      ObjectNode optimism = Json.object();
      ObjectNode corrected = Json.object();
      for (ValidationIndex v : r.validation().indexes()) {
        ObjectNode o = idx.addObject();
        o.put("index", v.name());
        o.set("apparent", Json.number(v.apparent()));
        o.set("training", Json.number(v.training()));
        o.set("test", Json.number(v.test()));
        o.set("optimism", Json.number(v.optimism()));
        o.set("corrected", Json.number(v.corrected()));
        o.set("optimism_se", Json.number(v.optimismSe()));
        o.put("n_replicates", r.validation().successful());
        apparent.set(v.name(), Json.number(v.apparent()));
        optimism.set(v.name(), Json.number(v.optimism()));
        corrected.set(v.name(), Json.number(v.corrected()));
      }
      root.set("apparent", apparent);
      root.set("optimism", optimism);
      root.set("corrected", corrected);
    } else if (r.apparentOnly() != null) {
      // SPEC's `apparent` without resampling; no `indexes` rows, which carry the bootstrap's
      // columns
      ObjectNode apparent = root.putObject("apparent");
      r.apparentOnly().forEach((name, value) -> apparent.set(name, Json.number(value)));
    }
    if (r.cox()) {
      ArrayNode cal = root.putArray("calibration");
      for (HorizonCalibration h : r.calibration()) {
        cal.add(calibrationJson(h.apparent(), h.boot()));
      }
    } else if (r.validationSet() == null && r.development() != null) {
      root.set("calibration", logisticJson(r.development().logistic()));
    }
    if (r.split() != null) {
      ObjectNode s = root.putObject("split");
      s.put("fraction", r.split().fraction());
      s.put("seed", r.split().seed());
      s.put(
          "method",
          r.split().method()
              + "; over the rows without missing values, numbered as in the data file");
      s.set("development_rows", ints(r.dev().rows()));
      s.set("validation_rows", ints(r.val().rows()));
      // the rest of the file: rows left out of both parts for a missing value, so every row is
      // accounted for
      s.set("rows_with_missing", ints(r.rowsWithMissing()));
    } else if (r.val() != null) {
      ObjectNode s = root.putObject("external");
      s.put("validation_data", r.valSource());
      s.set("validation_rows", ints(r.val().rows()));
    }
    if (r.val() != null) {
      root.set("development", setJson(r.development(), r.cox()));
      root.set("validation", setJson(r.validationSet(), r.cox()));
    }
    if (r.risk() != null) {
      root.set("risk_groups", RiskGroupWriter.json(r.risk()));
    }
    return root;
  }

  private static ObjectNode method(ValidateAnalysis.Report r) {
    String ties = r.ties().name().toLowerCase(Locale.ROOT);
    int bootstrap = r.request().bootstrap();
    String riskGroups = r.request().riskGroups();
    ObjectNode m = Json.object();
    m.put(
        "model",
        r.cox()
            ? "Cox proportional hazards (" + ties + " ties), unstratified"
            : "logistic regression (glm binomial, logit link)");
    if (r.cox()) {
      m.put("ties", ties);
    }
    m.put(
        "resampling",
        bootstrap > 0
            ? "optimism bootstrap (Efron-Gong) as rms::validate, method = \"boot\""
            : "none");
    if (bootstrap > 0 && r.cox()) {
      m.put(
          "replicate_fits",
          "Newton-Raphson from the original coefficients, converged as rms's replicate fits"
              + " (eps = 1e-4, at most 10 iterations); the original fit as coxph (eps = 1e-9)");
    }
    m.put("B", bootstrap);
    m.put("seed", r.request().seed());
    if (r.validation() != null) {
      m.put("successful_replicates", r.validation().successful());
      m.put("description", r.validation().method());
    }
    m.put(
        "replicate_seeds",
        "replicate b uses its own XO_RO_SHI_RO_128_PP generator seeded by the b-th value of"
            + " XO_RO_SHI_RO_128_PP(seed): results do not depend on --threads");
    m.put(
        "bootstrap_data",
        r.val() == null
            ? "all rows"
            : r.split() != null ? "development part of the split" : "development data (--data)");
    if (r.cox()) {
      m.put(
          "indexes",
          "Dxy = 2 (C - 1/2) with C Harrell's concordance of the linear predictor (larger = shorter"
              + " survival); Slope = Cox coefficient of the bootstrap model's linear predictor on the original data");
      m.put(
          "calibration",
          "predicted survival at each horizon (Breslow/Efron baseline, survfit.coxph) vs Kaplan-Meier"
              + " in groups of about group_size by quantiles of the prediction, as rms::calibrate(cmethod = \"KM\", u, m, B);"
              + " corrected = KM - mean optimism (KM.corrected)");
      m.put("group_size", r.groupSize());
      m.set("horizons", doubles(r.horizons()));
    } else {
      m.put(
          "indexes",
          "Dxy = 2 (AUC - 1/2); Intercept and Slope of logit P(y) = a + b lp (rms::val.prob)");
      m.put(
          "calibration",
          "calibration intercept / slope as rms::val.prob, Brier score, Hosmer-Lemeshow with g = "
              + ValidateAnalysis.HL_GROUPS
              + " groups at the type-7 quantiles of p (ResourceSelection::hoslem.test): df = g - 2 on the"
              + " data the model was fitted on, df = g on validation data (Hosmer, Lemeshow & Sturdivant 2013, 5.5)");
    }
    if (r.val() != null) {
      m.put(
          "validation",
          r.split() != null
              ? "split sample: model fitted on the development part, applied unchanged to"
                  + " the validation part"
              : "external: model fitted on --data, applied unchanged to --validate-on, coded with the"
                  + " development levels");
      m.put(
          "concordance",
          r.cox()
              ? "Harrell's C of the linear predictor as survival::concordance(reverse = TRUE),"
                  + " SE by infinitesimal jackknife, normal CI c +/- z se"
              : "AUC of the linear predictor with DeLong variance"
                  + " and CI clipped to [0, 1] (pROC, direction \"<\")");
      m.put("conf_level", r.confLevel());
    }
    if (riskGroups != null) {
      m.put(
          "risk_groups",
          "cut-off on the development "
              + (riskGroups.equals("lp")
                  ? "linear predictor (centred at the development means, as predict.coxph)"
                  : "nomogram total points (rms::nomogram scale, a linear map of the linear predictor)")
              + " by maxstat.test(smethod = \"LogRank\", minprop = 0.1, maxprop = 0.9); Kaplan-Meier (log CI) and"
              + " log-rank (survdiff) per set");
    }
    m.put(
        "missing",
        "rows with a missing value in a model variable are dropped and counted, in each data set");
    return m;
  }

  private static ObjectNode calibrationJson(
      KmCalibrationResult a, CalibrationValidationResult boot) {
    ObjectNode h = Json.object();
    h.put("horizon", a.horizon());
    h.put("group_size", a.groupSize());
    if (boot != null) {
      h.put("n_replicates", boot.successful());
    }
    ArrayNode groups = h.putArray("groups");
    for (int k = 0; k < a.groups().size(); k++) {
      KmCalibrationGroup g = a.groups().get(k);
      ObjectNode o = groups.addObject();
      o.set("mean_predicted", Json.number(g.meanPredicted()));
      o.set("observed_km", Json.number(g.observed()));
      o.set("observed_se", Json.number(g.seLog()));
      o.put("n", g.n());
      o.put("events", g.events());
      o.set("apparent", Json.number(g.observed() - g.meanPredicted()));
      if (boot != null) {
        CalibrationValidationGroup b = boot.groups().get(k);
        o.set("optimism", Json.number(b.optimism()));
        o.set("corrected", Json.number(b.corrected()));
        o.set("optimism_se", Json.number(b.optimismSe()));
        o.put("n_replicates", b.replicates());
      }
    }
    return h;
  }

  private static ObjectNode logisticJson(LogisticSummary l) {
    ObjectNode o = Json.object();
    if (l == null) {
      return o;
    }
    o.set("intercept", Json.number(l.intercept()));
    o.set("slope", Json.number(l.slope()));
    o.set("dxy", Json.number(l.dxy()));
    o.set("c", Json.number(l.c()));
    o.set("brier", Json.number(l.brier()));
    if (l.hl() == null) {
      o.putNull("hosmer_lemeshow");
    } else {
      HosmerLemeshowResult hl = l.hl();
      ObjectNode h = o.putObject("hosmer_lemeshow");
      h.set("statistic", Json.number(hl.statistic()));
      h.put("df", hl.df());
      h.set("p", Json.number(hl.p()));
      h.put("groups", hl.groups());
      h.set("sizes", ints(hl.sizes()));
      h.set("observed", doubles(hl.observed()));
      h.set("expected", doubles(hl.expected()));
    }
    return o;
  }

  private ObjectNode setJson(SetSummary s, boolean cox) {
    double confLevel = report.confLevel();
    ObjectNode o = Json.object();
    o.put("n", s.n());
    o.put("events", s.events());
    o.put("dropped_missing", s.droppedMissing());
    ObjectNode c = o.putObject("concordance");
    c.put("statistic", cox ? "C" : "AUC");
    c.set("c", Json.number(s.c()));
    c.set("se", Json.number(s.se()));
    c.set("lower", Json.number(s.lower()));
    c.set("upper", Json.number(s.upper()));
    c.put("conf_level", confLevel);
    if (cox) {
      if (s.coxSlope() == null) {
        o.putNull("calibration_slope");
      } else {
        o.set("calibration_slope", Json.number(s.coxSlope()));
      }
      if (!s.calibration().isEmpty()) {
        ArrayNode cal = o.putArray("calibration");
        for (KmCalibrationResult k : s.calibration()) {
          cal.add(calibrationJson(k, null));
        }
      }
    } else if (s.logistic() != null) {
      o.set("calibration", logisticJson(s.logistic()));
    }
    return o;
  }

  private static ArrayNode ints(int[] v) {
    ArrayNode a = Json.array();
    for (int x : v) {
      a.add(x);
    }
    return a;
  }

  private static ArrayNode doubles(double[] v) {
    ArrayNode a = Json.array();
    for (double x : v) {
      a.add(Json.number(x));
    }
    return a;
  }

  private static ArrayNode doubles(List<Double> v) {
    ArrayNode a = Json.array();
    for (double x : v) {
      a.add(Json.number(x));
    }
    return a;
  }

  /** Long format: one row per number (section, set, name, horizon, group, value). */
  private CsvTable csv() {
    ValidateAnalysis.Report r = report;
    CsvTable t = new CsvTable(List.of("section", "set", "statistic", "horizon", "group", "value"));
    String whole = r.val() == null ? "data" : "development";
    if (r.validation() != null) {
      for (ValidationIndex v : r.validation().indexes()) {
        t.row(List.of("index", whole, v.name() + ".apparent", "", "", Numbers.full(v.apparent())));
        t.row(List.of("index", whole, v.name() + ".optimism", "", "", Numbers.full(v.optimism())));
        t.row(
            List.of("index", whole, v.name() + ".corrected", "", "", Numbers.full(v.corrected())));
      }
    } else if (r.apparentOnly() != null) {
      r.apparentOnly()
          .forEach(
              (name, value) ->
                  t.row(List.of("index", whole, name + ".apparent", "", "", Numbers.full(value))));
    }
    for (HorizonCalibration h : r.calibration()) {
      calibrationCsv(t, whole, h.apparent(), h.boot());
    }
    for (SetSummary s : new SetSummary[] {r.development(), r.validationSet()}) {
      if (s == null) {
        continue;
      }
      String set = r.val() == null ? "data" : s.name();
      if (r.val() != null) {
        t.row(List.of("concordance", set, "c", "", "", Numbers.full(s.c())));
        t.row(List.of("concordance", set, "se", "", "", Numbers.full(s.se())));
        t.row(List.of("concordance", set, "lower", "", "", Numbers.full(s.lower())));
        t.row(List.of("concordance", set, "upper", "", "", Numbers.full(s.upper())));
      }
      if (s.coxSlope() != null) {
        t.row(List.of("calibration", set, "slope", "", "", Numbers.full(s.coxSlope())));
      }
      for (KmCalibrationResult k : s.calibration()) {
        calibrationCsv(t, set, k, null);
      }
      LogisticSummary l = s.logistic();
      if (l != null) {
        t.row(List.of("calibration", set, "intercept", "", "", Numbers.full(l.intercept())));
        t.row(List.of("calibration", set, "slope", "", "", Numbers.full(l.slope())));
        t.row(List.of("calibration", set, "dxy", "", "", Numbers.full(l.dxy())));
        t.row(List.of("calibration", set, "c", "", "", Numbers.full(l.c())));
        t.row(List.of("calibration", set, "brier", "", "", Numbers.full(l.brier())));
        if (l.hl() != null) {
          t.row(
              List.of(
                  "calibration",
                  set,
                  "hosmer_lemeshow.statistic",
                  "",
                  "",
                  Numbers.full(l.hl().statistic())));
          t.row(
              List.of(
                  "calibration", set, "hosmer_lemeshow.df", "", "", Integer.toString(l.hl().df())));
          t.row(List.of("calibration", set, "hosmer_lemeshow.p", "", "", Numbers.full(l.hl().p())));
        }
      }
    }
    if (r.risk() != null) {
      t.row(
          List.of(
              "risk_groups",
              "development",
              "cutpoint",
              "",
              "",
              Numbers.full(r.risk().cut().cutpoint())));
      for (RiskGroupAnalysis.SetResult s : r.risk().sets()) {
        t.row(
            List.of(
                "risk_groups", s.name(), "n", "", "low", Integer.toString(s.assignment().nLow())));
        t.row(
            List.of(
                "risk_groups",
                s.name(),
                "n",
                "",
                "high",
                Integer.toString(s.assignment().nHigh())));
        if (s.logRank() != null) {
          t.row(
              List.of(
                  "risk_groups",
                  s.name(),
                  "logrank.chisq",
                  "",
                  "",
                  Numbers.full(s.logRank().statistic())));
          t.row(
              List.of("risk_groups", s.name(), "logrank.p", "", "", Numbers.full(s.logRank().p())));
        }
      }
    }
    return t;
  }

  private static void calibrationCsv(
      CsvTable t, String set, KmCalibrationResult a, CalibrationValidationResult boot) {
    String u = Numbers.full(a.horizon());
    for (int k = 0; k < a.groups().size(); k++) {
      KmCalibrationGroup g = a.groups().get(k);
      String gk = Integer.toString(k + 1);
      t.row(List.of("calibration", set, "mean_predicted", u, gk, Numbers.full(g.meanPredicted())));
      t.row(List.of("calibration", set, "observed_km", u, gk, Numbers.full(g.observed())));
      if (boot != null) {
        t.row(
            List.of(
                "calibration",
                set,
                "corrected",
                u,
                gk,
                Numbers.full(boot.groups().get(k).corrected())));
      }
    }
  }

  private void text(PrintStream out) {
    ValidateAnalysis.Report r = report;
    out.println(
        "Validation of a "
            + (r.cox() ? "Cox" : "logistic")
            + " model: "
            + r.dev().formula()
            + "   data: "
            + r.source());
    out.printf(
        "  n= %d, events= %d%s%n",
        r.dev().n(),
        r.events(),
        r.full().droppedMissing() > 0
            ? "   (" + r.full().droppedMissing() + " rows dropped for missing values)"
            : "");
    if (r.split() != null) {
      out.printf(
          "  split: %s development / %d validation rows (fraction %s, seed %d)%n",
          r.dev().n(), r.val().n(), Numbers.signif(r.split().fraction(), 6), r.split().seed());
    } else if (r.val() != null) {
      out.printf(
          "  external validation data: %s, n= %d (%d rows dropped for missing values)%n",
          r.valSource(), r.val().n(), r.val().droppedMissing());
    }
    if (r.validation() != null) {
      out.println();
      out.printf(
          "Bootstrap validation (rms::validate): B = %d, %d successful, seed %d%n",
          r.request().bootstrap(), r.validation().successful(), r.request().seed());
      TextTable t =
          new TextTable(
              List.of("", "index.orig", "training", "test", "optimism", "index.corrected", "n"));
      for (ValidationIndex v : r.validation().indexes()) {
        t.row(
            List.of(
                v.name(),
                Numbers.signif(v.apparent(), 6),
                Numbers.signif(v.training(), 6),
                Numbers.signif(v.test(), 6),
                Numbers.signif(v.optimism(), 6),
                Numbers.signif(v.corrected(), 6),
                Integer.toString(r.validation().successful())));
      }
      t.print(out);
    } else if (r.apparentOnly() != null) {
      out.println();
      List<String> parts = new ArrayList<>();
      r.apparentOnly().forEach((name, value) -> parts.add(name + " " + Numbers.signif(value, 6)));
      out.println(
          "Apparent indexes (--bootstrap 0, no optimism correction): " + String.join(", ", parts));
    }
    for (HorizonCalibration h : r.calibration()) {
      out.println();
      out.printf(
          "Calibration at %s (rms::calibrate, cmethod = \"KM\", m = %d)%n",
          Numbers.signif(h.horizon(), 6), r.groupSize());
      calibrationText(h.apparent(), h.boot(), out);
    }
    if (!r.cox() && r.val() == null && r.development() != null) {
      out.println();
      logisticText("Calibration in the data", r.development().logistic(), out);
    }
    if (r.val() != null) {
      out.println();
      TextTable t =
          new TextTable(
              List.of(
                  "set",
                  "n",
                  "events",
                  r.cox() ? "C" : "AUC",
                  "se",
                  "lower",
                  "upper",
                  "calibration slope"));
      for (SetSummary s : List.of(r.development(), r.validationSet())) {
        double slope =
            r.cox()
                ? (s.coxSlope() == null ? Double.NaN : s.coxSlope())
                : s.logistic() == null ? Double.NaN : s.logistic().slope();
        t.row(
            List.of(
                s.name(),
                Integer.toString(s.n()),
                Integer.toString(s.events()),
                Numbers.signif(s.c(), 6),
                Numbers.signif(s.se(), 4),
                Numbers.signif(s.lower(), 6),
                Numbers.signif(s.upper(), 6),
                Numbers.signif(slope, 6)));
      }
      t.print(out);
      for (KmCalibrationResult k : r.validationSet().calibration()) {
        out.println();
        out.printf("Calibration in the validation data at %s%n", Numbers.signif(k.horizon(), 6));
        calibrationText(k, null, out);
      }
      if (!r.cox() && r.validationSet().logistic() != null) {
        out.println();
        logisticText("Calibration in the validation data", r.validationSet().logistic(), out);
      }
    }
    if (r.risk() != null) {
      out.println();
      RiskGroupWriter.text(r.risk(), out);
    }
    for (String w : r.warnings()) {
      out.println("Warning: " + w);
    }
  }

  private static void calibrationText(
      KmCalibrationResult a, CalibrationValidationResult boot, PrintStream out) {
    List<String> header =
        new ArrayList<>(List.of("group", "n", "events", "mean.predicted", "KM", "std.err"));
    if (boot != null) {
      header.addAll(List.of("mean.optimism", "KM.corrected"));
    }
    TextTable t = new TextTable(header);
    for (int k = 0; k < a.groups().size(); k++) {
      KmCalibrationGroup g = a.groups().get(k);
      List<String> row =
          new ArrayList<>(
              List.of(
                  Integer.toString(k + 1),
                  Integer.toString(g.n()),
                  Integer.toString(g.events()),
                  Numbers.signif(g.meanPredicted(), 6),
                  Numbers.signif(g.observed(), 6),
                  Numbers.signif(g.seLog(), 4)));
      if (boot != null) {
        row.add(Numbers.signif(boot.groups().get(k).optimism(), 6));
        row.add(Numbers.signif(boot.groups().get(k).corrected(), 6));
      }
      t.row(row);
    }
    t.print(out);
  }

  private static void logisticText(String title, LogisticSummary l, PrintStream out) {
    out.println(title + " (rms::val.prob)");
    out.printf(
        "  intercept %s, slope %s, Dxy %s, C %s, Brier %s%n",
        Numbers.signif(l.intercept(), 6),
        Numbers.signif(l.slope(), 6),
        Numbers.signif(l.dxy(), 6),
        Numbers.signif(l.c(), 6),
        Numbers.signif(l.brier(), 6));
    if (l.hl() != null) {
      out.printf(
          "  Hosmer-Lemeshow X-squared = %s, df = %d, p-value = %s%n",
          Numbers.signif(l.hl().statistic(), 6), l.hl().df(), Numbers.pValue(l.hl().p()));
    }
  }
}
