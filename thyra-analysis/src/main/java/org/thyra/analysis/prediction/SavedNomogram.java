package org.thyra.analysis.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.frame.DecimalText;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.prediction.BaselineHazard;
import org.thyra.stats.prediction.NomogramAxis;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.survival.Ties;

/**
 * A nomogram as {@code thyra nomogram --format json} writes it, read back into the same {@link
 * NomogramModel} the command fitted, so a patient is scored by the same code ({@link
 * NomogramPatient#score}) whether the model was fitted now or read from a file (the web
 * calculator).
 *
 * <p>What the file gives back exactly: each axis's effects and points, the scale, the linear
 * predictor at zero points and the axes' ticks (the {@link NomogramResult}); an {@code rcs()}
 * axis's knots, basis coefficients and offset ({@code effect = offset + Σ b_k f_k(x)}); an
 * interaction axis's {@code predictor}, {@code factor} and {@code level}. What is recovered: a
 * linear numeric axis's coefficient is the slope of its effects over its values and, at a level of
 * a factor it interacts with, its offset the effect at its first value minus slope times that value
 * ({@code rms::nomogram} draws a linear term as a straight line; every numeric axis is checked to
 * give its own effects and points, so a file whose axis is neither linear nor the spline it names
 * is refused when read, not approximated); a categorical variable's coefficients are its levels'
 * effects (the reference's is 0); a Cox model's baseline cumulative hazard {@code H0(t)} at each
 * horizon is recovered from the file's tabulated survival ({@code total_points[].survival}, the
 * entry nearest 0.5, where the logarithm loses the least), so {@code S(t | lp) = exp(-H0(t)
 * exp(lp))} holds at the horizons the file was written for, and only there.
 *
 * @param model the model (its {@link NomogramModel#nomogram()} is the file's)
 * @param formula the model formula as written
 * @param horizons Cox: the file's horizons (ascending as given); logistic: empty
 * @param outcomes the outcome axes as the file gives them
 * @param method the file's {@code method} texts, {@code key: text}
 */
