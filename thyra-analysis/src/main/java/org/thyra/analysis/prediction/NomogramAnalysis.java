package org.thyra.analysis.prediction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.stats.Result;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * A Cox or logistic model's nomogram with points as {@code rms::nomogram}, predicted survival at
 * each horizon from the Breslow baseline as {@code survfit.coxph} (or the predicted probability),
 * and optionally one patient's prediction: the workflow behind {@code thyra nomogram}. The model is
 * chosen by the formula's left side: {@code Surv(time, event)} fits a Cox model, one binary
 * variable a logistic model.
 */
public final class NomogramAnalysis {
  private NomogramAnalysis() {}

  /**
   * @param formula the model formula
   * @param ties Cox tie method ({@code efron} or {@code breslow}), or null for Efron
   * @param horizons Cox: times at which to predict survival (required); logistic: null
   * @param predict a JSON file {@code {"variable": value, ...}} of one patient, or null
   */
  public record Request(String formula, String ties, double[] horizons, Path predict) {
    public Request {
      horizons = horizons == null ? null : horizons.clone();
    }

    @Override
    public double[] horizons() {
      return horizons == null ? null : horizons.clone();
    }
  }

  /**
   * A nomogram, ready to present.
   *
   * @param source the data's name
   * @param request what was asked
   * @param formula the parsed formula
   * @param frame the model frame
   * @param model the fitted model as a nomogram sees it
   * @param nomogram the axes and points
   * @param horizons Cox: the horizons; logistic: empty
   * @param outcomes one survival axis per horizon, or the probability axis
   * @param patient the {@code predict} patient scored, or null
   * @param warnings the frame's, the fit's, the nomogram's and the patient's
   */
  public record Report(
      String source,
      Request request,
      Formula formula,
      ModelFrame frame,
      NomogramModel model,
      NomogramResult nomogram,
      double[] horizons,
      List<OutcomeAxis> outcomes,
      NomogramPatient patient,
      List<String> warnings)
      implements Result {
    public Report {
      horizons = horizons.clone();
      outcomes = List.copyOf(outcomes);
      warnings = List.copyOf(warnings);
    }

    @Override
    public double[] horizons() {
      return horizons.clone();
    }

    public boolean cox() {
      return model.kind() == NomogramModel.Kind.COX;
    }

    /** Predicted survival at each horizon (Cox) or the probability (logistic) at a total. */
    public double[] predictAtPoints(double totalPoints) {
      return model.predict(horizons, nomogram.linearPredictor(totalPoints));
    }

    @Override
    public String method() {
      return nomogram.method() + (cox() ? "; " + model.baseline().method() : "");
    }
  }

  /** {@code efron} or {@code breslow} (any case), as {@code --ties}. */
  public static Ties ties(String ties) {
    return switch (ties.trim().toLowerCase(Locale.ROOT)) {
      case "efron" -> Ties.EFRON;
      case "breslow" -> Ties.BRESLOW;
      default ->
          throw new IllegalArgumentException(
              "--ties must be efron or breslow, got \"" + ties + "\"");
    };
  }

  /** The label of a horizon's survival axis, {@code S(36)}. */
  public static String survivalLabel(double h) {
    return "S(" + DecimalText.format(h) + ")";
  }

  /** Reads the data file and builds the nomogram. */
  public static Report run(DataFile input, Request request) {
    return run(input.source(), request, input::modelFrame);
  }

  /**
   * Builds the nomogram from a table already read (a study's cohort), coded with {@code
   * references}.
   */
  public static Report run(
      DataTable table, String source, Map<String, String> references, Request request) {
    return run(source, request, f -> ModelFrame.build(table, f, references));
  }

