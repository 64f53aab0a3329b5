package org.thyra.stats.survival;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Test of the proportional hazards assumption, as R's {@code cox.zph(fit, transform = "km", terms =
 * TRUE)}.
 *
 * @param terms one row per model term
 * @param global the global test over all non-aliased columns
 * @param method conventions used
 */
public record CoxZphResult(List<CoxZphTerm> terms, CoxZphTerm global, String method)
    implements Result {
  /** None: this result has nothing to warn about (see {@link Result#warnings()}). */
  @Override
  public List<String> warnings() {
    return List.of();
  }

  /** Makes the term list unmodifiable. */
  public CoxZphResult {
    terms = List.copyOf(terms);
  }
}
