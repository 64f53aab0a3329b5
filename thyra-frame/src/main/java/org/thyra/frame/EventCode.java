package org.thyra.frame;

/** How an event column was coded in the data, recorded for a result's method text. */
public enum EventCode {
  /** Numeric 0 = censored, 1 = event. */
  ZERO_ONE("0/1 (1 = event)"),
  /** Numeric 1 = censored, 2 = event, as R's {@code Surv} reads a status whose maximum is 2. */
  ONE_TWO("1/2 (2 = event, as R's Surv)"),
  /** TRUE = event, FALSE = censored (also T/F; any letter case). */
  LOGICAL("TRUE/FALSE (TRUE = event)"),
  /** yes = event, no = censored (any letter case). */
  YES_NO("yes/no (yes = event)");

  private final String description;

  EventCode(String description) {
    this.description = description;
  }

  /**
   * @return a short description such as {@code 1/2 (2 = event, as R's Surv)}
   */
  public String description() {
    return description;
  }
}
