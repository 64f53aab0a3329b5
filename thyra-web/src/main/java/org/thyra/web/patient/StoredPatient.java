package org.thyra.web.patient;

import java.time.Instant;
import org.thyra.clinical.course.PatientCourse;

/**
 * A patient as stored: the pseudonymous id, the site that owns the record, the validated course and
 * the version that an update must name (optimistic locking: two people correcting the same patient
 * at once cannot silently overwrite each other).
 *
 * @param patientId pseudonymous study id
 * @param site owning site
 * @param course the course (validated on construction)
 * @param version increases by one with every change
 * @param updatedAt last change
 * @param updatedBy user of the last change
 */
public record StoredPatient(
    String patientId,
    String site,
    PatientCourse course,
    long version,
    Instant updatedAt,
    String updatedBy) {}
