package org.thyra.clinical.distant;

import java.util.Objects;

/**
 * One criterion of seed 002 for one lesion, reported separately.
 *
 * @param name short name, e.g. {@code oligometastatic}
 * @param value the value it was judged on, e.g. "2 distant lesions" or "not recorded"
 * @param status met, not met, not assessable or not applicable
 * @param role how it enters the intent: {@code curative} (required for a curative candidate),
 *     {@code contraindication}, {@code palliative} (symptoms) or {@code reported} (named by the
 *     seed without a direction for the choice; does not change the intent)
 * @param source the sentence of seed 002 (or the convention) it comes from
 */
public record LocalTreatmentCriterion(
    String name, String value, CriterionStatus status, String role, String source) {

  public LocalTreatmentCriterion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(source, "source");
  }

  /** One line: "name: status (value) — source". */
  public String describe() {
    return name + ": " + status.label() + " (" + value + ") — " + source;
  }
}
