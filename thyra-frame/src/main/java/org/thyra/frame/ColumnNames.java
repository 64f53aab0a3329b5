package org.thyra.frame;

import java.util.List;
import java.util.Locale;

/** Messages about column names: unknown names with a "did you mean" suggestion. */
final class ColumnNames {
  private ColumnNames() {}

  /**
   * @return an exception naming the file, the unknown column, all columns, and the closest name
   *     when it is close (same name ignoring case, or edit distance at most 2)
   */
  static InputException unknown(String source, String name, List<String> available) {
    StringBuilder sb = new StringBuilder("no column \"").append(name).append('"');
    String suggestion = closest(name, available);
    if (suggestion != null) {
      sb.append(" (did you mean \"").append(suggestion).append("\"?)");
    }
    sb.append("; columns are: ");
    for (int i = 0; i < available.size(); i++) {
      sb.append(i > 0 ? ", " : "").append('"').append(available.get(i)).append('"');
    }
    return new InputException(source, null, name, sb.toString());
  }

  static String closest(String name, List<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      if (c.toLowerCase(Locale.ROOT).equals(lower)) {
        return c;
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.min(2, Math.max(1, name.length() / 3));
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance, two-row dynamic programme. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
