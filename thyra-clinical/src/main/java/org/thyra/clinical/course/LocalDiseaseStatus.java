package org.thyra.clinical.course;

import java.time.LocalDate;
import org.thyra.clinical.Derived;

/**
 * Local recurrence versus local persistent disease (seed 001, after its references 23–24): "the
 * appearance of new local lesions after a postoperative disease-free status of more than 12 months
 * was defined as local recurrence; the presence of ongoing local disease within 12 months was
 * considered local persistent disease".
 *
 * <p>The disease-free interval runs from the date the patient was last made disease-free (normally
 * the initial surgery) to the detection of local disease, in calendar months. Recurrence needs
 * <em>more than</em> 12 months: <em>local disease found exactly 12 months after surgery is
 * persistent</em>; a day later is recurrence. A patient who was never documented disease-free has
 * persistent disease whatever the interval.
 */
public final class LocalDiseaseStatus {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "Seed 001: local recurrence after > 12 calendar months disease-free (exactly 12 months is persistent); persistent disease otherwise or if never disease-free";

  /** The two classes. */
  public enum Status {
    LOCAL_RECURRENCE,
    PERSISTENT_DISEASE
  }

  private LocalDiseaseStatus() {}

  /**
   * @param diseaseFreeFrom date from which the patient was disease-free (e.g. surgery)
   * @param localDiseaseDetected detection of the local disease
   * @param everDiseaseFree whether a disease-free status was documented at all
   */
  public static Derived<Status> classify(
      LocalDate diseaseFreeFrom, LocalDate localDiseaseDetected, boolean everDiseaseFree) {
    return classifyDecided(diseaseFreeFrom, localDiseaseDetected, everDiseaseFree)
        .withMethod(METHOD);
  }

  private static Derived<Status> classifyDecided(
      LocalDate diseaseFreeFrom, LocalDate localDiseaseDetected, boolean everDiseaseFree) {
    if (localDiseaseDetected.isBefore(diseaseFreeFrom)) {
      throw new IllegalArgumentException(
          "local disease detected "
              + localDiseaseDetected
              + " before the disease-free date "
              + diseaseFreeFrom);
    }
    if (!everDiseaseFree) {
      return Derived.of(
          Status.PERSISTENT_DISEASE, "never documented disease-free → persistent disease");
    }
    LocalDate end = diseaseFreeFrom.plusMonths(12);
    if (localDiseaseDetected.isAfter(end)) {
      return Derived.of(
          Status.LOCAL_RECURRENCE,
          "local disease "
              + localDiseaseDetected
              + " after > 12 months disease-free from "
              + diseaseFreeFrom
              + " (12 months ended "
              + end
              + ") → local recurrence");
    }
    return Derived.of(
        Status.PERSISTENT_DISEASE,
        "local disease "
            + localDiseaseDetected
            + " ≤ 12 months from "
            + diseaseFreeFrom
            + " (12 months end "
            + end
            + ") → persistent disease");
  }

  /** From the disease-free interval in months (&gt; 12 recurrence; exactly 12.0 persistent). */
  public static Derived<Status> classify(double diseaseFreeMonths, boolean everDiseaseFree) {
    return classifyDecided(diseaseFreeMonths, everDiseaseFree).withMethod(METHOD);
  }

  private static Derived<Status> classifyDecided(
      double diseaseFreeMonths, boolean everDiseaseFree) {
    if (!(diseaseFreeMonths >= 0) || !Double.isFinite(diseaseFreeMonths)) {
      throw new IllegalArgumentException(
          "the disease-free interval must be a finite, non-negative number of months, got "
              + diseaseFreeMonths);
    }
    if (!everDiseaseFree) {
      return Derived.of(
          Status.PERSISTENT_DISEASE, "never documented disease-free → persistent disease");
    }
    if (diseaseFreeMonths > 12) {
      return Derived.of(
          Status.LOCAL_RECURRENCE,
          "disease-free " + diseaseFreeMonths + " months > 12 → local recurrence");
    }
    return Derived.of(
        Status.PERSISTENT_DISEASE,
        "disease-free " + diseaseFreeMonths + " months ≤ 12 → persistent disease");
  }
}
