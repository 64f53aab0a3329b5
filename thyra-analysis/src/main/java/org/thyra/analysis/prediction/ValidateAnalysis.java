package org.thyra.analysis.prediction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.stats.Progress;
import org.thyra.stats.Result;
import org.thyra.stats.inference.WaldInterval;
import org.thyra.stats.prediction.BootstrapValidation;
import org.thyra.stats.prediction.BrierScore;
import org.thyra.stats.prediction.CalibrationValidationResult;
import org.thyra.stats.prediction.CoxCalibrationSlope;
import org.thyra.stats.prediction.DataSplit;
import org.thyra.stats.prediction.HosmerLemeshowResult;
import org.thyra.stats.prediction.KmCalibration;
import org.thyra.stats.prediction.KmCalibrationResult;
import org.thyra.stats.prediction.LogisticCalibration;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.prediction.Predict;
import org.thyra.stats.prediction.SplitResult;
import org.thyra.stats.prediction.ValidationResult;
import org.thyra.stats.roc.AucInterval;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;
import org.thyra.stats.survival.Concordance;
import org.thyra.stats.survival.ConcordanceResult;
import org.thyra.stats.survival.Ties;

/**
 * Internal validation of a Cox or logistic model by the optimism bootstrap ({@code rms::validate},
 * {@code rms::calibrate(cmethod = "KM")}), split-sample or external validation (C-index with CI in
 * development and validation data, calibration in the validation data), and risk groups by a
 * maximally selected log-rank cut-off: the workflow behind {@code thyra validate}.
 */
public final class ValidateAnalysis {

  /**
   * The options of {@code thyra validate}; null means the command's default.
   *
   * @param formula {@code Surv(time, status) ~ ...} (Cox) or {@code y ~ ...} (logistic)
   * @param model {@code cox} or {@code logistic} (checked against the formula), or null
   * @param bootstrap bootstrap replicates, 0 for none
   * @param seed seed of the bootstrap and of {@code split}
   * @param horizons Cox calibration horizons
   * @param groupSize subjects per calibration group (default 50)
   * @param ties {@code efron} or {@code breslow} (default Efron)
   * @param threads bootstrap worker threads (default all cores; results do not depend on it)
   * @param split development fraction of a seeded random split, or null
   * @param validateOn an external validation file, or null
   * @param riskGroups {@code lp} or {@code points}, or null
   * @param confLevel confidence level of the C-index CIs (default 0.95)
   */
  public record Request(
      String formula,
      String model,
      int bootstrap,
      long seed,
      List<Double> horizons,
      Integer groupSize,
      String ties,
      Integer threads,
      Double split,
      Path validateOn,
      String riskGroups,
      Double confLevel) {
    public Request {
      horizons = List.copyOf(horizons);
    }
  }

  /** Where the data come from: a file, or a study's tables. */
  private interface Input {
    String source();

    DataTable read(Formula formula);

    Map<String, String> referenceLevels();

    /** The validation data ({@code --validate-on}), read with the formula's columns. */
    DataTable validationTable(Formula formula);

    default <T> T analyse(String column, Supplier<T> method) {
      return DataFile.analyse(source(), column, method);
    }
  }

  private final Input input;
  private final Request request;
  private final Progress progress;
  private final String formulaText;
  private final String model;
  private final int bootstrap;
  private final long seed;
  private final List<Double> horizons;
  private final Integer threads;
  private final Double split;
  private final Path validateOn;
  private final String riskGroups;
  private final String tiesText;
  private Ties ties;
  private Integer groupSize;
  private Double confLevel;

  private ValidateAnalysis(Input input, Request request, Progress progress) {
    this.input = input;
    this.request = request;
    this.progress = progress;
    this.formulaText = request.formula();
    this.model = request.model();
    this.bootstrap = request.bootstrap();
    this.seed = request.seed();
    this.horizons = request.horizons();
    this.groupSize = request.groupSize();
    this.tiesText = request.ties();
    this.threads = request.threads();
    this.split = request.split();
    this.validateOn = request.validateOn();
    this.riskGroups = request.riskGroups();
    this.confLevel = request.confLevel();
  }

  /**
   * Validates the model on a data file.
   *
   * @param progress told of the bootstrap's replicates (the numbers do not depend on it)
   */
  public static Report run(DataFile file, Request request, Progress progress) {
    Input input =
        new Input() {
          @Override
          public String source() {
            return file.source();
          }

          @Override
          public DataTable read(Formula formula) {
            return file.read(formula);
          }

          @Override
          public Map<String, String> referenceLevels() {
            return file.referenceLevels();
          }

          @Override
          public DataTable validationTable(Formula formula) {
            return new DataFile(request.validateOn(), file.references(), file.options())
                .read(formula);
          }
        };
    return new ValidateAnalysis(input, request, progress).run();
  }

  /**
   * Validates the model on tables already read (a study's cohort): the model is fitted on {@code
   * development} and, when {@code validation} is given, applied unchanged to it as to {@code
   * --validate-on} data (coded with the development levels).
   *
   * @param source how messages and the report name the development data
   * @param validation the validation table, or null (then {@code request.validateOn()} must be
   *     null)
   * @param validationSource how messages and the report name the validation data
   */
  public static Report run(
      DataTable development,
      String source,
      DataTable validation,
      String validationSource,
      Map<String, String> references,
      Request request,
      Progress progress) {
    Input input =
        new Input() {
          @Override
          public String source() {
            return source;
          }

          @Override
          public DataTable read(Formula formula) {
            return development;
          }

          @Override
          public Map<String, String> referenceLevels() {
            return references;
          }

          @Override
          public DataTable validationTable(Formula formula) {
            return validation;
          }
        };
    Request r = request;
    if (validation != null) {
      r =
          new Request(
              request.formula(),
              request.model(),
              request.bootstrap(),
              request.seed(),
              request.horizons(),
              request.groupSize(),
              request.ties(),
              request.threads(),
              request.split(),
              Path.of(validationSource),
              request.riskGroups(),
              request.confLevel());
    }
    return new ValidateAnalysis(input, r, progress).run();
  }

