package org.thyra.registry.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit trail.
 *
 * @param id sequence number (assigned by the database; 0 before it is written)
 * @param at when (assigned by the database on writing)
 * @param actor who: the operating-system or web user that made the change
 * @param dbUser the database role the change was made through
 * @param action INSERT, UPDATE, DELETE (of an entry), or IMPORT / RESTORE (of a whole file)
 * @param patientId the patient, or {@code null} for a registry-wide action
 * @param entry which entry ({@code course}, {@code labs[3]}, {@code demographics}, ...)
 * @param oldValue the entry before, as course JSON, or {@code null}
 * @param newValue the entry after, as course JSON, or {@code null}
 * @param reason why (required)
 * @param sourceFile the imported file, or {@code null}
 * @param sourceSha256 the SHA-256 of the imported file, or {@code null}
 */
public record AuditEntry(
    long id,
    OffsetDateTime at,
    String actor,
    String dbUser,
    String action,
    String patientId,
    String entry,
    String oldValue,
    String newValue,
    String reason,
    String sourceFile,
    String sourceSha256) {

  /**
   * A line to append (id, time and database user are set by the database). Its parameters are the
   * record's components without those three (duplicates tool): a record has no partial constructor.
   */
  public static AuditEntry of(
      String actor,
      String action,
      String patientId,
      String entry,
      String oldValue,
      String newValue,
      String reason,
      String sourceFile,
      String sourceSha256) {
    return new AuditEntry(
        0,
        null,
        actor,
        null,
        action,
        patientId,
        entry,
        oldValue,
        newValue,
        reason,
        sourceFile,
        sourceSha256);
  }
}
