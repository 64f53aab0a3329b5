package org.thyra.frame;

import java.util.Arrays;
import java.util.Objects;

/** A numeric column stored as a primitive {@code double[]}; {@code NaN} marks a missing value. */
public final class NumericColumn implements Column {
  private final String name;
  private final double[] values;
  private final int size;

  /**
   * @param name column name
   * @param values values (NaN = missing); only the first {@code size} are used and the array is not
   *     copied (the reader hands over ownership)
   * @param size number of rows
   */
  NumericColumn(String name, double[] values, int size) {
    this.name = Objects.requireNonNull(name);
    this.values = values;
    this.size = size;
  }

  /**
   * @param name column name
   * @param values values, NaN = missing (copied)
   * @return a numeric column
   */
  public static NumericColumn of(String name, double... values) {
    return new NumericColumn(name, values.clone(), values.length);
  }

  // name() and size() repeat CategoricalColumn's: two one-line accessors of a sealed interface's
  // two final classes, not worth an abstract base class.
  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * @param row0 0-based row index
   * @return the value, {@code NaN} when missing
   */
  public double value(int row0) {
    return values[Objects.checkIndex(row0, size)];
  }

  @Override
  public boolean isMissing(int row0) {
    return Double.isNaN(value(row0));
  }

  @Override
  public String text(int row0) {
    double v = value(row0);
    return Double.isNaN(v) ? "NA" : DecimalText.format(v);
  }

  /**
   * @return a copy of the values (NaN = missing)
   */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + size + " rows]";
  }
}
