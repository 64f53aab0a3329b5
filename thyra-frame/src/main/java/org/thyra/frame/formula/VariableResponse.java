package org.thyra.frame.formula;

import java.util.List;
import java.util.Objects;

/**
 * A single response column ({@code y ~ ...}).
 *
 * @param name the column name
 */
public record VariableResponse(String name) implements Response {
  /** Checks the component. */
  public VariableResponse {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public List<String> variables() {
    return List.of(name);
  }

  @Override
  public String toString() {
    return Formula.quote(name);
  }
}
