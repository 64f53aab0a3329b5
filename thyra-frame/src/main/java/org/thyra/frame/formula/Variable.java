package org.thyra.frame.formula;

import java.util.List;

/**
 * One covariate of a {@link ModelFrame}.
 *
 * <p>For a categorical variable {@link #levels()} lists the levels that have rows after missing
 * rows were dropped, reference first (as R's {@code relevel}), then the others in sorted order;
 * {@link #codes()} indexes that list, so code 0 is the reference. Its design columns are the
 * non-reference levels in that order.
 *
 * <p>A spline ({@code rcs(x, k)}) is one variable of k - 1 design columns; an interaction is one
 * variable named {@code a:b} whose columns are the products of its components' columns.
 *
 * @param name column name; for an interaction the components' names joined by {@code :}
 * @param kind {@link TermKind#AUTO}, {@link TermKind#FACTOR}, {@link TermKind#SPLINE} or {@link
 *     TermKind#INTERACTION}
 * @param categorical whether it enters as indicator columns
 * @param levels levels, reference first (empty for a numeric variable)
 * @param reference the reference level ({@code null} for a numeric variable)
 * @param firstColumn index of its first design column
 * @param columnCount number of design columns (1 for numeric, levels - 1 for categorical)
 * @param codes per kept row the index into {@code levels} ({@code null} for numeric); the accessor
 *     returns a copy
 * @param knots for a {@link TermKind#SPLINE} its knots (as placed on the data, or as given), else
 *     empty
 */
public record Variable(
    String name,
    TermKind kind,
    boolean categorical,
    List<String> levels,
    String reference,
    int firstColumn,
    int columnCount,
    int[] codes,
    List<Double> knots) {
  /** Copies the mutable components. */
  public Variable {
    levels = List.copyOf(levels);
    knots = List.copyOf(knots);
    codes = codes == null ? null : codes.clone();
  }

  /**
   * @return per kept row the index into {@link #levels()} (0 = reference), or {@code null} when
   *     numeric
   */
  @Override
  public int[] codes() {
    return codes == null ? null : codes.clone();
  }

  /**
   * @return this variable with other row codes (new data coded with the same levels)
   */
  public Variable withCodes(int[] newCodes) {
    return new Variable(
        name, kind, categorical, levels, reference, firstColumn, columnCount, newCodes, knots);
  }

  /**
   * @param x a value of the spline's column
   * @return the spline's design columns at {@code x} (x, then the nonlinear columns), as in the
   *     design matrix
   * @throws IllegalStateException when this is not a spline
   */
  public double[] splineBasis(double x) {
    if (kind != TermKind.SPLINE) {
      throw new IllegalStateException(name + " is not a spline");
    }
    return SplineKnots.basisAt(x, knots.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
