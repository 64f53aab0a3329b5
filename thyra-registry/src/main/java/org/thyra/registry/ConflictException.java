package org.thyra.registry;

/**
 * Another writer changed the same patient between the moment this writer read it and the moment it
 * tried to save (optimistic locking on the patient's version). Nothing of this writer's change was
 * saved; the other writer's change stands. Re-read the patient and apply the change again.
 */
public final class ConflictException extends RegistryException {
  private static final long serialVersionUID = 1L;
  private final String patientId;

  public ConflictException(String patientId, String message) {
    super(message);
    this.patientId = patientId;
  }

  /** The patient both writers changed. */
  public String patientId() {
    return patientId;
  }
}
