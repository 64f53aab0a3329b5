package org.thyra.app.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.report.figure.CalibrationFigure;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.KmFigure;
import org.thyra.report.figure.PanelFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TerminalProgress;
import org.thyra.report.output.TextTable;
import org.thyra.stats.Progress;
import org.thyra.stats.inference.WaldInterval;
import org.thyra.stats.prediction.BootstrapValidation;
import org.thyra.stats.prediction.BrierScore;
import org.thyra.stats.prediction.CalibrationValidationGroup;
import org.thyra.stats.prediction.CalibrationValidationResult;
import org.thyra.stats.prediction.CoxCalibrationSlope;
import org.thyra.stats.prediction.DataSplit;
import org.thyra.stats.prediction.HosmerLemeshowResult;
import org.thyra.stats.prediction.KmCalibration;
import org.thyra.stats.prediction.KmCalibrationGroup;
import org.thyra.stats.prediction.KmCalibrationResult;
import org.thyra.stats.prediction.LogisticCalibration;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.prediction.SplitResult;
import org.thyra.stats.prediction.ValidationIndex;
import org.thyra.stats.prediction.ValidationResult;
import org.thyra.stats.regression.Logit;
import org.thyra.stats.roc.AucInterval;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;
import org.thyra.stats.survival.Concordance;
import org.thyra.stats.survival.ConcordanceResult;
import org.thyra.stats.survival.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra validate}: internal validation of a Cox or logistic model by the optimism bootstrap
 * ({@code rms::validate}, {@code rms::calibrate(cmethod = "KM")}), split-sample or external
 * validation (C-index with CI in development and validation data, calibration in the validation
 * data), and risk groups by a maximally selected log-rank cut-off (SPEC §5, issue 4).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Validates a Cox or logistic model: optimism-corrected Dxy / C and calibration slope by the bootstrap as"
            + " rms::validate, calibration at horizons as rms::calibrate(cmethod = \"KM\"), logistic calibration"
            + " intercept / slope and Hosmer-Lemeshow; --split or --validate-on for development / validation data with"
            + " C-index and 95%% CI in both; --risk-groups for low / high risk groups by maximally selected log-rank.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula: \"Surv(time, status) ~ x + factor(z)\" (Cox) or \"y ~ x + factor(z)\" (logistic).")
  String formulaText;

  @Option(
      names = "--model",
      description = "cox or logistic (default: from the formula's response).")
  String model;

  @Option(
      names = "--bootstrap",
      defaultValue = "200",
      paramLabel = "B",
      description =
          "Bootstrap replicates for optimism correction; 0 for none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the bootstrap and of --split (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--horizon",
      split = ",",
      paramLabel = "T",
      description = "Cox: calibration horizons, e.g. 36,60 (time units of the data).")
  List<Double> horizons = new ArrayList<>();

  @Option(
      names = "--group-size",
      paramLabel = "M",
      description =
          "Cox calibration at --horizon: subjects per group, as rms::calibrate's m (default: 50).")
  Integer groupSize;

  @Option(names = "--ties", description = "Cox tie method: efron or breslow (default: efron).")
  Ties ties;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Bootstrap worker threads (default: all cores); results do not depend on it.")
  Integer threads;

  @Option(
      names = "--split",
      paramLabel = "FRACTION",
      description = "Development fraction of a seeded random split of the complete rows, e.g. 0.7.")
  Double split;

  @Option(
      names = "--validate-on",
      paramLabel = "FILE",
      description =
          "External validation data (CSV/XLSX with the same columns), coded with the development levels.")
  Path validateOn;

  @Option(
      names = "--risk-groups",
      paramLabel = "lp|points",
      description =
          "Cox: low / high risk groups by the maximally selected log-rank cut-off on the development"
              + " linear predictor (lp) or nomogram total points (points).")
  String riskGroups;

  @Option(
      names = "--conf-level",
      description =
          "Confidence level of the C-index CIs with --split or --validate-on (default: 0.95).")
  Double confLevel;

  static final int HL_GROUPS = 10;

  /** Everything one run computes; null parts were not requested. */
  private record Results(
      boolean cox,
      ModelFrame full,
      ModelFrame dev,
      ModelFrame val,
      String valSource,
      SplitResult split,
      DevelopmentModel fit,
      ValidationResult validation,
      List<HorizonCalibration> calibration,
      SetSummary development,
      SetSummary validationSet,
      RiskGroupReport risk,
      Map<String, Double> apparentOnly,
      List<String> warnings) {}

  /**
   * Calibration at one horizon: apparent KM groups and, with the bootstrap, the corrected
   * estimates.
   */
  private record HorizonCalibration(
      double horizon, KmCalibrationResult apparent, CalibrationValidationResult boot) {}

  /** Discrimination and calibration of the development model in one set. */
  private record SetSummary(
      String name,
      int n,
      int events,
      int droppedMissing,
      double c,
      double se,
      double lower,
      double upper,
      Double coxSlope,
      LogisticSummary logistic,
      List<KmCalibrationResult> calibration) {}

  /** val.prob-style indexes of predicted probabilities. */
  private record LogisticSummary(
      double intercept,
      double slope,
      double dxy,
      double c,
      double brier,
      HosmerLemeshowResult hl,
      String hlProblem) {}

  @Override
  public Integer call() throws Exception {
    Formula formula = Formula.parse(formulaText);
    boolean cox = formula.response() instanceof SurvivalResponse;
    checkOptions(formula, cox);
    Results r = compute(formula, cox);
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(r), out);
            case CSV -> csv(r).print(out);
            default -> text(r, out);
          }
        });
    figure.write(spec -> figure(r, spec));
    return 0;
  }

  /**
   * The figure: one calibration panel per horizon (Cox, as plot(rms::calibrate)) or per set
   * (logistic), then the Kaplan–Meier curves of the risk groups in each set, lettered A, B, C.
   */
  private static org.thyra.report.figure.Figure figure(Results r, FigureSpec spec) {
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
    List<org.thyra.report.figure.Figure> panels = new ArrayList<>();
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
      for (RiskGroupReport.SetResult set : r.risk().sets()) {
        List<KmFigure.Series> series = new ArrayList<>();
        for (int g = 0; g < set.curves().size(); g++) {
          series.add(new KmFigure.Series(RiskGroupReport.GROUPS[g] + " risk", set.curves().get(g)));
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

  private void checkOptions(Formula formula, boolean cox) {
    if (model != null) {
      String m = model.toLowerCase(Locale.ROOT);
      if (!m.equals("cox") && !m.equals("logistic")) {
        throw new IllegalArgumentException(
            "--model must be cox or logistic, got \"" + model + "\"");
      }
      if (m.equals("cox") != cox) {
        throw new IllegalArgumentException(
            "--model "
                + m
                + " needs "
                + (cox
                    ? "a binary outcome on the left, e.g. \"low ~ age\""
                    : "a survival response, e.g. \"Surv(time, status) ~ age\"")
                + "; got \""
                + formulaText
                + "\"");
      }
    }
    if (formula.cluster() != null) {
      throw new IllegalArgumentException(
          "cluster() gives a robust variance in thyra cox only; remove it from --formula");
    }
    if (!formula.strata().isEmpty()) {
      throw new IllegalArgumentException(
          "validate cannot resample or split a stratified Cox model: the bootstrap,"
              + " calibration and risk groups fit one baseline hazard; remove strata("
              + String.join(", ", formula.strata())
              + ") or enter the variable as a covariate");
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("--bootstrap must be >= 0, got " + bootstrap);
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    if (groupSize != null && groupSize < 2) {
      throw new IllegalArgumentException("--group-size must be >= 2, got " + groupSize);
    }
    if (confLevel != null && !(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("--conf-level must be in (0, 1), got " + confLevel);
    }
    // an option that would be accepted and silently ignored is refused, as --horizon for logistic
    if (!cox && ties != null) {
      throw new IllegalArgumentException("--ties is for Cox models (Surv(time, event) ~ ...)");
    }
    if (groupSize != null && horizons.isEmpty()) {
      throw new IllegalArgumentException(
          "--group-size sets the calibration groups at --horizon; give --horizon"
              + (cox ? ", e.g. --horizon 36,60" : " (Cox models only)"));
    }
    if (confLevel != null && split == null && validateOn == null) {
      throw new IllegalArgumentException(
          "--conf-level sets the C-index CIs of --split or --validate-on; give one" + " of them");
    }
    ties = ties == null ? Ties.EFRON : ties;
    groupSize = groupSize == null ? 50 : groupSize;
    confLevel = confLevel == null ? 0.95 : confLevel;
    if (!horizons.isEmpty() && !cox) {
      throw new IllegalArgumentException(
          "--horizon is for Cox models; a logistic model is calibrated by its"
              + " intercept, slope and the Hosmer-Lemeshow test");
    }
    for (double h : horizons) {
      if (!(h > 0) || !Double.isFinite(h)) {
        throw new IllegalArgumentException("--horizon values must be positive, got " + h);
      }
    }
    if (horizons.stream().distinct().count() < horizons.size()) {
      throw new IllegalArgumentException("--horizon lists a time twice: " + horizons);
    }
    if (split != null && validateOn != null) {
      throw new IllegalArgumentException(
          "--split and --validate-on exclude each other: validate on a random part"
              + " of --data or on another file");
    }
    if (split != null && !(split > 0 && split < 1)) {
      throw new IllegalArgumentException("--split must be a fraction in (0, 1), got " + split);
    }
    if (riskGroups != null) {
      if (!cox) {
        throw new IllegalArgumentException("--risk-groups needs a Cox model (a survival response)");
      }
      if (!riskGroups.equals("lp") && !riskGroups.equals("points")) {
        throw new IllegalArgumentException(
            "--risk-groups must be lp or points, got \"" + riskGroups + "\"");
      }
    }
  }

  private Results compute(Formula formula, boolean cox) {
    List<String> warnings = new ArrayList<>();
    DataTable table = input.read(formula);
    ModelFrame full = ModelFrame.build(table, formula, input.referenceLevels());
    ModelFrame dev = full;
    ModelFrame val = null;
    String valSource = null;
    SplitResult sr = null;
    if (split != null) {
      sr = input.analyse(null, () -> DataSplit.split(full.n(), split, seed));
      int[] rows = full.rows();
      ModelFrame d =
          ModelFrame.build(table, formula, input.referenceLevels(), pick(rows, sr.training()));
      dev = d;
      val = d.encode(table, pick(rows, sr.validation()));
      valSource = input.source();
    } else if (validateOn != null) {
      DataTable other = input.read(validateOn, formula);
      val = full.encode(other, null);
      valSource = other.source();
    }
    warnings.addAll(dev.warnings());
    if (val != null) {
      warnings.addAll(prefix("validation data: ", val.warnings()));
    }
    ModelFrame devF = dev;
    double[] devY = cox ? null : toDouble(devF.binaryResponse());
    DevelopmentModel fit =
        input.analyse(
            null,
            () -> cox ? DevelopmentModel.cox(devF, ties) : DevelopmentModel.logistic(devF, devY));
    warnings.addAll(fit.warnings());
    if (cox && events(dev.status()) == 0) {
      throw new InputException(
          input.source(),
          null,
          null,
          "no events in the "
              + (val == null ? "" : "development ")
              + "data: a Cox model cannot be validated");
    }
    for (double u : horizons) {
      checkHorizon(u, dev, val == null ? "data" : "development data", input.source());
      if (val != null) {
        checkHorizon(u, val, "validation data", valSource);
      }
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    // a bar on a terminal (B refits can take minutes); the numbers do not depend on it
    Progress progress = TerminalProgress.onStandardError();
    double[][] x = dev.design().columns();
    List<String> names = dev.design().columnNames();
    ValidationResult validation = null;
    if (bootstrap > 0) {
      validation =
          input.analyse(
              null,
              () ->
                  cox
                      ? BootstrapValidation.cox(
                          devF.time(),
                          devF.status(),
                          x,
                          names,
                          ties,
                          bootstrap,
                          seed,
                          workers,
                          progress)
                      : BootstrapValidation.logistic(
                          devY, x, names, bootstrap, seed, workers, progress));
      warnings.addAll(validation.warnings());
    }
    Map<String, Double> apparentOnly = bootstrap > 0 ? null : apparent(devF, devY, fit, cox);
    List<HorizonCalibration> calibration = new ArrayList<>();
    for (double u : horizons) {
      KmCalibrationResult apparent =
          input.analyse(
              null,
              () ->
                  KmCalibration.atHorizon(
                      devF.time(), devF.status(), fit.survival(devF, u), u, groupSize));
      warnings.addAll(prefix("horizon " + Numbers.signif(u, 6) + ": ", apparent.warnings()));
      CalibrationValidationResult boot = null;
      if (bootstrap > 0) {
        boot =
            input.analyse(
                null,
                () ->
                    BootstrapValidation.coxCalibration(
                        devF.time(),
                        devF.status(),
                        x,
                        names,
                        ties,
                        u,
                        groupSize,
                        bootstrap,
                        seed,
                        workers,
                        progress));
        warnings.addAll(prefix("horizon " + Numbers.signif(u, 6) + ": ", boot.warnings()));
      }
      calibration.add(new HorizonCalibration(u, apparent, boot));
    }
    SetSummary devSummary = null;
    SetSummary valSummary = null;
    if (val != null) {
      devSummary = summary("development", dev, dev.droppedMissing(), fit, cox, warnings);
      valSummary = summary("validation", val, val.droppedMissing(), fit, cox, warnings);
    } else if (!cox) {
      devSummary = summary("data", dev, dev.droppedMissing(), fit, false, warnings);
    }
    RiskGroupReport risk = null;
    if (riskGroups != null) {
      risk = riskGroups(table, full, dev, val, fit, warnings);
    }
    // the bootstrap's calibration repeats the apparent grouping's notes: each is said once
    return new Results(
        cox,
        full,
        dev,
        val,
        valSource,
        sr,
        fit,
        validation,
        calibration,
        devSummary,
        valSummary,
        risk,
        apparentOnly,
        List.copyOf(new LinkedHashSet<>(warnings)));
  }

  /**
   * The apparent indexes of rms::validate without resampling (--bootstrap 0): Cox Dxy = 2 (C - 1/2)
   * of the linear predictor, C, Slope = 1; logistic Dxy (somers2), Intercept = 0, Slope = 1.
   */
  private Map<String, Double> apparent(
      ModelFrame devF, double[] devY, DevelopmentModel fit, boolean cox) {
    double[] lp = fit.linearPredictor(devF);
    Map<String, Double> a = new LinkedHashMap<>();
    if (cox) {
      double c =
          input
              .analyse(null, () -> Concordance.compute(devF.time(), devF.status(), lp, null, true))
              .c();
      a.put("Dxy", 2 * (c - 0.5));
      a.put("C", c);
    } else {
      a.put("Dxy", input.analyse(null, () -> LogisticCalibration.somersDxy(devY, lp)));
      a.put("Intercept", 0.0);
    }
    a.put("Slope", 1.0);
    return a;
  }

  private RiskGroupReport riskGroups(
      DataTable table,
      ModelFrame full,
      ModelFrame dev,
      ModelFrame val,
      DevelopmentModel fit,
      List<String> warnings) {
    NomogramResult nomogram =
        riskGroups.equals("points") ? input.analyse(null, fit::nomogram) : null;
    List<RiskGroupReport.ScoredSet> sets = new ArrayList<>();
    RiskGroupReport.ScoredSet d = scored(val == null ? "whole" : "development", dev, fit, nomogram);
    sets.add(d);
    if (val != null) {
      sets.add(scored("validation", val, fit, nomogram));
      if (split != null) {
        sets.add(scored("whole", dev.encode(table, full.rows()), fit, nomogram));
      } else {
        sets.add(concat("whole", d, sets.get(1)));
      }
    }
    RiskGroupReport report = input.analyse(null, () -> RiskGroupReport.of(riskGroups, d, sets));
    warnings.addAll(report.warnings());
    return report;
  }

  private static RiskGroupReport.ScoredSet scored(
      String name, ModelFrame f, DevelopmentModel fit, NomogramResult nom) {
    double[] lp = fit.linearPredictor(f);
    if (nom != null) {
      for (int i = 0; i < lp.length; i++) {
        lp[i] = nom.totalPoints(lp[i]);
      }
    }
    return new RiskGroupReport.ScoredSet(name, f.time(), f.status(), lp);
  }

  private static RiskGroupReport.ScoredSet concat(
      String name, RiskGroupReport.ScoredSet a, RiskGroupReport.ScoredSet b) {
    return new RiskGroupReport.ScoredSet(
        name, cat(a.time(), b.time()), cat(a.status(), b.status()), cat(a.score(), b.score()));
  }

  private static double[] cat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int[] cat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private SetSummary summary(
      String name,
      ModelFrame f,
      int dropped,
      DevelopmentModel fit,
      boolean cox,
      List<String> warnings) {
    double[] lp = fit.linearPredictor(f);
    if (cox) {
      int[] status = f.status();
      double[] time = f.time();
      int events = events(status);
      if (events == 0) {
        warnings.add(name + " data: no events; the C-index and calibration are not defined there");
        return new SetSummary(
            name,
            f.n(),
            0,
            dropped,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            null,
            null,
            List.of());
      }
      ConcordanceResult c =
          analyse(f, name, () -> Concordance.compute(time, status, lp, null, true));
      WaldInterval cInterval = WaldInterval.of(c.c(), c.se(), confLevel);
      Double slope = null;
      try {
        slope = CoxCalibrationSlope.of(time, status, lp, ties);
      } catch (IllegalArgumentException | ArithmeticException e) {
        warnings.add(name + " data: calibration slope not computed: " + e.getMessage());
      }
      List<KmCalibrationResult> cal = new ArrayList<>();
      if (!name.equals("development")) {
        for (double u : horizons) {
          KmCalibrationResult k =
              analyse(
                  f,
                  name,
                  () -> KmCalibration.atHorizon(time, status, fit.survival(f, u), u, groupSize));
          warnings.addAll(
              prefix(name + " data, horizon " + Numbers.signif(u, 6) + ": ", k.warnings()));
          cal.add(k);
        }
      }
      return new SetSummary(
          name,
          f.n(),
          events,
          dropped,
          c.c(),
          c.se(),
          cInterval.lower(),
          cInterval.upper(),
          slope,
          null,
          cal);
    }
    double[] y = toDouble(f.binaryResponse());
    int events = 0;
    for (double v : y) {
      events += (int) v;
    }
    if (events == 0 || events == y.length) {
      warnings.add(
          name + " data: one outcome class only; AUC and calibration are not defined there");
      return new SetSummary(
          name,
          f.n(),
          events,
          dropped,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          null,
          null,
          List.of());
    }
    AucInterval auc =
        analyse(
            f, name, () -> RocCurve.of(y, lp, RocDirection.CONTROLS_LOWER).aucInterval(confLevel));
    double[] p = new double[lp.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Logit.inverse(lp[i]);
    }
    double brier = BrierScore.of(p, y);
    // as the Cox slope: a set whose outcome the lp separates has no finite intercept / slope (a
    // warning, not an error)
    double[] is = {Double.NaN, Double.NaN};
    try {
      is = LogisticCalibration.interceptSlope(y, lp);
    } catch (IllegalArgumentException | ArithmeticException e) {
      warnings.add(name + " data: calibration intercept and slope not computed: " + e.getMessage());
    }
    HosmerLemeshowResult hl = null;
    String hlProblem = null;
    try {
      // the development model is fitted on the development rows only: elsewhere no parameter was
      // estimated
      hl = LogisticCalibration.hosmerLemeshow(y, p, HL_GROUPS, !name.equals("validation"));
      warnings.addAll(prefix(name + " data, Hosmer-Lemeshow: ", hl.warnings()));
    } catch (IllegalArgumentException e) {
      hlProblem = e.getMessage();
      warnings.add(name + " data: Hosmer-Lemeshow test not computed: " + e.getMessage());
    }
    double dxy = LogisticCalibration.somersDxy(y, lp);
    return new SetSummary(
        name,
        f.n(),
        events,
        dropped,
        auc.auc(),
        Math.sqrt(auc.variance()),
        auc.lower(),
        auc.upper(),
        null,
        new LogisticSummary(is[0], is[1], dxy, 0.5 + dxy / 2, brier, hl, hlProblem),
        List.of());
  }

  /**
   * Runs a computation on one set; invalid input is reported against that set's file, not --data.
   */
  private static <T> T analyse(ModelFrame set, String name, java.util.function.Supplier<T> method) {
    try {
      return method.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(set.source(), null, null, name + " data: " + e.getMessage(), e);
    }
  }

  private static void checkHorizon(double u, ModelFrame f, String what, String source) {
    double max = 0;
    for (double t : f.time()) {
      max = Math.max(max, t);
    }
    if (u > max) {
      throw new InputException(
          source,
          null,
          null,
          "horizon "
              + Numbers.signif(u, 6)
              + " is beyond the last follow-up time "
              + Numbers.signif(max, 6)
              + " of the "
              + what
              + "; calibration is not extrapolated");
    }
  }

  /** The 1-based rows 1..total that are not in the sorted {@code rows}. */
  private static int[] complement(int[] rows, int total) {
    int[] out = new int[total - rows.length];
    for (int row = 1, k = 0, o = 0; row <= total; row++) {
      if (k < rows.length && rows[k] == row) {
        k++;
      } else {
        out[o++] = row;
      }
    }
    return out;
  }

  private static int[] pick(int[] rows, int[] positions) {
    int[] out = new int[positions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows[positions[i]];
    }
    return out;
  }

  private static double[] toDouble(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static int events(int[] status) {
    int e = 0;
    for (int s : status) {
      e += s;
    }
    return e;
  }

  private static List<String> prefix(String p, List<String> ws) {
    return ws.stream().map(w -> p + w).toList();
  }

  // ------------------------------------------------------------------ output

  private ObjectNode json(Results r) {
    ObjectNode root = Json.object();
    root.put("analysis", "validate");
    root.put("data", input.source());
    root.put("formula", r.dev().formula().toString());
    root.put("model", r.cox() ? "cox" : "logistic");
    if (r.cox()) {
      root.put("event_coding", r.dev().eventCoding().description());
    } else {
      root.put("outcome_coding", r.dev().binaryResponseCoding());
    }
    root.put("n", r.dev().n());
    root.put("events", r.cox() ? events(r.dev().status()) : events(r.dev().binaryResponse()));
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
      s.set(
          "rows_with_missing",
          ints(complement(r.full().rows(), r.full().n() + r.full().droppedMissing())));
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
      root.set("risk_groups", r.risk().json());
    }
    return root;
  }

  private ObjectNode method(Results r) {
    ObjectNode m = Json.object();
    m.put(
        "model",
        r.cox()
            ? "Cox proportional hazards ("
                + ties.name().toLowerCase(Locale.ROOT)
                + " ties), unstratified"
            : "logistic regression (glm binomial, logit link)");
    if (r.cox()) {
      m.put("ties", ties.name().toLowerCase(Locale.ROOT));
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
    m.put("seed", seed);
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
      m.put("group_size", groupSize);
      m.set("horizons", doubles(horizons));
    } else {
      m.put(
          "indexes",
          "Dxy = 2 (AUC - 1/2); Intercept and Slope of logit P(y) = a + b lp (rms::val.prob)");
      m.put(
          "calibration",
          "calibration intercept / slope as rms::val.prob, Brier score, Hosmer-Lemeshow with g = "
              + HL_GROUPS
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
      m.put("conf_level", confLevel);
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
  private CsvTable csv(Results r) {
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
      for (RiskGroupReport.SetResult s : r.risk().sets()) {
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

  private void text(Results r, PrintStream out) {
    out.println(
        "Validation of a "
            + (r.cox() ? "Cox" : "logistic")
            + " model: "
            + r.dev().formula()
            + "   data: "
            + input.source());
    out.printf(
        "  n= %d, events= %d%s%n",
        r.dev().n(),
        r.cox() ? events(r.dev().status()) : events(r.dev().binaryResponse()),
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
          bootstrap, r.validation().successful(), seed);
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
          Numbers.signif(h.horizon(), 6), groupSize);
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
      r.risk().text(out);
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
