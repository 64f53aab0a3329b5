package org.thyra.stats.prediction;

import java.util.Arrays;
import java.util.List;

/**
 * One nomogram axis before scaling: a predictor, the values its axis shows and the contribution of
 * each value to the linear predictor ({@code x'b} of the term's design columns).
 *
 * @param variable predictor name
 * @param labels axis labels, one per value
 * @param effects the term's contribution to the linear predictor at each value
 */
public record NomogramTerm(String variable, List<String> labels, double[] effects) {

  /** Validates and copies. */
  public NomogramTerm {
    if (variable == null || labels == null || effects == null) {
      throw new IllegalArgumentException("variable, labels and effects are required");
    }
    if (labels.size() != effects.length || effects.length == 0) {
      throw new IllegalArgumentException(
          "term "
              + variable
              + ": "
              + labels.size()
              + " labels for "
              + effects.length
              + " effects (need the same number, at least one)");
    }
    for (double e : effects) {
      if (!Double.isFinite(e)) {
        throw new IllegalArgumentException(
            "term "
                + variable
                + " has a non-finite effect "
                + e
                + " (e.g. log of 0 on the axis: give the axis values explicitly)");
      }
    }
    labels = List.copyOf(labels);
    effects = effects.clone();
  }

  @Override
  public double[] effects() {
    return effects.clone();
  }

  /**
   * A term linear in one numeric variable: effect {@code b * value}.
   *
   * @param variable predictor name
   * @param coefficient its coefficient
   * @param values the axis values (e.g. {@link #defaultValues(double[])})
   * @return the term
   */
  public static NomogramTerm linear(String variable, double coefficient, double[] values) {
    final double[] e = new double[values.length];
    final String[] labels = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      e[i] = coefficient * values[i];
      labels[i] = label(values[i]);
    }
    return new NomogramTerm(variable, List.of(labels), e);
  }

  /**
   * A categorical term: the reference level has effect 0, each other level its coefficient.
   *
   * @param variable predictor name
   * @param levels all levels, the reference first
   * @param coefficients coefficients of levels 2..k
   * @return the term
   */
  public static NomogramTerm categorical(
      String variable, List<String> levels, double[] coefficients) {
    if (levels.size() != coefficients.length + 1) {
      throw new IllegalArgumentException(
          "term "
              + variable
              + ": "
              + levels.size()
              + " levels need "
              + (levels.size() - 1)
              + " coefficients, got "
              + coefficients.length);
    }
    final double[] e = new double[levels.size()];
    System.arraycopy(coefficients, 0, e, 1, coefficients.length);
    return new NomogramTerm(variable, levels, e);
  }

  /**
   * Default axis values of a numeric predictor as {@code rms::datadist} + {@code nomogram}: the
   * sorted distinct values when there are at most 10 ({@code n.unique = 10}), otherwise {@code
   * pretty(range(x), 10)}. NaN values are ignored.
   *
   * @param data the predictor's values in the fitting data
   * @return the axis values
   * @throws IllegalArgumentException with fewer than 2 distinct non-missing values
   */
  public static double[] defaultValues(double[] data) {
    final double[] x = Arrays.stream(data).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int distinct = 0;
    for (int i = 0; i < x.length; i++) {
      if (i == 0 || x[i] != x[i - 1]) {
        x[distinct++] = x[i];
      }
    }
    if (distinct < 2) {
      throw new IllegalArgumentException(
          "a nomogram axis needs at least 2 distinct values, got " + distinct);
    }
    if (distinct <= 10) {
      return Arrays.copyOf(x, distinct);
    }
    return PrettyBreaks.of(x[0], x[distinct - 1], 10);
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
