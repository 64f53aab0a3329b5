package org.thyra.clinical.distant;

import java.util.Locale;

/** The intent of local treatment a lesion's criteria support (seed 002). */
public enum LocalTreatmentIntent {
  /** Every criterion seed 002 ties to curative (radical local tumour control) intent is met. */
  CURATIVE_CANDIDATE,
  /** Not a curative candidate, but symptomatic: local treatment for palliation. */
  PALLIATIVE,
  /** Neither: a contraindication (miliary pattern), or no curative criteria and no symptoms. */
  NOT_A_CANDIDATE;

  /** Lower-case code as written in tables, e.g. {@code curative_candidate}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
