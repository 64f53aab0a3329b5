package org.thyra.clinical.response;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One RECIST assessment: the target measurements, the non-target response and new lesions.
 *
 * @param date imaging date
 * @param targets target lesion measurements (at baseline: the chosen targets)
 * @param nonTarget non-target response ({@code null} when there are no non-target lesions)
 * @param newLesions whether new lesions appeared
 */
public record TargetAssessment(
    LocalDate date,
    List<TargetLesionDiameter> targets,
    RecistResponse nonTarget,
    boolean newLesions) {

  public TargetAssessment {
    Objects.requireNonNull(date, "date");
    targets = List.copyOf(targets);
  }
}
