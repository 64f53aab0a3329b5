package org.thyra.frame;

import java.util.Collection;
import java.util.Comparator;

/**
 * The order of categorical levels (SPEC §5): numerically when every level parses as a number,
 * otherwise by Unicode code point. Code-point order is locale-independent; R's {@code factor()}
 * sorts with the session's collation, which agrees in the C locale.
 */
public final class LevelOrder {
  /** Compares strings by Unicode code point (not UTF-16 unit, which misorders surrogates). */
  public static final Comparator<String> CODE_POINT = LevelOrder::compareCodePoints;

  private LevelOrder() {}

  /**
   * @param levels the labels that will be sorted
   * @return numeric order when all labels are numbers, else code-point order
   */
  public static Comparator<String> comparator(Collection<String> levels) {
    for (String level : levels) {
      if (Double.isNaN(DecimalText.parse(level))) {
        return CODE_POINT;
      }
    }
    return (a, b) -> {
      int c = Double.compare(DecimalText.parse(a), DecimalText.parse(b));
      // equal values written differently ("1", "1.0") still need a total order
      return c != 0 ? c : compareCodePoints(a, b);
    };
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
