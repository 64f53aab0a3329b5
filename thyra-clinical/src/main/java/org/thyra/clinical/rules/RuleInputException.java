package org.thyra.clinical.rules;

/**
 * A cell value a rule cannot read (e.g. {@code T9} for a T category, {@code abc} for an age). The
 * message names the role and the value; the caller adds the file, row and column.
 */
public final class RuleInputException extends IllegalArgumentException {

  private final String role;
  private final String value;
  private final String why;

  public RuleInputException(String role, String value, String why) {
    super("role '" + role + "': value '" + value + "' " + why);
    this.role = role;
    this.value = value;
    this.why = why;
  }

  /** What is wrong with the value, e.g. "is not a number". */
  public String why() {
    return why;
  }

  /** The role whose value was rejected. */
  public String role() {
    return role;
  }

  /** The rejected cell value. */
  public String value() {
    return value;
  }
}
