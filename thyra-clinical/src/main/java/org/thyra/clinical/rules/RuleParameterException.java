package org.thyra.clinical.rules;

/**
 * A rule parameter value a rule cannot use (e.g. {@code boundary=sometimes}). It concerns the whole
 * table, not a row: the caller reports it without a row number.
 *
 * <p>Its shape repeats {@link RuleInputException} on purpose (duplicates tool): the two are caught
 * separately — a cell error is reported with file, row and column, a parameter error with the
 * option only — and a shared base would let one be caught as the other.
 */
public final class RuleParameterException extends IllegalArgumentException {

  private final String parameter;
  private final String value;
  private final String why;

  public RuleParameterException(String parameter, String value, String why) {
    super("parameter " + parameter + "='" + value + "': " + why);
    this.parameter = parameter;
    this.value = value;
    this.why = why;
  }

  /** What is wrong with the value, e.g. "must be a number". */
  public String why() {
    return why;
  }

  /** The parameter's name. */
  public String parameter() {
    return parameter;
  }

  /** The rejected value. */
  public String value() {
    return value;
  }
}
