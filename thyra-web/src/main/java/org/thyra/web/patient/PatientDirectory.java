package org.thyra.web.patient;

import java.util.List;
import java.util.Optional;
import org.thyra.clinical.course.PatientCourse;

/**
 * Where the web application reads and writes patients. Every write is one transaction that also
 * appends to the audit trail (who, when, which entry, old and new value, reason). Access control is
 * not here but in the web layer ({@code PatientAccess}): this interface answers for every site.
 *
 * <p>Implemented by {@link RegistryPatientDirectory} (the registry's courses and audit trail, when
 * the served directory holds a registry) and {@link EmbeddedPatientDirectory} (the web store's own
 * tables otherwise).
 */
public interface PatientDirectory {

  /** Patients matching the query, of {@code visibleSite} only (or every site when null), by id. */
  List<StoredPatient> search(PatientQuery query, String visibleSite);

  /** The patient with this id. */
  Optional<StoredPatient> find(String patientId);

  /**
   * Adds a patient.
   *
   * @throws IllegalArgumentException when the id exists
   */
  StoredPatient create(String site, PatientCourse course, Change change);

  /**
   * Replaces a patient's course, recording one audit line per changed entry.
   *
   * @param expectedVersion the version the user's form was made from
   * @throws ConflictException when the stored version differs (nothing written)
   */
  StoredPatient update(String patientId, long expectedVersion, PatientCourse course, Change change);

  /** The patient's audit trail, oldest first. */
  List<AuditEntry> history(String patientId);

  /** Number of patients and of audit lines (for the load bench's checks). */
  long[] counts();
}
