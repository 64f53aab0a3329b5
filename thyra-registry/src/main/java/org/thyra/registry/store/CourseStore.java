package org.thyra.registry.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.ConflictException;
import org.thyra.registry.RegistryException;
import org.thyra.registry.audit.AuditEntry;
import org.thyra.registry.audit.AuditTrail;

/**
 * Saves courses with their audit lines, in the caller's transaction. A change to an existing
 * patient names the version it was based on; if another writer has saved the patient since, the
 * update matches no row and a {@link ConflictException} aborts the transaction (optimistic locking:
 * the first writer wins, the second is told, nothing is overwritten silently).
 *
 * <p>Every course passed here was constructed, so it passed the course validator ({@code
 * PatientCourse} validates in its constructor): no path stores an unvalidated course.
 */
public final class CourseStore {

  private CourseStore() {}

  /**
   * Where a change comes from, for the audit trail.
   *
   * @param actor who
   * @param reason why (required)
   * @param sourceFile the imported file, or {@code null}
   * @param sourceSha256 its SHA-256, or {@code null}
   */
  public record Provenance(String actor, String reason, String sourceFile, String sourceSha256) {
    public Provenance {
      if (reason == null || reason.isBlank()) {
        throw new RegistryException("a change to the registry needs a reason");
      }
    }

    /** The audit line of one change to a patient's course, made for this reason. */
    public AuditEntry audit(String patientId, CourseDiff.Change c) {
      return AuditEntry.of(
          actor,
          c.action(),
          patientId,
          c.entry(),
          c.oldValue(),
          c.newValue(),
          reason,
          sourceFile,
          sourceSha256);
    }
  }

  /** The sites, in code order. */
  public static List<String> sites(Handle h) {
    return h.createQuery("SELECT code FROM site ORDER BY code").mapTo(String.class).list();
  }

  /** Creates a site if it does not exist. */
  public static void ensureSite(Handle h, String site) {
    if (h.createQuery("SELECT COUNT(*) FROM site WHERE code = :c")
            .bind("c", site)
            .mapTo(Integer.class)
            .one()
        == 0) {
      h.createUpdate("INSERT INTO site (code) VALUES (:c)").bind("c", site).execute();
    }
  }

  /** The current version of a patient, or {@code null} when the patient is not stored. */
  public static Integer version(Handle h, String patientId) {
    return h.createQuery("SELECT version FROM patient WHERE patient_id = :p")
        .bind("p", patientId)
        .mapTo(Integer.class)
        .findOne()
        .orElse(null);
  }

  /**
   * Replaces a stored course by a new one, if the stored version is still {@code expectedVersion};
   * records one audit line per changed entry. Does nothing when the course is unchanged.
   *
   * @return the changes made (empty when none)
   */
  public static List<CourseDiff.Change> update(
      Handle h, PatientCourse before, PatientCourse after, int expectedVersion, Provenance why) {
    String id = after.patientId();
    List<CourseDiff.Change> changes = CourseDiff.diff(before, after);
    if (changes.isEmpty()) {
      return changes;
    }
    // the version check first: it takes the row lock, so a concurrent writer waits here and then
    // finds the version moved on
    int n;
    try {
      n =
          h.createUpdate(
                  "UPDATE patient SET sex = :sex, birth_date = :birth, diagnosis_date = :dx,"
                      + " last_follow_up = :fu, ecog = :ecog, life_expectancy_months = :le,"
                      + " progression_rate = :rate, version = version + 1,"
                      + " updated_at = CURRENT_TIMESTAMP WHERE patient_id = :p AND version = :v")
              .bind(
                  "sex",
                  after.demographics().sex() == null ? null : after.demographics().sex().name())
              .bind("birth", after.demographics().birthDate())
              .bind("dx", after.demographics().diagnosisDate())
              .bind("fu", after.lastFollowUp())
              .bind("ecog", after.ecog())
              .bind("le", after.lifeExpectancyMonths())
              .bind("rate", after.progressionRate() == null ? null : after.progressionRate().name())
              .bind("p", id)
              .bind("v", expectedVersion)
              .execute();
    } catch (RuntimeException e) {
      if (isConcurrentUpdate(e)) {
        throw conflict(id, expectedVersion, null);
      }
      throw e;
    }
    if (n == 0) {
      throw conflict(id, expectedVersion, version(h, id));
    }
    CourseRows.deleteEntries(h, id);
    CourseRows.Writer w = new CourseRows.Writer(h);
    w.add(null, 0, after, false);
    w.flush();
    List<AuditEntry> lines = new ArrayList<>();
    for (CourseDiff.Change c : changes) {
      lines.add(why.audit(id, c));
    }
    AuditTrail.append(h, lines);
    return changes;
  }

  /** Inserts new patients (batched) with one audit line each holding the whole course. */
  public static void insert(
      Handle h, String site, List<PatientCourse> courses, List<Provenance> why) {
    CourseRows.Writer w = new CourseRows.Writer(h);
    List<AuditEntry> lines = new ArrayList<>();
    for (int i = 0; i < courses.size(); i++) {
      PatientCourse c = courses.get(i);
      Provenance p = why.get(i);
      w.add(site, 1, c, true);
      lines.add(
          AuditEntry.of(
              p.actor(),
              "INSERT",
              c.patientId(),
              "course",
              null,
              CourseDiff.json(c),
              p.reason(),
              p.sourceFile(),
              p.sourceSha256()));
    }
    try {
      w.flush();
    } catch (RuntimeException e) {
      if (isUniqueViolation(e)) {
        throw new ConflictException(
            null,
            "another writer added one of these patients while this import ran; nothing of this"
                + " import was saved: run it again (it will then compare with what is stored)");
      }
      throw e;
    }
    AuditTrail.append(h, lines);
  }

  private static ConflictException conflict(String id, int expected, Integer now) {
    return new ConflictException(
        id,
        "patient "
            + id
            + " was changed by another writer since it was read (version "
            + expected
            + (now == null ? "" : ", now " + now)
            + "); nothing of this change was saved: read the patient again and re-apply it");
  }

  static boolean isUniqueViolation(Throwable e) {
    String state = sqlState(e);
    return "23505".equals(state);
  }

  /** H2 reports a row changed by a concurrent transaction as an error instead of waiting. */
  static boolean isConcurrentUpdate(Throwable e) {
    String state = sqlState(e);
    return "90131".equals(state) || "40001".equals(state) || "HYT00".equals(state);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return null;
  }
}
