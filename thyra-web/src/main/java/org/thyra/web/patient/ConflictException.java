package org.thyra.web.patient;

/** Another user changed the patient since the form was opened; nothing was written. */
public final class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String patientId, long expected, long actual) {
    super(
        "patient "
            + patientId
            + " was changed by someone else meanwhile (version "
            + actual
            + ", the form was opened at version "
            + expected
            + "); nothing was saved — reload the patient and enter the change again");
  }
}
