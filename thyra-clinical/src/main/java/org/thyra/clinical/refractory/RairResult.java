package org.thyra.clinical.refractory;

import java.util.List;

/**
 * The RAIR classification of one patient.
 *
 * @param refractory whether any evaluated criterion fired
 * @param subtype seed 003 subtype, {@code null} when not refractory
 * @param criteria every evaluated criterion, fired or not, with its detail
 * @param reason one-line summary
 * @param warnings caveats (e.g. a course without a recorded activity)
 * @param method the criteria and options used
 */
public record RairResult(
    boolean refractory,
    RairSubtype subtype,
    List<CriterionFinding> criteria,
    String reason,
    List<String> warnings,
    String method) {

  public RairResult {
    criteria = List.copyOf(criteria);
    warnings = List.copyOf(warnings);
  }

  /** The criteria that fired. */
  public List<RairCriterion> fired() {
    return criteria.stream()
        .filter(CriterionFinding::fired)
        .map(CriterionFinding::criterion)
        .toList();
  }
}
