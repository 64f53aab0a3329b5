package org.thyra.analysis.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.prediction.BaselineHazard;
import org.thyra.stats.prediction.BaselineSurvival;
import org.thyra.stats.prediction.Nomogram;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.prediction.NomogramTerm;
import org.thyra.stats.prediction.Predict;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.survival.CoxFit;

/**
 * A fitted Cox or logistic model seen as a nomogram: one axis per model variable, the model
 * constant and the fitted linear predictors on the scale {@code rms} uses, and (Cox) the baseline
 * hazard that turns a linear predictor into survival.
 *
 * <p>Scales, as {@code rms::nomogram}: a logistic model's linear predictor is {@code b0 + x'b}; a
 * Cox model's is centred at the sample mean of {@code x'b}, as {@code cph} ({@code constant =
 * -mean(x'b)}), which shifts the linear predictor axis but no points. An aliased coefficient counts
 * as 0 (R's NA) and is reported.
 *
 * @param kind Cox or logistic
 * @param variables the model variables in formula order, with their coefficients and data range
 * @param coefficients every design column's coefficient, in design order (aliased: 0)
 * @param constant b0 of {@code lp = b0 + Σ effects}
 * @param fittedLp fitted linear predictor per row on that scale
 * @param baseline Cox: the baseline hazard (survfit.coxph); logistic: null
 * @param n observations used
 * @param events events (Cox) or outcomes equal to 1 (logistic)
 * @param warnings notes from the fit and the frame
 * @param saved the nomogram as a file gave it ({@link SavedNomogram}), or null for a model fitted
 *     here (its nomogram is built from {@code variables}, {@code constant} and {@code fittedLp})
 */
