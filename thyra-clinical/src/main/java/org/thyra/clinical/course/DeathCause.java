package org.thyra.clinical.course;

/** Cause of death. */
public enum DeathCause {
  THYROID_CANCER,
  OTHER_CAUSE,
  UNKNOWN
}
