package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.List;

/**
 * Nomogram points as {@code rms::nomogram} (default {@code maxscale = 100}, {@code nint = 10}).
 *
 * <p>For term j with effects {@code e_jv} over its axis values, the range is {@code R_j = max_v
 * e_jv - min_v e_jv}; the scale is {@code sc = 100 / max_j R_j}, so the term with the largest range
 * of effect spans 0–100 points, and value v of term j scores {@code (e_jv - min_v e_jv) * sc}.
 * Total points P map to the linear predictor {@code lp = b0 + Σ_j min_v e_jv + P / sc}, where b0 is
 * the model's constant (the intercept of a logistic model, {@code -centre} of a Cox model whose
 * linear predictor is centred, as {@code cph}). The linear predictor axis shows {@code
 * pretty(range(fitted lp), 10)}; the total points axis {@code pretty(c(0, max(100, sc * max(lp
 * ticks - lp at 0 points))), 10)}.
 *
 * <p>Axes of one group (rms: the axes of a continuous variable per level of the factor it interacts
 * with, {@code "age (sex=1)"}, {@code "age (sex=2)"}) share one minimum and one range: a value on
 * any of them scores {@code (e - min over the group) * sc}, and a patient scores on exactly one of
 * them, so the group adds its minimum once to the linear predictor at 0 points.
 *
 * <p>Reference: Harrell FE (2015) Regression Modeling Strategies, 2nd ed., §10.8; rms package
 * {@code nomogram}.
 */
public final class Nomogram {

  /** Points of the term with the largest range of effect ({@code maxscale}). */
  public static final double MAX_POINTS = 100;

  private static final int INTERVALS = 10;

  private Nomogram() {}

  /**
   * Builds the nomogram.
   *
   * @param terms the model's terms with their axis values and effects
   * @param constant the model's constant b0 (see the class description)
   * @param fittedLinearPredictors the fit's linear predictors on the same scale ({@code b0 + Σ
   *     effects}), for the linear predictor axis
   * @return the nomogram
   * @throws IllegalArgumentException without terms, with duplicate variables, when every term has
   *     zero range of effect, or with no finite fitted predictor
   */
  public static NomogramResult build(
      List<NomogramTerm> terms, double constant, double[] fittedLinearPredictors) {
    int[] groups = new int[terms == null ? 0 : terms.size()];
    for (int j = 0; j < groups.length; j++) {
      groups[j] = j;
    }
    return build(terms, groups, constant, fittedLinearPredictors);
  }

  /**
   * Builds the nomogram with axes grouped: terms of equal {@code groups[j]} share their minimum and
   * range (see the class description); every term its own group is {@link #build(List, double,
   * double[])}.
   *
   * @param groups group of each term (terms of one group adjacent or not)
   */
  public static NomogramResult build(
      List<NomogramTerm> terms, int[] groups, double constant, double[] fittedLinearPredictors) {
    if (terms == null || terms.isEmpty()) {
      throw new IllegalArgumentException("a nomogram needs at least one term");
    }
    if (!Double.isFinite(constant)) {
      throw new IllegalArgumentException("the model constant must be finite, got " + constant);
    }
    if (groups.length != terms.size()) {
      throw new IllegalArgumentException(groups.length + " groups for " + terms.size() + " terms");
    }
    final List<String> names = new ArrayList<>();
    final double[] min = new double[terms.size()];
    double maxRange = 0;
    double sumMin = 0;
    for (int j = 0; j < terms.size(); j++) {
      final NomogramTerm t = terms.get(j);
      if (names.contains(t.variable())) {
        throw new IllegalArgumentException("duplicated nomogram variable " + t.variable());
      }
      names.add(t.variable());
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      boolean first = true;
      for (int i = 0; i < terms.size(); i++) {
        if (groups[i] != groups[j]) {
          continue;
        }
        first &= i >= j;
        for (double e : terms.get(i).effects()) {
          lo = Math.min(lo, e);
          hi = Math.max(hi, e);
        }
      }
      min[j] = lo;
      if (first) {
        sumMin += lo;
      }
      maxRange = Math.max(maxRange, hi - lo);
    }
    if (!(maxRange > 0)) {
      throw new IllegalArgumentException(
          "every term has zero range of effect over its axis values: " + "no points scale");
    }
    final double scale = MAX_POINTS / maxRange;
    final double lpAtZero = constant + sumMin;
    final List<NomogramAxis> axes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    for (int j = 0; j < terms.size(); j++) {
      final NomogramTerm t = terms.get(j);
      final double[] e = t.effects();
      final double[] p = new double[e.length];
      for (int v = 0; v < e.length; v++) {
        p[v] = (e[v] - min[j]) * scale;
      }
      if (e.length > 1 && p[e.length - 1] == 0 && p[0] == 0) {
        warnings.add(
            "term " + t.variable() + " has zero range of effect: 0 points for every value");
      }
      axes.add(new NomogramAxis(t.variable(), t.labels(), e, p));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    if (fittedLinearPredictors != null) {
      for (double v : fittedLinearPredictors) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(lo <= hi)) {
      throw new IllegalArgumentException(
          "the fitted linear predictors are needed (at least one finite value)"
              + " for the linear predictor axis");
    }
    final double[] lpTicks = PrettyBreaks.of(lo, hi, INTERVALS);
    double maxTick = Double.NEGATIVE_INFINITY;
    for (double v : lpTicks) {
      maxTick = Math.max(maxTick, v);
    }
    final double sumMax =
        terms.size() == 1 ? MAX_POINTS : Math.max(MAX_POINTS, scale * (maxTick - lpAtZero));
    final double[] totalTicks = PrettyBreaks.of(0, sumMax, INTERVALS);
    final double[] lpTickPoints = new double[lpTicks.length];
    for (int k = 0; k < lpTicks.length; k++) {
      lpTickPoints[k] = (lpTicks[k] - lpAtZero) * scale;
    }
    return new NomogramResult(
        axes,
        scale,
        lpAtZero,
        totalTicks,
        lpTicks,
        lpTickPoints,
        "points as rms::nomogram: largest term range = "
            + (int) MAX_POINTS
            + " points, axes pretty(range, "
            + INTERVALS
            + ")",
        warnings);
  }
}