public record NomogramModel(
    Kind kind,
    List<ModelVariable> variables,
    double[] coefficients,
    double constant,
    double[] fittedLp,
    BaselineHazard baseline,
    int n,
    int events,
    List<String> warnings,
    NomogramResult saved) {

  /** The two model families a nomogram is drawn for. */
  public enum Kind {
    COX,
    LOGISTIC;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One model variable as a nomogram axis.
   *
   * @param name variable name
   * @param categorical whether it enters as indicators
   * @param levels levels, reference first (categorical)
   * @param coefficients numeric: one slope; categorical: one per non-reference level (0 when
   *     aliased)
   * @param min numeric: smallest value in the fitting rows
   * @param max numeric: largest value in the fitting rows
   * @param axisValues numeric: axis tick values (rms: distinct values when at most 10, else pretty)
   * @param spline for an {@code rcs(x, k)} term the frame's spline variable (its knots give the
   *     basis), else null; its coefficients are then the k - 1 coefficients of the basis columns
   * @param offset a constant added to the effect: for the axis of a numeric variable at one level
   *     of a factor it interacts with, that level's main effect (else 0)
   * @param predictor the model variable the axis shows (for an interaction axis {@code age} of
   *     {@code "age (sex=2)"}; else the name)
   * @param factor for an interaction axis the factor it is drawn at one level of, else null
   * @param level for an interaction axis that level, else null
   */
  public record ModelVariable(
      String name,
      boolean categorical,
      List<String> levels,
      double[] coefficients,
      double min,
      double max,
      double[] axisValues,
      Variable spline,
      double offset,
      String predictor,
      String factor,
      String level) {

    /** A categorical or linear numeric variable (no spline). */
    public ModelVariable(
        String name,
        boolean categorical,
        List<String> levels,
        double[] coefficients,
        double min,
        double max,
        double[] axisValues) {
      this(
          name, categorical, levels, coefficients, min, max, axisValues, null, 0, name, null, null);
    }

    /** Whether the axis is a numeric variable at one level of a factor it interacts with. */
    public boolean isInteraction() {
      return factor != null;
    }

    /**
     * The patient value the axis reads: the numeric variable of an interaction axis ({@code age} of
     * {@code "age (sex=2)"}), else the variable itself.
     */
    public String input() {
      return isInteraction() ? predictor : name;
    }

    /**
     * The contribution of a numeric value to the linear predictor: {@code b * x}, or for a spline
     * the sum of its terms {@code Σ_k b_k f_k(x)} (rms: the axis of a spline is its values placed
     * by this sum, which need not be monotone). Beyond the outer knots a restricted cubic spline is
     * linear, so an out-of-range value extrapolates linearly, as rms.
     */
    public double effect(double value) {
      if (spline == null) {
        return offset + coefficients[0] * value;
      }
      double[] f = spline.splineBasis(value);
      double e = offset;
      for (int k = 0; k < f.length; k++) {
        e += coefficients[k] * f[k];
      }
      return e;
    }

    /** Whether the axis is a restricted cubic spline of the variable. */
    public boolean isSpline() {
      return spline != null;
    }

    /** The contribution of level k (0 = reference) to the linear predictor. */
    public double levelEffect(int k) {
      return k == 0 ? 0 : coefficients[k - 1];
    }

    public NomogramTerm term() {
      if (categorical) {
        return NomogramTerm.categorical(name, levels, coefficients);
      }
      // NomogramTerm.linear's effects, with labels as R prints numbers (pretty's
      // 0.30000000000000004 is 0.3)
      double[] e = new double[axisValues.length];
      List<String> labels = new ArrayList<>();
      for (int k = 0; k < e.length; k++) {
        e[k] = effect(axisValues[k]);
        labels.add(org.thyra.frame.DecimalText.format(axisValues[k]));
      }
      return new NomogramTerm(name, labels, e);
    }
  }

  /**
   * One value a patient gives (a {@code --predict} key, a calculator field): a model variable, or
   * for a numeric x factor interaction its numeric variable (scored on the axis of the patient's
   * level) and its factor (which has no axis of its own, only chooses that axis).
   *
   * @param name the variable's name
   * @param categorical whether it takes a level
   * @param levels levels, reference first (categorical), else empty
   * @param min numeric: smallest value in the fitting rows (the axis's range), else NaN
   * @param max numeric: largest value in the fitting rows, else NaN
   */
  public record Input(
      String name, boolean categorical, List<String> levels, double min, double max) {
    public Input {
      levels = List.copyOf(levels);
    }
  }

  public NomogramModel {
    variables = List.copyOf(variables);
    coefficients = coefficients.clone();
    fittedLp = fittedLp.clone();
    warnings = List.copyOf(warnings);
  }

  /**
   * A Cox model: coefficients of {@code fit}, baseline as survfit.coxph for its tie method; the
   * fit's and the baseline's warnings are kept.
   */
  public static NomogramModel cox(ModelFrame frame, CoxFit fit) {
    List<String> warnings = new ArrayList<>(fit.warnings());
    double[] b = usable(fit.coefficients(), fit.names(), warnings);
    double[][] x = frame.design().columns();
    double[] xb = linearPredictor(x, b, 0);
    double mean = 0;
    for (double v : xb) {
      mean += v;
    }
    mean /= xb.length;
    double[] lp = new double[xb.length];
    for (int i = 0; i < lp.length; i++) {
      lp[i] = xb[i] - mean;
    }
    BaselineHazard baseline =
        BaselineSurvival.estimate(frame.time(), frame.status(), lp, null, fit.ties());
    warnings.addAll(baseline.warnings());
    return new NomogramModel(
        Kind.COX,
        variables(frame, b),
        b,
        -mean,
        lp,
        baseline,
        fit.n(),
        fit.events(),
        warnings,
        null);
  }

  /**
   * A logistic model: intercept and coefficients of {@code fit}; the fit's warnings are kept and a
   * diverging coefficient (separation) is reported for what it does to the nomogram.
   */
  public static NomogramModel logistic(ModelFrame frame, LogisticResult fit) {
    List<String> warnings = new ArrayList<>(fit.warnings());
    double[] coef = new double[fit.terms().size()];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < coef.length; j++) {
      LogisticTerm t = fit.terms().get(j);
      coef[j] = t.coef();
      names.add(t.name());
      if (t.diverging()) {
        warnings.add(
            "nomogram: coefficient "
                + t.name()
                + " diverges (separation), so its axis dominates the"
                + " points and predicted probabilities near 0 or 1 are not reliable");
      }
    }
    double[] b = usable(coef, names, warnings);
    double b0 = fit.intercept().coef();
    double[] lp = linearPredictor(frame.design().columns(), b, b0);
    return new NomogramModel(
        Kind.LOGISTIC, variables(frame, b), b, b0, lp, null, fit.n(), fit.events(), warnings, null);
  }

  /** Builds the nomogram (rms: largest range of effect = 100 points). */
  public NomogramResult nomogram() {
    if (saved != null) {
      return saved;
    }
    List<NomogramTerm> terms = new ArrayList<>();
    int[] groups = new int[variables.size()];
    List<String> predictors = new ArrayList<>();
    for (int j = 0; j < variables.size(); j++) {
      ModelVariable v = variables.get(j);
      terms.add(v.term());
      // the axes of one variable at each level of a factor share their minimum and range (rms)
      if (!predictors.contains(v.predictor())) {
        predictors.add(v.predictor());
      }
      groups[j] = predictors.indexOf(v.predictor());
    }
    return Nomogram.build(terms, groups, constant, fittedLp);
  }

  /**
   * The linear predictor of each row of a frame coded as the fitting frame ({@link
   * ModelFrame#encode}), on this model's scale (Cox: centred at the fitting rows' mean, as {@code
   * predict.coxph(type = "lp")}).
   */
  public double[] linearPredictor(ModelFrame data) {
    return linearPredictor(data.design().columns(), coefficients, constant);
  }

  /**
   * Predicted survival at each horizon (Cox) or the probability (logistic, one value) at a linear
   * predictor.
   */
  public double[] predict(double[] horizons, double lp) {
    if (kind == Kind.COX) {
      return Predict.survival(baseline, horizons, lp);
    }
    return new double[] {Predict.risk(lp)};
  }

  /**
   * The values a patient gives, in axis order: each variable, and for an interaction its numeric
   * variable followed by its factor (levels in the order of its axes, reference first).
   */
  public List<Input> inputs() {
    java.util.Map<String, Input> inputs = new java.util.LinkedHashMap<>();
    java.util.Map<String, List<String>> factorLevels = new java.util.LinkedHashMap<>();
    for (ModelVariable v : variables) {
      if (!v.isInteraction()) {
        inputs.put(
            v.name(),
            new Input(
                v.name(),
                v.categorical(),
                v.categorical() ? v.levels() : List.of(),
                v.min(),
                v.max()));
        continue;
      }
      inputs.putIfAbsent(
          v.predictor(), new Input(v.predictor(), false, List.of(), v.min(), v.max()));
      factorLevels.computeIfAbsent(v.factor(), f -> new ArrayList<>()).add(v.level());
      inputs.putIfAbsent(v.factor(), null); // after its numeric variable; levels filled below
    }
    List<Input> out = new ArrayList<>();
    inputs.forEach(
        (name, in) ->
            out.add(
                in != null
                    ? in
                    : new Input(name, true, factorLevels.get(name), Double.NaN, Double.NaN)));
    return out;
  }

  /**
   * @return the variable of that name, or null
   */
  public ModelVariable variable(String name) {
    for (ModelVariable v : variables) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return null;
  }

  private static double[] usable(double[] coef, List<String> names, List<String> warnings) {
    double[] b = coef.clone();
    for (int j = 0; j < b.length; j++) {
      if (Double.isNaN(b[j])) {
        b[j] = 0;
        warnings.add("coefficient " + names.get(j) + " is aliased (NA): it counts as 0 points");
      }
    }
    return b;
  }

  private static double[] linearPredictor(double[][] x, double[] b, double b0) {
    return Predict.linearPredictor(x, b, b0);
  }

  private static List<ModelVariable> variables(ModelFrame frame, double[] b) {
    List<ModelVariable> out = new ArrayList<>();
    double[][] x = frame.design().columns();
    List<Variable> all = frame.variables();
    // numeric x factor interactions: the factor's main effect and the interaction are drawn in the
    // numeric variable's axes, one per level (rms::nomogram); the factor has no axis of its own
    java.util.Map<String, Variable> interactionOf = new java.util.HashMap<>();
    for (Variable v : all) {
      if (v.kind() != TermKind.INTERACTION) {
        continue;
      }
      String[] parts = v.name().split(":", -1);
      Variable first = parts.length == 2 ? find(all, parts[0]) : null;
      Variable second = parts.length == 2 ? find(all, parts[1]) : null;
      if (first == null
          || second == null
          || first.categorical() == second.categorical()
          || interactionOf.containsKey(parts[0])
          || interactionOf.containsKey(parts[1])) {
        throw new IllegalArgumentException(
            "a nomogram draws an interaction of one numeric variable (or rcs() spline) with one"
                + " factor, each in its main effects too and in no other interaction (rms: one"
                + " axis of the variable per level of the factor); "
                + v.name()
                + " is not one");
      }
      interactionOf.put(parts[0], v);
      interactionOf.put(parts[1], v);
    }
    for (Variable v : all) {
      if (v.kind() == TermKind.INTERACTION) {
        continue;
      }
      double[] coef =
          java.util.Arrays.copyOfRange(b, v.firstColumn(), v.firstColumn() + v.columnCount());
      Variable inter = interactionOf.get(v.name());
      if (v.categorical()) {
        if (inter == null) {
          out.add(
              new ModelVariable(v.name(), true, v.levels(), coef, Double.NaN, Double.NaN, null));
        }
        continue;
      }
      double[] col = x[v.firstColumn()];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double c : col) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
      // a spline's first design column is the variable itself, so its axis values (rms:
      // datadist) come from the data as for a linear term
      double[] values = NomogramTerm.defaultValues(col);
      Variable spline = v.kind() == TermKind.SPLINE ? v : null;
      if (inter == null) {
        out.add(
            new ModelVariable(
                v.name(), false, List.of(), coef, lo, hi, values, spline, 0, v.name(), null, null));
        continue;
      }
      String[] parts = inter.name().split(":", -1);
      boolean numericFirst = parts[0].equals(v.name());
      Variable f = find(all, numericFirst ? parts[1] : parts[0]);
      int m = v.columnCount();
      int levels = f.levels().size();
      for (int l = 0; l < levels; l++) {
        // at level l: the numeric basis's coefficients plus the interaction's for that level
        // (R's model.matrix: the first component varies fastest), offset the level's main effect
        double[] c = coef.clone();
        double offset = 0;
        if (l > 0) {
          offset = b[f.firstColumn() + l - 1];
          for (int p = 0; p < m; p++) {
            int col0 = numericFirst ? (l - 1) * m + p : p * (levels - 1) + (l - 1);
            c[p] += b[inter.firstColumn() + col0];
          }
        }
        String level = f.levels().get(l);
        out.add(
            new ModelVariable(
                v.name() + " (" + f.name() + "=" + level + ")",
                false,
                List.of(),
                c,
                lo,
                hi,
                values,
                spline,
                offset,
                v.name(),
                f.name(),
                level));
      }
    }
    return out;
  }

  private static Variable find(List<Variable> all, String name) {
    for (Variable v : all) {
      if (v.name().equals(name) && v.kind() != TermKind.INTERACTION) {
        return v;
      }
    }
    return null;
  }
}
