package org.thyra.web.nomogram;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.prediction.OutcomeAxis;
import org.thyra.analysis.prediction.SavedNomogram;
import org.thyra.stats.prediction.NomogramAxis;
import org.thyra.stats.prediction.NomogramResult;

/**
 * A model the calculator offers: a nomogram file written by {@code thyra nomogram --format json}
 * (docs/CLI.md), read into thyra-analysis's {@link org.thyra.analysis.prediction.NomogramModel} by
 * {@link SavedNomogram#read}, with what the pages show about it (name, title, where it comes from).
 * The calculator scores a patient with the same code as {@code thyra nomogram --predict} ({@link
 * org.thyra.analysis.prediction.NomogramPatient#score}); this record adds no arithmetic.
 *
 * @param id short name (URL part)
 * @param title what the model predicts, for people
 * @param source where the model comes from (study, data, formula)
 * @param timeUnit the unit of the horizons ({@code months}, {@code days}...), or null when unknown
 * @param saved the model and its nomogram, as read from the file
 */
public record NomogramModel(
    String id, String title, String source, String timeUnit, SavedNomogram saved) {

  /**
   * One variable axis, as the form shows it.
   *
   * @param variable name
   * @param categorical whether it takes levels
   * @param values the levels, or the numeric ticks as written
   * @param points the points of each value
   * @param min numeric: smallest tick (data range)
   * @param max numeric: largest tick
   */
  public record Axis(
      String variable,
      boolean categorical,
      List<String> values,
      double[] points,
      double min,
      double max) {}

  /**
   * One field of the form: a model input ({@link
   * org.thyra.analysis.prediction.NomogramModel#inputs()}): a variable, or for an interaction its
   * numeric variable and its factor (whose level chooses the axis the value is read on).
   *
   * @param name the variable (the form field's name)
   * @param categorical whether it takes a level
   * @param levels the levels (categorical), else empty
   * @param min numeric: the axis's smallest value (the data range)
   * @param max numeric: the axis's largest value
   */
  public record Field(
      String name, boolean categorical, List<String> levels, double min, double max) {}

  /** The form's fields, in axis order. */
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (var in : model().inputs()) {
      fields.add(new Field(in.name(), in.categorical(), in.levels(), in.min(), in.max()));
    }
    return fields;
  }

  /** The model as thyra-analysis holds it. */
  public org.thyra.analysis.prediction.NomogramModel model() {
    return saved.model();
  }

  /** The nomogram: axes, scale, ticks. */
  public NomogramResult nomogram() {
    return saved.model().nomogram();
  }

  /** {@code cox} or {@code logistic}. */
  public String kind() {
    return model().kind().label();
  }

  /** True for a Cox model (survival at horizons), false for logistic (one probability). */
  public boolean cox() {
    return model().kind() == org.thyra.analysis.prediction.NomogramModel.Kind.COX;
  }

  public String formula() {
    return saved.formula();
  }

  public int n() {
    return model().n();
  }

  public int events() {
    return model().events();
  }

  /** How points and predictions are defined (the file's {@code method} texts). */
  public List<String> method() {
    return saved.method();
  }

  /** The fit's warnings. */
  public List<String> warnings() {
    return model().warnings();
  }

  /** Points per unit of linear predictor. */
  public double scale() {
    return nomogram().scale();
  }

  /** Linear predictor at zero total points. */
  public double lpAtZero() {
    return nomogram().linearPredictorAtZeroPoints();
  }

  /** Cox: prediction times. */
  public double[] horizons() {
    return saved.horizons();
  }

  /** One per variable, in formula order. */
  public List<Axis> axes() {
    List<Axis> axes = new ArrayList<>();
    List<NomogramAxis> a = nomogram().axes();
    for (int j = 0; j < a.size(); j++) {
      var v = model().variables().get(j);
      axes.add(
          new Axis(
              a.get(j).variable(),
              v.categorical(),
              a.get(j).labels(),
              a.get(j).points(),
              v.min(),
              v.max()));
    }
    return axes;
  }

  /** The outcome axes: label, values and their total points. */
  public List<OutcomeAxis> outcomes() {
    return saved.outcomes();
  }

  /** "3-year survival" for 36 months, "survival at 100 days", "S(36)" with no unit. */
  public String horizonLabel(double h) {
    String t = h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    if ("months".equals(timeUnit) && h % 12 == 0) {
      return (long) (h / 12) + "-year survival";
    }
    return timeUnit == null ? "S(" + t + ")" : "Survival at " + t + " " + timeUnit;
  }

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException naming the file and the JSON path of what is wrong
   */
  public static NomogramModel read(
      InputStream in, String file, String id, String title, String source, String timeUnit)
      throws IOException {
    return new NomogramModel(id, title, source, timeUnit, SavedNomogram.read(in, file));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "NomogramModel[%s, %s, %d axes]", id, kind(), nomogram().axes().size());
  }
}
