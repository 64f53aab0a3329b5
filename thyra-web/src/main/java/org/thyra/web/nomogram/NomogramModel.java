package org.thyra.web.nomogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A nomogram as {@code thyra nomogram --format json} writes it (docs/CLI.md): the axes with the
 * points of each value, the points-to-linear-predictor scale, the outcome axes. The web calculator
 * scores a patient from this file alone, as {@code thyra nomogram --predict} does from the fit:
 *
 * <ul>
 *   <li>a categorical variable scores its level's points; a numeric variable's points are linear in
 *       its value ({@code rms::nomogram} for a linear term), so they are read off the line through
 *       its axis ticks — a model whose numeric axis is not a straight line (a spline term) is
 *       refused when read, not approximated;
 *   <li>linear predictor {@code lp = lp0 + total / scale} ({@code lp_at_zero_points}, {@code
 *       scale});
 *   <li>Cox: {@code S(t | lp) = exp(-H0(t) exp(lp))}, with the baseline cumulative hazard {@code
 *       H0(t)} at each horizon recovered from the file's own tabulated survival ({@code
 *       total_points[].survival}, the entry nearest 0.5, where the logarithm loses the least);
 *       logistic: {@code p = 1 / (1 + exp(-lp))}.
 * </ul>
 *
 * @param id short name (URL part)
 * @param title what the model predicts, for people
 * @param source where the model comes from (study, data, formula)
 * @param timeUnit the unit of the horizons ({@code months}, {@code days}...), or null when unknown
 * @param kind {@code cox} or {@code logistic}
 * @param formula the model formula
 * @param n observations used
 * @param events events
 * @param method how points and predictions are defined (the file's {@code method} texts)
 * @param warnings the fit's warnings
 * @param scale points per unit of linear predictor
 * @param lpAtZero linear predictor at zero total points
 * @param axes one per variable, in formula order
 * @param horizons Cox: prediction times
 * @param baselineHazard Cox: H0 at each horizon
 * @param totalTicks the Total Points axis ticks
 * @param lpTicks linear predictor axis: values
 * @param lpTickPoints linear predictor axis: their total points
 * @param outcomes outcome axes: label, values, total points
 */
public record NomogramModel(
    String id,
    String title,
    String source,
    String timeUnit,
    String kind,
    String formula,
    int n,
    int events,
    List<String> method,
    List<String> warnings,
    double scale,
    double lpAtZero,
    List<Axis> axes,
    double[] horizons,
    double[] baselineHazard,
    double[] totalTicks,
    double[] lpTicks,
    double[] lpTickPoints,
    List<Outcome> outcomes) {

  /**
   * One variable axis.
   *
   * @param variable name
   * @param categorical whether it takes levels
   * @param values the levels, or the numeric ticks as written
   * @param points the points of each value
   * @param slope numeric: points per unit
   * @param intercept numeric: points at value 0
   * @param min numeric: smallest tick (data range)
   * @param max numeric: largest tick
   */
  public record Axis(
      String variable,
      boolean categorical,
      List<String> values,
      double[] points,
      double slope,
      double intercept,
      double min,
      double max) {}

  /** An outcome axis: label, values and their total points. */
  public record Outcome(String label, double horizon, double[] values, double[] points) {}

  /** True for a Cox model (survival at horizons), false for logistic (one probability). */
  public boolean cox() {
    return "cox".equals(kind);
  }

  /** "3-year survival" for 36 months, "survival at 100 days", "S(36)" with no unit. */
  public String horizonLabel(double h) {
    String t = h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    if ("months".equals(timeUnit) && h % 12 == 0) {
      return (long) (h / 12) + "-year survival";
    }
    return timeUnit == null ? "S(" + t + ")" : "Survival at " + t + " " + timeUnit;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException naming the file and the JSON path of what is wrong
   */
  public static NomogramModel read(
      InputStream in, String file, String id, String title, String source, String timeUnit)
      throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !"nomogram".equals(root.path("analysis").asText())) {
      throw bad(file, "$.analysis", "is not \"nomogram\": not a file written by thyra nomogram");
    }
    String kind = root.path("model").asText();
    if (!kind.equals("cox") && !kind.equals("logistic")) {
      throw bad(file, "$.model", "must be cox or logistic");
    }
    double scale = number(root, "scale", file);
    double lp0 = number(root, "lp_at_zero_points", file);
    List<Axis> axes = new ArrayList<>();
    JsonNode ax = root.path("axes");
    for (int j = 0; j < ax.size(); j++) {
      JsonNode a = ax.get(j);
      String at = "$.axes[" + j + "]";
      String name = a.path("variable").asText();
      boolean cat = "categorical".equals(a.path("type").asText());
      List<String> values = new ArrayList<>();
      a.path("values").forEach(v -> values.add(v.asText()));
      double[] points = numbers(a.path("points"), file, at + ".points");
      if (values.size() != points.length || values.isEmpty()) {
        throw bad(file, at, "values and points differ in length or are empty");
      }
      if (cat) {
        axes.add(
            new Axis(name, true, values, points, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        continue;
      }
      double[] x = numbers(a.path("values"), file, at + ".values");
      values.clear(); // numeric ticks as people write them: 100, not 100.0
      for (double v : x) {
        values.add(org.thyra.frame.DecimalText.format(v));
      }
      double slope =
          x.length < 2 ? 0 : (points[x.length - 1] - points[0]) / (x[x.length - 1] - x[0]);
      double intercept = points[0] - slope * x[0];
      double span = Math.max(1, Math.abs(points[x.length - 1] - points[0]));
      for (int i = 0; i < x.length; i++) {
        if (Math.abs(intercept + slope * x[i] - points[i]) > 1e-9 * span) {
          throw bad(
              file,
              at,
              "the points of "
                  + name
                  + " are not linear in its value (a spline or transformed term): the calculator"
                  + " scores linear terms only");
        }
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : x) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      axes.add(new Axis(name, false, values, points, slope, intercept, min, max));
    }
    if (axes.isEmpty()) {
      throw bad(file, "$.axes", "no variable axis");
    }
    JsonNode tp = root.path("total_points");
    double[] totalTicks = new double[tp.size()];
    for (int i = 0; i < tp.size(); i++) {
      totalTicks[i] = number(tp.get(i), "points", file);
    }
    double[] horizons = new double[0];
    double[] h0 = new double[0];
    if (kind.equals("cox")) {
      horizons = numbers(root.path("horizons"), file, "$.horizons");
      h0 = new double[horizons.length];
      for (int k = 0; k < horizons.length; k++) {
        String key = org.thyra.frame.DecimalText.format(horizons[k]);
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < tp.size(); i++) {
          JsonNode s = tp.get(i).path("survival").path(key);
          double lp = tp.get(i).path("lp").asDouble(Double.NaN);
          if (!s.isNumber() || !Double.isFinite(lp)) {
            continue;
          }
          double sv = s.asDouble();
          if (sv > 0 && sv < 1 && Math.abs(sv - 0.5) < bestDistance) {
            bestDistance = Math.abs(sv - 0.5);
            best = -Math.log(sv) / Math.exp(lp);
          }
        }
        if (!Double.isFinite(best)) {
          throw bad(
              file,
              "$.total_points[].survival." + key,
              "no survival strictly between 0 and 1 at this horizon (beyond the follow-up?)");
        }
        h0[k] = best;
      }
    }
    JsonNode lpAxis = root.path("linear_predictor_axis");
    List<Outcome> outcomes = new ArrayList<>();
    JsonNode oa = root.path("outcome_axes");
    for (int k = 0; k < oa.size(); k++) {
      JsonNode o = oa.get(k);
      outcomes.add(
          new Outcome(
              o.path("label").asText(),
              o.path("horizon").asDouble(Double.NaN),
              numbers(o.path("values"), file, "$.outcome_axes[" + k + "].values"),
              numbers(o.path("points"), file, "$.outcome_axes[" + k + "].points")));
    }
    List<String> method = new ArrayList<>();
    root.path("method")
        .fields()
        .forEachRemaining(e -> method.add(e.getKey() + ": " + e.getValue().asText()));
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    return new NomogramModel(
        id,
        title,
        source,
        timeUnit,
        kind,
        root.path("formula").asText(),
        root.path("n").asInt(),
        root.path("events").asInt(),
        method,
        warnings,
        scale,
        lp0,
        axes,
        horizons,
        h0,
        totalTicks,
        numbers(lpAxis.path("values"), file, "$.linear_predictor_axis.values"),
        numbers(lpAxis.path("points"), file, "$.linear_predictor_axis.points"),
        outcomes);
  }

  private static double number(JsonNode n, String field, String file) {
    JsonNode v = n.path(field);
    if (!v.isNumber()) {
      throw bad(file, "$." + field, "must be a number");
    }
    return v.asDouble();
  }

  private static double[] numbers(JsonNode a, String file, String at) {
    if (!a.isArray()) {
      throw bad(file, at, "must be an array of numbers");
    }
    double[] x = new double[a.size()];
    for (int i = 0; i < x.length; i++) {
      if (!a.get(i).isNumber()) {
        throw bad(file, at + "[" + i + "]", "must be a number");
      }
      x[i] = a.get(i).asDouble();
    }
    return x;
  }

  private static IllegalArgumentException bad(String file, String path, String why) {
    return new IllegalArgumentException(file + ": " + path + " " + why);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "NomogramModel[%s, %s, %d axes]", id, kind, axes.size());
  }
}
