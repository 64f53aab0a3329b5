package org.thyra.clinical.ablation;

/** The therapy a complication needed (SIR / CIRSE wording). */
public enum ComplicationTherapy {
  /** No therapy. */
  NONE,
  /** Nominal therapy (e.g. atropine during the session, compression), no consequence. */
  NOMINAL,
  /** Additional therapy after the procedure. */
  ADDITIONAL,
  /** Major therapy (e.g. surgery, transfusion, intensive care). */
  MAJOR
}