public record SavedNomogram(
    NomogramModel model,
    String formula,
    double[] horizons,
    List<OutcomeAxis> outcomes,
    List<String> method) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SavedNomogram {
    horizons = horizons.clone();
    outcomes = List.copyOf(outcomes);
    method = List.copyOf(method);
  }

  @Override
  public double[] horizons() {
    return horizons.clone();
  }

  /**
   * Reads a model file.
   *
   * @param file how messages name it
   * @throws IllegalArgumentException naming the file and the JSON path of what is wrong
   */
  public static SavedNomogram read(InputStream in, String file) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !"nomogram".equals(root.path("analysis").asText())) {
      throw bad(file, "$.analysis", "is not \"nomogram\": not a file written by thyra nomogram");
    }
    String kind = root.path("model").asText();
    if (!kind.equals("cox") && !kind.equals("logistic")) {
      throw bad(file, "$.model", "must be cox or logistic");
    }
    boolean cox = kind.equals("cox");
    double scale = number(root, "scale", file);
    double lp0 = number(root, "lp_at_zero_points", file);
    List<NomogramModel.ModelVariable> variables = new ArrayList<>();
    List<NomogramAxis> axes = new ArrayList<>();
    List<Double> coefficients = new ArrayList<>();
    JsonNode ax = root.path("axes");
    for (int j = 0; j < ax.size(); j++) {
      JsonNode a = ax.get(j);
      String at = "$.axes[" + j + "]";
      String name = a.path("variable").asText();
      boolean categorical = "categorical".equals(a.path("type").asText());
      boolean spline = "spline".equals(a.path("type").asText());
      // an interaction axis: the variable at one level of a factor (rms draws one per level)
      String factor = a.has("factor") ? a.path("factor").asText() : null;
      String level = factor == null ? null : a.path("level").asText();
      String predictor = factor == null ? name : a.path("predictor").asText();
      if (factor != null && (categorical || predictor.isEmpty() || level.isEmpty())) {
        throw bad(file, at, "is an interaction axis without a numeric predictor and a level");
      }
      List<String> labels = new ArrayList<>();
      a.path("values").forEach(v -> labels.add(v.asText()));
      double[] points = numbers(a.path("points"), file, at + ".points");
      double[] effects = numbers(a.path("effects"), file, at + ".effects");
      if (labels.size() != points.length || labels.isEmpty() || effects.length != points.length) {
        throw bad(file, at, "values, effects and points differ in length or are empty");
      }
      if (categorical) {
        // levels as written, reference first (effect 0): its coefficients are the others' effects
        double[] b = Arrays.copyOfRange(effects, 1, effects.length);
        for (double v : b) {
          coefficients.add(v);
        }
        variables.add(
            new NomogramModel.ModelVariable(name, true, labels, b, Double.NaN, Double.NaN, null));
        axes.add(new NomogramAxis(name, labels, effects, points));
        continue;
      }
      double[] x = numbers(a.path("values"), file, at + ".values");
      labels.clear(); // numeric ticks as people write them: 100, not 100.0
      for (double v : x) {
        labels.add(DecimalText.format(v));
      }
      NomogramModel.ModelVariable variable;
      if (spline) {
        variable = splineVariable(a, file, at, name, x, predictor, factor, level, effects.length);
      } else {
        double slope =
            x.length < 2 ? 0 : (effects[x.length - 1] - effects[0]) / (x[x.length - 1] - x[0]);
        // a linear axis without an interaction is b * x; at a level of a factor it also carries
        // the level's main effect
        double offset = factor == null ? 0 : effects[0] - slope * x[0];
        variable =
            new NomogramModel.ModelVariable(
                name,
                false,
                List.of(),
                new double[] {slope},
                minimum(x),
                maximum(x),
                x,
                null,
                offset,
                predictor,
                factor,
                level);
      }
      checkAxis(variable, x, effects, points, scale, file, at, spline);
      for (double b : variable.coefficients()) {
        coefficients.add(b);
      }
      variables.add(variable);
      axes.add(new NomogramAxis(name, labels, effects, points));
    }
    if (axes.isEmpty()) {
      throw bad(file, "$.axes", "no variable axis");
    }
    JsonNode tp = root.path("total_points");
    double[] totalTicks = new double[tp.size()];
    for (int i = 0; i < tp.size(); i++) {
      totalTicks[i] = number(tp.get(i), "points", file);
    }
    JsonNode lpAxis = root.path("linear_predictor_axis");
    List<String> method = new ArrayList<>();
    root.path("method")
        .fields()
        .forEachRemaining(e -> method.add(e.getKey() + ": " + e.getValue().asText()));
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    NomogramResult nomogram =
        new NomogramResult(
            axes,
            scale,
            lp0,
            totalTicks,
            numbers(lpAxis.path("values"), file, "$.linear_predictor_axis.values"),
            numbers(lpAxis.path("points"), file, "$.linear_predictor_axis.points"),
            root.path("method").path("description").asText(),
            List.of());
    double[] horizons = new double[0];
    BaselineHazard baseline = null;
    if (cox) {
      horizons = numbers(root.path("horizons"), file, "$.horizons");
      baseline = baseline(root, tp, horizons, file);
    }
    List<OutcomeAxis> outcomes = new ArrayList<>();
    JsonNode oa = root.path("outcome_axes");
    for (int k = 0; k < oa.size(); k++) {
      JsonNode o = oa.get(k);
      outcomes.add(
          new OutcomeAxis(
              o.path("label").asText(),
              o.path("horizon").asDouble(Double.NaN),
              numbers(o.path("values"), file, "$.outcome_axes[" + k + "].values"),
              numbers(o.path("points"), file, "$.outcome_axes[" + k + "].points")));
    }
    double[] b = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
    NomogramModel model =
        new NomogramModel(
            cox ? NomogramModel.Kind.COX : NomogramModel.Kind.LOGISTIC,
            variables,
            b,
            lp0,
            new double[0],
            baseline,
            root.path("n").asInt(),
            root.path("events").asInt(),
            warnings,
            nomogram);
    return new SavedNomogram(model, root.path("formula").asText(), horizons, outcomes, method);
  }

  /**
   * The baseline at the file's horizons: {@code H0(t) = -log S(t | lp) / exp(lp)} from the
   * tabulated survival nearest 0.5, on the scale of the file's linear predictor (reference 0).
   */
  private static BaselineHazard baseline(
      JsonNode root, JsonNode tp, double[] horizons, String file) {
    double[] h0 = new double[horizons.length];
    for (int k = 0; k < horizons.length; k++) {
      String key = DecimalText.format(horizons[k]);
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
    // a step function known at the horizons only: sorted, each horizon its own step
    Integer[] order = new Integer[horizons.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (p, q) -> Double.compare(horizons[p], horizons[q]));
    double[] times = new double[horizons.length];
    double[] hazard = new double[horizons.length];
    for (int k = 0; k < order.length; k++) {
      times[k] = horizons[order[k]];
      hazard[k] = h0[order[k]];
    }
    Ties ties =
        "breslow".equals(root.path("method").path("ties").asText()) ? Ties.BRESLOW : Ties.EFRON;
    return new BaselineHazard(
        ties,
        0,
        new double[][] {times},
        new double[][] {hazard},
        new double[] {times.length == 0 ? 0 : times[times.length - 1]},
        List.of());
  }

  /**
   * An {@code rcs()} axis: the spline of its {@code knots} with the basis {@code coefficients} and
   * {@code offset} the file gives, so a value between ticks scores as the fitted spline does.
   */
  private static NomogramModel.ModelVariable splineVariable(
      JsonNode a,
      String file,
      String at,
      String name,
      double[] x,
      String predictor,
      String factor,
      String level,
      int n) {
    if (!a.has("coefficients") || !a.has("knots")) {
      throw bad(
          file,
          at,
          "is an rcs() spline of "
              + name
              + " without its knots and coefficients (a file of an earlier thyra): write it again"
              + " with thyra nomogram --format json");
    }
    double[] knots = numbers(a.path("knots"), file, at + ".knots");
    double[] b = numbers(a.path("coefficients"), file, at + ".coefficients");
    if (knots.length < 3 || b.length != knots.length - 1) {
      throw bad(
          file,
          at,
          "needs at least 3 knots and one coefficient fewer than knots, got "
              + knots.length
              + " knots and "
              + b.length
              + " coefficients");
    }
    JsonNode offset = a.path("offset");
    if (!offset.isNumber()) {
      throw bad(file, at + ".offset", "must be a number");
    }
    List<Double> k = new ArrayList<>();
    for (double v : knots) {
      k.add(v);
    }
    Variable basis =
        new Variable(predictor, TermKind.SPLINE, false, List.of(), null, 0, b.length, null, k);
    return new NomogramModel.ModelVariable(
        name,
        false,
        List.of(),
        b,
        minimum(x),
        maximum(x),
        x,
        basis,
        offset.asDouble(),
        predictor,
        factor,
        level);
  }

  /**
   * A numeric axis read back must give its own effects at its values, and its points must be those
   * effects on the file's scale: else the calculator would score values between ticks on another
   * curve than the one drawn.
   */
  private static void checkAxis(
      NomogramModel.ModelVariable v,
      double[] x,
      double[] effects,
      double[] points,
      double scale,
      String file,
      String at,
      boolean spline) {
    double span = Math.max(1e-300, Math.abs(maximum(points) - minimum(points)));
    double e0 = v.effect(x[0]);
    for (int i = 0; i < x.length; i++) {
      double e = v.effect(x[i]);
      boolean effectOk = Math.abs(e - effects[i]) <= 1e-9 * Math.max(1, Math.abs(effects[i]));
      boolean pointsOk =
          Math.abs((e - e0) * scale - (points[i] - points[0])) <= 1e-9 * Math.max(1, span);
      if (!effectOk || !pointsOk) {
        throw bad(
            file,
            at,
            spline
                ? "the effects or points of "
                    + v.name()
                    + " are not those of the spline its knots and coefficients give"
                : "the points of "
                    + v.name()
                    + " are not linear in its value (a spline or transformed term): the calculator"
                    + " scores linear terms and splines with their knots only");
      }
    }
  }

  private static double minimum(double[] x) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : x) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double maximum(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
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
}
