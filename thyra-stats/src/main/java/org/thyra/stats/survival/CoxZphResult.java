package org.thyra.stats.survival;

import java.util.List;

/**
 * Test of the proportional hazards assumption, as R's {@code cox.zph(fit, transform = "km", terms =
 * TRUE)}.
 *
 * @param terms one row per model term
 * @param global the global test over all non-aliased columns
 * @param method conventions used
 */
public record CoxZphResult(List<CoxZphTerm> terms, CoxZphTerm global, String method) {

  /** Makes the term list unmodifiable. */
  public CoxZphResult {
    terms = List.copyOf(terms);
  }
}
