package org.thyra.clinical.distant;

import java.util.List;
import org.thyra.clinical.Derived;

/**
 * The intent a lesion's criteria support, with every criterion.
 *
 * @param intent the intent (value {@code null}: not assessable, the reason says which inputs are
 *     missing), with reason, warnings and method
 * @param criteria every criterion of seed 002, in a fixed order
 */
public record LocalTreatmentResult(
    Derived<LocalTreatmentIntent> intent, List<LocalTreatmentCriterion> criteria) {

  public LocalTreatmentResult {
    criteria = List.copyOf(criteria);
  }

  /** The criterion with this name. */
  public LocalTreatmentCriterion criterion(String name) {
    return criteria.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no criterion " + name));
  }
}
