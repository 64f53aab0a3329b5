package org.thyra.frame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How a data file's cells are read (docs/CLI.md, "Column types"): which words mean a missing value
 * besides the built-in empty cell, {@code NA} and {@code .}; whether numbers use a decimal comma;
 * which columns the user declared categorical ({@code factor(x)}, {@code --factor x}), which are
 * exempt from the mostly-numbers check.
 *
 * @param missingWords further words that mark a missing value ({@code --na "N/A,?"}), matched
 *     exactly after trimming spaces and tabs
 * @param decimalComma numbers are written {@code 61,5} ({@code --decimal-comma}); then a full stop
 *     in a number is not accepted
 * @param categorical columns declared categorical
 */
public record ReadOptions(Set<String> missingWords, boolean decimalComma, Set<String> categorical) {
  /** The built-in missing values only, decimal point, nothing declared categorical. */
  public static final ReadOptions DEFAULT = new ReadOptions(Set.of(), false, Set.of());

  public ReadOptions {
    missingWords = Set.copyOf(missingWords);
    categorical = Set.copyOf(categorical);
  }

  /**
   * @return these options with more columns declared categorical
   */
  public ReadOptions withCategorical(Collection<String> columns) {
    List<String> all = new ArrayList<>(categorical);
    all.addAll(columns);
    return new ReadOptions(missingWords, decimalComma, Set.copyOf(all));
  }

  /**
   * @return whether the trimmed text marks a missing value
   */
  public boolean isMissing(String trimmed) {
    return TableReader.isMissing(trimmed) || missingWords.contains(trimmed);
  }

  /**
   * @return whether the trimmed text {@code buf[off, off+len)} marks a missing value
   */
  boolean isMissing(char[] buf, int off, int len) {
    if (TableReader.isMissing(buf, off, len)) {
      return true;
    }
    if (missingWords.isEmpty()) {
      return false;
    }
    for (String w : missingWords) {
      if (w.length() == len && w.contentEquals(java.nio.CharBuffer.wrap(buf, off, len))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the number the trimmed text holds (finite or not), or NaN when it is not a number in
   *     this file's notation
   */
  public double parse(char[] buf, int off, int len) {
    if (!decimalComma) {
      return DecimalText.parse(buf, off, len);
    }
    char[] swapped = new char[len];
    for (int i = 0; i < len; i++) {
      char c = buf[off + i];
      if (c == '.') {
        return Double.NaN;
      }
      swapped[i] = c == ',' ? '.' : c;
    }
    return DecimalText.parse(swapped, 0, len);
  }

  /**
   * @see #parse(char[], int, int)
   */
  public double parse(String text) {
    return parse(text.toCharArray(), 0, text.length());
  }
}
