package org.thyra.clinical.response;

/** ATA 2015 response-to-therapy categories. */
public enum AtaResponse {
  EXCELLENT,
  INDETERMINATE,
  BIOCHEMICAL_INCOMPLETE,
  STRUCTURAL_INCOMPLETE
}
