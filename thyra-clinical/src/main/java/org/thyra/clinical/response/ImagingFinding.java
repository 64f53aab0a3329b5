package org.thyra.clinical.response;

/** What structural and functional imaging shows at a response assessment. */
public enum ImagingFinding {
  /** No evidence of disease on imaging. */
  NEGATIVE,
  /** Nonspecific findings, or faint uptake in the thyroid bed. */
  NONSPECIFIC,
  /** Structural or functional evidence of disease. */
  STRUCTURAL_OR_FUNCTIONAL
}
