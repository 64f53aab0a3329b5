package org.thyra.clinical.response;

/** RECIST 1.1 response categories (target, non-target and overall). */
public enum RecistResponse {
  CR,
  PR,
  SD,
  PD,
  /** Non-target only: neither CR nor PD. */
  NON_CR_NON_PD,
  /** Not evaluable. */
  NE;

  /** The label RECIST uses ({@code non-CR/non-PD} for {@link #NON_CR_NON_PD}). */
  public String label() {
    return this == NON_CR_NON_PD ? "non-CR/non-PD" : name();
  }
}