  private static Report run(String source, Request request, Function<Formula, ModelFrame> frames) {
    String formulaText = request.formula();
    double[] horizons = request.horizons();
    Formula formula = Formula.parse(formulaText);
    if (!formula.strata().isEmpty()) {
      throw new InputException(
          source,
          null,
          null,
          "nomogram does not support strata(): one baseline is needed for the survival axes; got \""
              + formulaText
              + "\"");
    }
    boolean cox = formula.response() instanceof SurvivalResponse;
    if (cox && (horizons == null || horizons.length == 0)) {
      throw new InputException(
          source,
          null,
          null,
          "a Cox nomogram needs --horizons, e.g. --horizons 36,60,120 (times in the time column's unit)");
    }
    if (!cox && horizons != null) {
      throw new InputException(
          source,
          null,
          null,
          "--horizons is for Cox models (Surv(time, event) ~ ...); a logistic nomogram predicts one probability");
    }
    if (!cox && request.ties() != null) {
      throw new InputException(
          source, null, null, "--ties is for Cox models (Surv(time, event) ~ ...)");
    }
    if (formula.covariates().isEmpty()) {
      throw new InputException(
          source, null, null, "a nomogram needs at least one variable on the right of ~");
    }
    Ties ties = request.ties() == null ? Ties.EFRON : ties(request.ties());
    ModelFrame frame = frames.apply(formula);
    if (cox && java.util.Arrays.stream(frame.status()).noneMatch(s -> s == 1)) {
      String event = ((SurvivalResponse) formula.response()).event();
      throw new InputException(
          source,
          null,
          event,
          "no events: every one of the "
              + frame.n()
              + " rows is censored, so there is no risk to put on a nomogram");
    }
    NomogramModel model = cox ? coxModel(source, frame, ties) : logisticModel(source, frame);
    double[] times = cox ? horizons.clone() : new double[0];
    if (cox) {
      checkHorizons(source, times, model.baseline().lastFollowUp()[0]);
    }
    NomogramResult nom = DataFile.analyse(source, null, model::nomogram);
    List<OutcomeAxis> outcomes = new ArrayList<>();
    if (cox) {
      for (double h : times) {
        outcomes.add(OutcomeAxis.survival(nom, model.baseline(), h, survivalLabel(h)));
      }
    } else {
      outcomes.add(OutcomeAxis.probability(nom));
    }
    NomogramPatient patient =
        request.predict() == null ? null : NomogramPatient.read(request.predict(), model, nom);
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(model.warnings());
    warnings.addAll(nom.warnings());
    for (OutcomeAxis a : outcomes) {
      if (a.values().length == 0) {
        warnings.add(
            a.label() + ": no event by this horizon, survival is 1 for everybody (no axis drawn)");
      }
    }
    if (patient != null) {
      warnings.addAll(patient.warnings());
    }
    return new Report(
        source, request, formula, frame, model, nom, times, outcomes, patient, warnings);
  }

  private static void checkHorizons(String source, double[] times, double last) {
    for (int k = 0; k < times.length; k++) {
      for (int l = 0; l < k; l++) {
        if (times[l] == times[k]) {
          // the survival map of each total-points tick is keyed by horizon: a repeat would
          // overwrite
          throw new InputException(
              source, null, null, "--horizons lists " + DecimalText.format(times[k]) + " twice");
        }
      }
    }
    for (double h : times) {
      if (!(h >= 0) || !Double.isFinite(h)) {
        throw new InputException(
            source, null, null, "--horizons must be finite times >= 0, got " + h);
      }
      if (h > last) {
        throw new InputException(
            source,
            null,
            null,
            "horizon "
                + DecimalText.format(h)
                + " is beyond the last follow-up time "
                + DecimalText.format(last)
                + ": survival is not estimable there (no extrapolation); choose horizons up to "
                + DecimalText.format(last));
      }
    }
  }

  private static NomogramModel coxModel(String source, ModelFrame frame, Ties t) {
    CoxFit fit =
        DataFile.analyse(
            source,
            null,
            () ->
                CoxModel.fit(
                    frame.time(),
                    frame.status(),
                    frame.design().columns(),
                    frame.design().columnNames(),
                    null,
                    CoxOptions.of(t)));
    return DataFile.analyse(source, null, () -> NomogramModel.cox(frame, fit));
  }

  private static NomogramModel logisticModel(String source, ModelFrame frame) {
    int[] b = frame.binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    LogisticResult fit =
        DataFile.analyse(
            source,
            null,
            () ->
                LogisticRegression.fit(
                    y,
                    frame.design().columns(),
                    frame.design().columnNames(),
                    frame.design().assign()));
    return DataFile.analyse(source, null, () -> NomogramModel.logistic(frame, fit));
  }
}
