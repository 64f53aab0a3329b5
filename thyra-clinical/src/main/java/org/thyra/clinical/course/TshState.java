package org.thyra.clinical.course;

/** The TSH state a Tg was measured in. */
public enum TshState {
  SUPPRESSED,
  STIMULATED,
  UNSPECIFIED
}
