package org.thyra.web.patient;

import java.util.Objects;

/**
 * Who makes a change and why; every change to a patient carries one, and the audit trail records
 * both.
 *
 * @param username the signed-in user
 * @param reason the reason given (required, at most 1000 characters)
 */
public record Change(String username, String reason) {
  public Change {
    Objects.requireNonNull(username, "username");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a reason for the change is required");
    }
    reason = reason.strip();
    if (reason.length() > 1000) {
      throw new IllegalArgumentException("the reason is longer than 1000 characters");
    }
  }
}
