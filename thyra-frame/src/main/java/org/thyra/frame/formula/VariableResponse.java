package org.thyra.frame.formula;

import java.util.List;
import java.util.Objects;

/**
 * A single response column ({@code y ~ ...}, or {@code factor(y) ~ ...}).
 *
 * @param name the column name
 * @param factor written {@code factor(y)}: the column is read as categories whatever it holds, the
 *     non-reference level being the event, as R's {@code glm} codes a factor response
 */
public record VariableResponse(String name, boolean factor) implements Response {
  /** Checks the component. */
  public VariableResponse {
    Objects.requireNonNull(name, "name");
  }

  /** A response column read by its type ({@code y ~ ...}). */
  public VariableResponse(String name) {
    this(name, false);
  }

  @Override
  public List<String> variables() {
    return List.of(name);
  }

  @Override
  public String toString() {
    return factor ? "factor(" + Formula.quote(name) + ")" : Formula.quote(name);
  }
}
