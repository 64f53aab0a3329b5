package org.thyra.frame.formula;

import java.util.Objects;

/**
 * One right-hand-side term.
 *
 * @param variable the column name
 * @param kind how it enters the model
 */
public record Term(String variable, TermKind kind) {
  /** Checks the components. */
  public Term {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * @return the canonical text: {@code x}, {@code factor(x)}, {@code strata(x)} or {@code
   *     cluster(x)}
   */
  @Override
  public String toString() {
    String name = Formula.quote(variable);
    return switch (kind) {
      case AUTO -> name;
      case FACTOR -> "factor(" + name + ")";
      case STRATA -> "strata(" + name + ")";
      case CLUSTER -> "cluster(" + name + ")";
    };
  }
}
