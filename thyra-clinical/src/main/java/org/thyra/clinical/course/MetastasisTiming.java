package org.thyra.clinical.course;

import java.time.LocalDate;
import org.thyra.clinical.Derived;

/**
 * Synchronous versus metachronous distant metastasis (seed 001, after its reference 22): "when the
 * diagnostic interval between the primary lesion and the metastasis is within 12 months,
 * synchronous; otherwise metachronous".
 *
 * <p>The interval is counted in calendar months from the primary's diagnosis date: <em>a metastasis
 * detected exactly 12 months later (the same day of the month, one year on) is synchronous</em> —
 * "within 12 months" includes its end — and one detected a day later is metachronous. When the day
 * of month does not exist a year on (29 February), the last day of that month ends the window
 * ({@link LocalDate#plusMonths}). A metastasis found before the primary (a presenting metastasis)
 * is synchronous when the primary is diagnosed within 12 months after it; earlier than that is
 * rejected as implausible. As a number of months the same rule reads {@code interval ≤ 12 →
 * synchronous}.
 */
public final class MetastasisTiming {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "Seed 001: synchronous ≤ 12 calendar months from the primary diagnosis (exactly 12 months is synchronous), metachronous after";

  /** The two classes. */
  public enum Timing {
    SYNCHRONOUS,
    METACHRONOUS
  }

  /** The window, in months. */
  public static final int WINDOW_MONTHS = 12;

  private MetastasisTiming() {}

  /** From the two dates. */
  public static Derived<Timing> classify(LocalDate primaryDiagnosis, LocalDate metastasisDetected) {
    return classifyDecided(primaryDiagnosis, metastasisDetected).withMethod(METHOD);
  }

  private static Derived<Timing> classifyDecided(
      LocalDate primaryDiagnosis, LocalDate metastasisDetected) {
    if (metastasisDetected.isBefore(primaryDiagnosis)) {
      if (primaryDiagnosis.isAfter(metastasisDetected.plusMonths(WINDOW_MONTHS))) {
        throw new IllegalArgumentException(
            "metastasis detected "
                + metastasisDetected
                + ", more than 12 months before the primary diagnosis "
                + primaryDiagnosis
                + ": check the dates");
      }
      return Derived.of(
          Timing.SYNCHRONOUS,
          "metastasis "
              + metastasisDetected
              + " found before the primary diagnosis "
              + primaryDiagnosis
              + " (within 12 months) → synchronous");
    }
    LocalDate end = primaryDiagnosis.plusMonths(WINDOW_MONTHS);
    if (!metastasisDetected.isAfter(end)) {
      return Derived.of(
          Timing.SYNCHRONOUS,
          "metastasis "
              + metastasisDetected
              + " ≤ 12 months after diagnosis "
              + primaryDiagnosis
              + " (window ends "
              + end
              + ") → synchronous");
    }
    return Derived.of(
        Timing.METACHRONOUS,
        "metastasis "
            + metastasisDetected
            + " > 12 months after diagnosis "
            + primaryDiagnosis
            + " (window ended "
            + end
            + ") → metachronous");
  }

  /** From an interval in months (≤ 12 synchronous, exactly 12.0 included). */
  public static Derived<Timing> classify(double intervalMonths) {
    return classifyDecided(intervalMonths).withMethod(METHOD);
  }

  private static Derived<Timing> classifyDecided(double intervalMonths) {
    if (!Double.isFinite(intervalMonths) || intervalMonths < -WINDOW_MONTHS) {
      throw new IllegalArgumentException(
          "interval must be a finite number of months ≥ −12, got " + intervalMonths);
    }
    if (intervalMonths <= WINDOW_MONTHS) {
      return Derived.of(
          Timing.SYNCHRONOUS, "interval " + intervalMonths + " months ≤ 12 → synchronous");
    }
    return Derived.of(
        Timing.METACHRONOUS, "interval " + intervalMonths + " months > 12 → metachronous");
  }
}
