package org.thyra.clinical.course;

/** Sex as recorded. */
public enum Sex {
  FEMALE,
  MALE,
  OTHER
}