  private Report run() {
    Formula formula = Formula.parse(formulaText);
    boolean cox = formula.response() instanceof SurvivalResponse;
    checkOptions(formula, cox);
    return compute(formula, cox);
  }

  /** Hosmer-Lemeshow groups. */
  public static final int HL_GROUPS = 10;

  /**
   * Everything one run computes; null parts were not requested.
   *
   * <p>{@code ties}, {@code groupSize} and {@code confLevel} are the request's with defaults
   * applied; {@code progress} is not part of the report.
   */
  public record Report(
      String source,
      Request request,
      Ties ties,
      int groupSize,
      double confLevel,
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
      RiskGroupAnalysis risk,
      Map<String, Double> apparentOnly,
      List<String> warnings)
      implements Result {
    public Report {
      warnings = List.copyOf(warnings);
    }

    /** The calibration horizons. */
    public List<Double> horizons() {
      return request.horizons();
    }

    /** Events (Cox) or outcomes equal to 1 (logistic) in the development data. */
    public int events() {
      return cox
          ? ValidateAnalysis.events(dev.status())
          : ValidateAnalysis.events(dev.binaryResponse());
    }

    /**
     * The rows of the data file left out of both parts of a split for a missing value, so every row
     * is accounted for.
     */
    public int[] rowsWithMissing() {
      return complement(full.rows(), full.n() + full.droppedMissing());
    }

    @Override
    public String method() {
      return validation != null
          ? validation.method()
          : (cox ? "Cox" : "logistic") + " model validation without resampling";
    }
  }

  /**
   * Calibration at one horizon: apparent KM groups and, with the bootstrap, the corrected
   * estimates.
   */
  public record HorizonCalibration(
      double horizon, KmCalibrationResult apparent, CalibrationValidationResult boot) {}

  /** Discrimination and calibration of the development model in one set. */
  public record SetSummary(
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
  public record LogisticSummary(
      double intercept,
      double slope,
      double dxy,
      double c,
      double brier,
      HosmerLemeshowResult hl,
      String hlProblem) {}

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
    if (!cox && tiesText != null) {
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
    ties = tiesText == null ? Ties.EFRON : NomogramAnalysis.ties(tiesText);
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

  private Report compute(Formula formula, boolean cox) {
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
      DataTable other = input.validationTable(formula);
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
      warnings.addAll(prefix("horizon " + DecimalText.signif(u, 6) + ": ", apparent.warnings()));
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
        warnings.addAll(prefix("horizon " + DecimalText.signif(u, 6) + ": ", boot.warnings()));
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
    RiskGroupAnalysis risk = null;
    if (riskGroups != null) {
      risk = riskGroups(table, full, dev, val, fit, warnings);
    }
    // the bootstrap's calibration repeats the apparent grouping's notes: each is said once
    return new Report(
        input.source(),
        request,
        ties,
        groupSize,
        confLevel,
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

  private RiskGroupAnalysis riskGroups(
      DataTable table,
      ModelFrame full,
      ModelFrame dev,
      ModelFrame val,
      DevelopmentModel fit,
      List<String> warnings) {
    NomogramResult nomogram =
        riskGroups.equals("points") ? input.analyse(null, fit::nomogram) : null;
    List<RiskGroupAnalysis.ScoredSet> sets = new ArrayList<>();
    RiskGroupAnalysis.ScoredSet d =
        scored(val == null ? "whole" : "development", dev, fit, nomogram);
    sets.add(d);
    if (val != null) {
      sets.add(scored("validation", val, fit, nomogram));
      if (split != null) {
        sets.add(scored("whole", dev.encode(table, full.rows()), fit, nomogram));
      } else {
        sets.add(concat("whole", d, sets.get(1)));
      }
    }
    RiskGroupAnalysis report = input.analyse(null, () -> RiskGroupAnalysis.of(riskGroups, d, sets));
    warnings.addAll(report.warnings());
    return report;
  }

  private static RiskGroupAnalysis.ScoredSet scored(
      String name, ModelFrame f, DevelopmentModel fit, NomogramResult nom) {
    double[] lp = fit.linearPredictor(f);
    if (nom != null) {
      for (int i = 0; i < lp.length; i++) {
        lp[i] = nom.totalPoints(lp[i]);
      }
    }
    return new RiskGroupAnalysis.ScoredSet(name, f.time(), f.status(), lp);
  }

  private static RiskGroupAnalysis.ScoredSet concat(
      String name, RiskGroupAnalysis.ScoredSet a, RiskGroupAnalysis.ScoredSet b) {
    return new RiskGroupAnalysis.ScoredSet(
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
              prefix(name + " data, horizon " + DecimalText.signif(u, 6) + ": ", k.warnings()));
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
      p[i] = Predict.risk(lp[i]);
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
              + DecimalText.signif(u, 6)
              + " is beyond the last follow-up time "
              + DecimalText.signif(max, 6)
              + " of the "
              + what
              + "; calibration is not extrapolated");
    }
  }

  /** The 1-based rows 1..total that are not in the sorted {@code rows}. */
  static int[] complement(int[] rows, int total) {
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

  static int events(int[] status) {
    int e = 0;
    for (int s : status) {
      e += s;
    }
    return e;
  }

  private static List<String> prefix(String p, List<String> ws) {
    return ws.stream().map(w -> p + w).toList();
  }
}
