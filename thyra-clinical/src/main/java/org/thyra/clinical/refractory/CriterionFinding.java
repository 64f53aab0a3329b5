package org.thyra.clinical.refractory;

/**
 * Whether one RAIR criterion fired, and why.
 *
 * @param criterion the criterion
 * @param fired whether it fired
 * @param detail the scans, lesions, dates or activities that decided it
 */
public record CriterionFinding(RairCriterion criterion, boolean fired, String detail) {

  /**
   * A criterion that fired when there is evidence for it.
   *
   * @param evidence what made it fire, or {@code null} when nothing did
   * @param otherwise the detail when it did not fire
   */
  static CriterionFinding of(RairCriterion criterion, String evidence, String otherwise) {
    return new CriterionFinding(
        criterion, evidence != null, evidence != null ? evidence : otherwise);
  }
}
