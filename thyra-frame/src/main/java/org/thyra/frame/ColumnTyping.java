package org.thyra.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one typing rule for a column read from a file (docs/CLI.md, "Column types").
 *
 * <p>A column is numeric when every non-missing cell is a finite number in the file's notation. A
 * column is categorical when its cells are mostly not numbers. A column that is <em>mostly</em>
 * numbers and yet not all — more than half of its non-missing cells look like numbers and the
 * others are at most 5 cells or at most 5 % of them — is neither: it is an error naming the first
 * offending cells with what they look like (a decimal comma, a missing-value word, a non-finite or
 * out-of-range number, a repeated header line), unless the user declared the column categorical.
 * {@code NaN}, {@code Inf} and numbers beyond ±1.8e308 in a column that otherwise holds numbers are
 * always errors, and so are missing-value words ({@code N/A}, {@code ?}, ...) in a column whose
 * other cells are all numbers, however many. This replaces silently turning a numeric column into a
 * factor with one level per value.
 */
final class ColumnTyping {
  /** At most this many offending cells, or this share of the non-missing cells, make "a few". */
  static final int FEW_CELLS = 5;

  static final double FEW_SHARE = 0.05;

  private static final Set<String> NON_FINITE =
      Set.of(
          "nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity", "#num!", "#div/0!");

  private static final Set<String> MISSING_WORDS =
      Set.of(
          "n/a",
          "na",
          "n.a.",
          "nan",
          "null",
          "none",
          "nil",
          "missing",
          "unknown",
          "unk",
          "?",
          "-",
          "--",
          "#n/a",
          "not available",
          "not done",
          "nd",
          "n.d.",
          "");

  private static final Pattern DECIMAL_COMMA =
      Pattern.compile("[+-]?[0-9]*,[0-9]+([eE][+-]?[0-9]+)?");

  private ColumnTyping() {}

  private enum Kind {
    NUMBER,
    DECIMAL_COMMA,
    NON_FINITE,
    MISSING_WORD,
    OTHER
  }

  /**
   * Checks a column as read; a categorical column that is mostly numbers is an error.
   *
   * @throws InputException naming file, the first offending row and the column
   */
  static void check(String source, Column column, ReadOptions options) {
    if (!(column instanceof CategoricalColumn c) || options.categorical().contains(c.name())) {
      return;
    }
    List<String> levels = c.levels();
    Kind[] kinds = new Kind[levels.size()];
    for (int k = 0; k < kinds.length; k++) {
      kinds[k] = kind(levels.get(k), options);
    }
    int[] count = new int[Kind.values().length];
    int n = 0;
    for (int i = 0; i < c.size(); i++) {
      int code = c.code(i);
      if (code >= 0) {
        count[kinds[code].ordinal()]++;
        n++;
      }
    }
    int numberLike =
        count[Kind.NUMBER.ordinal()]
            + count[Kind.DECIMAL_COMMA.ordinal()]
            + count[Kind.NON_FINITE.ordinal()];
    int words = count[Kind.MISSING_WORD.ordinal()];
    int other = count[Kind.OTHER.ordinal()] + words;
    boolean mostlyNumbers = 2 * numberLike > n && (other <= FEW_CELLS || other <= FEW_SHARE * n);
    boolean nonFiniteAmongNumbers =
        count[Kind.NON_FINITE.ordinal()] > 0 && count[Kind.NUMBER.ordinal()] > 0;
    // numbers and missing-value words only, however many words: a numeric column with its own
    // word for missing, never a set of categories
    boolean numbersAndWords = numberLike > 0 && words > 0 && other == words;
    if (!mostlyNumbers && !nonFiniteAmongNumbers && !numbersAndWords) {
      return;
    }
    // name the first offending cells, in row order
    List<String> shown = new ArrayList<>();
    Integer firstRow = null;
    int offending = n - count[Kind.NUMBER.ordinal()];
    boolean comma = false;
    boolean word = false;
    for (int i = 0; i < c.size() && shown.size() < 3; i++) {
      int code = c.code(i);
      if (code < 0 || kinds[code] == Kind.NUMBER) {
        continue;
      }
      String text = levels.get(code);
      if (firstRow == null) {
        firstRow = i + 1;
      }
      String what =
          switch (kinds[code]) {
            case DECIMAL_COMMA -> {
              comma = true;
              yield "a decimal comma";
            }
            case NON_FINITE -> {
              if (Double.isInfinite(options.parse(text))) {
                yield "a number beyond the range of ±1.8e308";
              }
              word |= text.equalsIgnoreCase("nan");
              yield "not a finite number";
            }
            case MISSING_WORD -> {
              word = true;
              yield "a missing-value word";
            }
            default -> {
              if (text.equals(c.name())) {
                yield "a repeated header line";
              }
              if (MISSING_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
                word = true;
                yield "a missing-value word";
              }
              yield "text";
            }
          };
      shown.add("row " + (i + 1) + " \"" + text + "\" (" + what + ")");
    }
    StringBuilder msg = new StringBuilder();
    msg.append("the column holds numbers, but ")
        .append(offending)
        .append(" of its ")
        .append(n)
        .append(" values ")
        .append(offending == 1 ? "is" : "are")
        .append(" not: ")
        .append(String.join(", ", shown))
        .append(offending > shown.size() ? " and " + (offending - shown.size()) + " more" : "")
        .append(". Thyra does not guess: ");
    List<String> ways = new ArrayList<>();
    if (comma && !options.decimalComma()) {
      ways.add("for decimal commas use --decimal-comma");
    }
    if (word) {
      ways.add(
          "mark missing values with --na (e.g. --na \""
              + firstWord(c, kinds)
              + "\"), or correct the cells");
    }
    if (ways.isEmpty()) {
      ways.add("correct the cells or leave them empty (missing)");
    }
    ways.add(
        "if \""
            + c.name()
            + "\" is really categorical, say so: factor("
            + c.name()
            + ") in a formula, or --factor "
            + c.name());
    msg.append(String.join("; ", ways));
    throw new InputException(source, firstRow, c.name(), msg.toString());
  }

  private static String firstWord(CategoricalColumn c, Kind[] kinds) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < c.size() && words.size() < 3; i++) {
      int code = c.code(i);
      if (code < 0 || kinds[code] == Kind.NUMBER || kinds[code] == Kind.DECIMAL_COMMA) {
        continue;
      }
      String label = c.levels().get(code);
      boolean missingWord =
          MISSING_WORDS.contains(label.toLowerCase(Locale.ROOT)) || label.equalsIgnoreCase("nan");
      if (missingWord && !words.contains(label)) {
        words.add(label);
      }
    }
    return String.join(",", words);
  }

  private static Kind kind(String label, ReadOptions options) {
    double v = options.parse(label);
    if (!Double.isNaN(v)) {
      return Double.isInfinite(v) ? Kind.NON_FINITE : Kind.NUMBER;
    }
    if (NON_FINITE.contains(label.toLowerCase(Locale.ROOT))) {
      return Kind.NON_FINITE;
    }
    if (!options.decimalComma() && DECIMAL_COMMA.matcher(label).matches()) {
      return Kind.DECIMAL_COMMA;
    }
    if (MISSING_WORDS.contains(label.strip().toLowerCase(Locale.ROOT))) {
      return Kind.MISSING_WORD;
    }
    return Kind.OTHER;
  }
}
