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
 * @param name column name
 * @param kind {@link TermKind#AUTO} or {@link TermKind#FACTOR}
 * @param categorical whether it enters as indicator columns
 * @param levels levels, reference first (empty for a numeric variable)
 * @param reference the reference level ({@code null} for a numeric variable)
 * @param firstColumn index of its first design column
 * @param columnCount number of design columns (1 for numeric, levels - 1 for categorical)
 * @param codes per kept row the index into {@code levels} ({@code null} for numeric); the accessor
 *     returns a copy
 */
public record Variable(
    String name,
    TermKind kind,
    boolean categorical,
    List<String> levels,
    String reference,
    int firstColumn,
    int columnCount,
    int[] codes) {
  /** Copies the mutable components. */
  public Variable {
    levels = List.copyOf(levels);
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
        name, kind, categorical, levels, reference, firstColumn, columnCount, newCodes);
  }
}
