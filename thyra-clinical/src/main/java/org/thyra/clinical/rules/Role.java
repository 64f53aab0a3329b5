package org.thyra.clinical.rules;

/**
 * An input role of a rule: the name a table column is bound to ({@code --column age=Age}).
 *
 * @param name the role name, lower case with underscores
 * @param required whether a row needs a value for it (a missing value then gives an empty result)
 * @param description what the cell holds and in which unit / coding
 */
public record Role(String name, boolean required, String description) {

  /** A required role. */
  public static Role required(String name, String description) {
    return new Role(name, true, description);
  }

  /** An optional role. */
  public static Role optional(String name, String description) {
    return new Role(name, false, description);
  }
}
