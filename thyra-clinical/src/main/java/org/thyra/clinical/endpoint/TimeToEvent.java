package org.thyra.clinical.endpoint;

import java.time.LocalDate;

/**
 * A time-to-event endpoint for one patient.
 *
 * @param endpoint endpoint name (e.g. {@code pfs})
 * @param origin time zero
 * @param end date of the event or of censoring
 * @param event 1 = event, 0 = censored
 * @param eventDescription what ended observation (the event, or "censored at last follow-up")
 * @param days whole days from origin to end
 * @param months days / 30.4375 (mean Gregorian month, 365.25 / 12)
 * @param method origin, events and censoring rule used
 */
public record TimeToEvent(
    String endpoint,
    LocalDate origin,
    LocalDate end,
    boolean event,
    String eventDescription,
    long days,
    double months,
    String method) {

  /** Days per month used for {@link #months()}: 365.25 / 12. */
  public static final double DAYS_PER_MONTH = 365.25 / 12.0;

  /** The event indicator as R's {@code Surv} reads it: 1 event, 0 censored. */
  public int status() {
    return event ? 1 : 0;
  }
}
