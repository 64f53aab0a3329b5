package org.thyra.registry;

/**
 * A problem the user can fix (a wrong location, a missing registry, bad input, a refused
 * operation): its message is meant to be printed as it is, and the command exits with code 2.
 */
public class RegistryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
