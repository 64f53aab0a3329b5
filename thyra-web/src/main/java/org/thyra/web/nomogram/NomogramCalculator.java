package org.thyra.web.nomogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thyra.analysis.prediction.NomogramPatient;
import org.thyra.analysis.prediction.OutcomeAxis;
import org.thyra.frame.DecimalText;
import org.thyra.report.figure.FigureFormat;
import org.thyra.report.figure.FigureWriter;
import org.thyra.report.figure.NomogramFigure;

/** Scores one patient's values on a {@link NomogramModel}, and draws the model's nomogram. */
public final class NomogramCalculator {
  private NomogramCalculator() {}

  /** rms::nomogram's Points axis ends at 100. */
  static final double MAX_POINTS = 100;

  /**
   * One prediction.
   *
   * @param label e.g. "3-year survival"
   * @param horizon Cox: the time; logistic: NaN
   * @param value survival or probability
   */
  public record Prediction(String label, double horizon, double value) {
    /** As a percentage with one decimal. */
    public String percent() {
      return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : "—";
    }
  }

  /**
   * The outcome of scoring a form.
   *
   * @param values the values as entered (to show the form again), by field
   * @param errors per field, what is wrong with its value
   * @param points per axis the patient scores on, its points (empty when there are errors); with an
   *     interaction only the axis of the patient's level ({@code "age (sex=2)"})
   * @param axisOf per field, the axis its value is scored on (absent for the factor of an
   *     interaction, which only chooses that axis)
   * @param total total points
   * @param linearPredictor on the nomogram's scale
   * @param predictions one per horizon (Cox) or one probability (logistic)
   * @param warnings e.g. a value outside the data range (scored by extending the axis)
   */
  public record Score(
      Map<String, String> values,
      Map<String, String> errors,
      Map<String, Double> points,
      Map<String, String> axisOf,
      double total,
      double linearPredictor,
      List<Prediction> predictions,
      List<String> warnings) {
    public boolean ok() {
      return errors.isEmpty();
    }

    /** The points of a field's value with one decimal, or "" when it has no axis of its own. */
    public String pointsOf(String field) {
      String axis = axisOf.get(field);
      Double p = axis == null ? null : points.get(axis);
      return p == null ? "" : String.format(Locale.ROOT, "%.1f", p);
    }

    /**
     * The axis a field's value is scored on, when it is not the field's own ({@code age (sex=2)}).
     */
    public String axisNote(String field) {
      String axis = axisOf.get(field);
      return axis == null || axis.equals(field) ? "" : axis;
    }

    public String totalText() {
      return String.format(Locale.ROOT, "%.1f", total);
    }

    public String lpText() {
      return String.format(Locale.ROOT, "%.4f", linearPredictor);
    }
  }

  /**
   * Scores the form's values (one field per model input, {@link NomogramModel#fields()}): each
   * value is checked here, so every wrong field is named beside it; the points, total points,
   * linear predictor and predictions are thyra-analysis's ({@link NomogramPatient#score}, {@link
   * org.thyra.analysis.prediction.NomogramModel#predict}), as {@code thyra nomogram --predict}: a
   * spline's value is scored through its basis, an interaction's numeric value on the axis of the
   * entered level of its factor.
   */
  public static Score score(NomogramModel m, Map<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (NomogramModel.Field a : m.fields()) {
      String v = form.getOrDefault(a.name(), "").strip();
      values.put(a.name(), v);
      if (v.isEmpty()) {
        errors.put(a.name(), a.categorical() ? "choose a value" : "enter a number");
        continue;
      }
      if (a.categorical()) {
        if (!a.levels().contains(v)) {
          errors.put(a.name(), "choose one of " + String.join(", ", a.levels()));
        }
        continue;
      }
      double x;
      try {
        x = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        errors.put(a.name(), "enter a number (decimal point), e.g. " + DecimalText.format(a.min()));
        continue;
      }
      if (!Double.isFinite(x)) {
        errors.put(a.name(), "enter a finite number");
        continue;
      }
      if (x < a.min() || x > a.max()) {
        warnings.add(
            a.name()
                + " = "
                + v
                + " lies outside the nomogram axis ["
                + DecimalText.format(a.min())
                + ", "
                + DecimalText.format(a.max())
                + "]: its points extend the axis linearly (extrapolation, as rms does)");
      }
      numbers.put(a.name(), x);
    }
    if (!errors.isEmpty()) {
      return new Score(
          values, errors, Map.of(), Map.of(), Double.NaN, Double.NaN, List.of(), warnings);
    }
    NomogramPatient patient =
        NomogramPatient.score(m.model(), m.nomogram(), values, numbers, warnings);
    Map<String, Double> points = new LinkedHashMap<>();
    Map<String, String> axisOf = new LinkedHashMap<>();
    double[] scored = patient.points();
    for (int j = 0; j < scored.length; j++) {
      String axis = patient.axes().get(j);
      points.put(axis, scored[j]);
      axisOf.put(m.model().variable(axis).input(), axis);
    }
    double lp = patient.linearPredictor();
    double[] horizons = m.horizons();
    double[] predicted = m.model().predict(horizons, lp);
    List<Prediction> predictions = new ArrayList<>();
    if (m.cox()) {
      for (int k = 0; k < horizons.length; k++) {
        predictions.add(new Prediction(m.horizonLabel(horizons[k]), horizons[k], predicted[k]));
      }
    } else {
      predictions.add(new Prediction("Probability", Double.NaN, predicted[0]));
    }
    return new Score(
        values, errors, points, axisOf, patient.totalPoints(), lp, predictions, warnings);
  }

  /** The model's nomogram drawn by the figure layer, as an inline {@code <svg>} element. */
  public static String svg(NomogramModel m) {
    List<NomogramFigure.Scale> vars = new ArrayList<>();
    for (int j = 0; j < m.axes().size(); j++) {
      NomogramModel.Axis a = m.axes().get(j);
      vars.add(new NomogramFigure.Scale("axis-" + j, a.variable(), a.values(), a.points()));
    }
    List<NomogramFigure.Scale> totals = new ArrayList<>();
    double[] totalTicks = m.nomogram().totalPointsTicks();
    totals.add(
        new NomogramFigure.Scale(
            "axis-total-points", "Total Points", labels(totalTicks), totalTicks));
    totals.add(
        new NomogramFigure.Scale(
            "axis-linear-predictor",
            "Linear Predictor",
            labels(m.nomogram().linearPredictorTicks()),
            m.nomogram().linearPredictorTickPoints()));
    for (int k = 0; k < m.outcomes().size(); k++) {
      OutcomeAxis o = m.outcomes().get(k);
      String label = m.cox() ? capital(m.horizonLabel(o.horizon())) : "Probability";
      totals.add(
          new NomogramFigure.Scale("axis-outcome-" + k, label, labels(o.values()), o.points()));
    }
    NomogramFigure f = new NomogramFigure(vars, totals, MAX_POINTS);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      FigureWriter.write(b, FigureFormat.SVG, f, 300);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String s = b.toString(StandardCharsets.UTF_8);
    int at = s.indexOf("<svg");
    s = at < 0 ? s : s.substring(at);
    return s.replaceFirst(
        "<svg ",
        "<svg viewBox=\"0 0 "
            + f.width()
            + " "
            + f.height()
            + "\" role=\"img\" aria-label=\"Nomogram: "
            + m.title().replace("\"", "")
            + "\" ");
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> labels(double[] x) {
    List<String> out = new ArrayList<>();
    for (double v : x) {
      out.add(org.thyra.report.output.Numbers.signif(v, 4)); // as thyra nomogram's figure
    }
    return out;
  }
}
