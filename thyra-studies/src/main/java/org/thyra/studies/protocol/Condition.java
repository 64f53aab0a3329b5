package org.thyra.studies.protocol;

import java.util.List;

/**
 * A row condition of an analysis ({@code where}): the rows whose {@code column} meets it are
 * analysed. Same bounds as {@link CohortStep}; a missing value never meets a condition.
 *
 * @param column the column
 * @param is levels that meet the condition
 * @param atLeast lower bound, inclusive
 * @param above lower bound, exclusive
 * @param atMost upper bound, inclusive
 * @param below upper bound, exclusive
 */
public record Condition(
    String column, List<String> is, Double atLeast, Double above, Double atMost, Double below) {
  public Condition {
    is = Lists.copy(is);
  }

  /** How a reader would say it, e.g. {@code age ≥ 55} or {@code split is training}. */
  public String describe() {
    StringBuilder b = new StringBuilder(column);
    if (!is.isEmpty()) {
      b.append(" is ").append(String.join(" or ", is));
    }
    if (atLeast != null) {
      b.append(" ≥ ").append(Bounds.text(atLeast));
    }
    if (above != null) {
      b.append(" > ").append(Bounds.text(above));
    }
    if (atMost != null) {
      b.append(" ≤ ").append(Bounds.text(atMost));
    }
    if (below != null) {
      b.append(" < ").append(Bounds.text(below));
    }
    return b.toString();
  }

  /** Number formatting for descriptions. */
  static final class Bounds {
    private Bounds() {}

    static String text(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }
}
