package org.thyra.frame.formula;

import java.util.List;
import java.util.Objects;

/**
 * {@code Surv(time, event)}: right-censored survival data.
 *
 * @param time the follow-up time column
 * @param event the event (status) column
 */
public record SurvivalResponse(String time, String event) implements Response {
  /** Checks the components. */
  public SurvivalResponse {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
  }

  @Override
  public List<String> variables() {
    return List.of(time, event);
  }

  @Override
  public String toString() {
    return "Surv(" + Formula.quote(time) + ", " + Formula.quote(event) + ")";
  }
}
