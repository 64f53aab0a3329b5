package org.thyra.frame.formula;

import java.util.List;
import java.util.Objects;

/**
 * {@code Surv(time, event)}: right-censored survival data; {@code Surv(start, stop, event)}:
 * counting-process data, each row at risk on the interval {@code (start, stop]} (as R's {@code
 * Surv(time, time2, event)}), e.g. a patient's follow-up split where a covariate changes.
 *
 * @param time the follow-up (stop) time column
 * @param event the event (status) column
 * @param start the entry (start) time column of counting-process data, or null
 */
public record SurvivalResponse(String time, String event, String start) implements Response {
  /** Checks the components. */
  public SurvivalResponse {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
  }

  /** Right-censored data {@code Surv(time, event)}. */
  public SurvivalResponse(String time, String event) {
    this(time, event, null);
  }

  /**
   * @return whether this is counting-process data {@code Surv(start, stop, event)}
   */
  public boolean counting() {
    return start != null;
  }

  @Override
  public List<String> variables() {
    return start == null ? List.of(time, event) : List.of(start, time, event);
  }

  @Override
  public String toString() {
    return "Surv("
        + (start == null ? "" : Formula.quote(start) + ", ")
        + Formula.quote(time)
        + ", "
        + Formula.quote(event)
        + ")";
  }
}
