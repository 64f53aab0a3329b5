package org.thyra.web.patient;

import java.time.Instant;

/**
 * One line of a patient's audit trail.
 *
 * @param id sequence number (increasing)
 * @param at when
 * @param username who
 * @param patientId which patient
 * @param action {@code insert}, {@code update} or {@code delete}
 * @param entry which entry, e.g. {@code raiCourses[1]} or {@code patient}
 * @param oldValue the entry's JSON before (null for an insert)
 * @param newValue the entry's JSON after (null for a delete)
 * @param reason the reason the user gave
 */
public record AuditEntry(
    long id,
    Instant at,
    String username,
    String patientId,
    String action,
    String entry,
    String oldValue,
    String newValue,
    String reason) {}
