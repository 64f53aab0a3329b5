package org.thyra.web.patient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryService;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.CourseStore;
import org.thyra.registry.store.StoredCourse;

/**
 * The registry's patients (docs/REGISTRY.md) seen through the web application: reads are the
 * registry's courses, an edit goes through {@link RegistryService#edit} (validated, one audit line
 * per changed entry, optimistic version) and a new patient through the registry's insert, so the
 * web and {@code thyra registry} share one store and one audit trail.
 */
public final class RegistryPatientDirectory implements PatientDirectory {
  private final Registry registry;
  private final RegistryService service;

  public RegistryPatientDirectory(Registry registry) {
    this.registry = registry;
    this.service = new RegistryService(registry);
  }

  /** Who changed each patient last and when, from the audit trail. */
  private record Last(Instant at, String actor) {}

  @Override
  public List<StoredPatient> search(PatientQuery q, String visibleSite) {
    return registry.withHandle(
        h -> {
          Map<String, StoredCourse> all = CourseRows.readAll(h);
          Map<String, Last> last = last(h);
          String text = q.text().toLowerCase(Locale.ROOT);
          List<StoredPatient> out = new ArrayList<>();
          all.keySet().stream()
              .sorted()
              .forEach(
                  id -> {
                    StoredCourse c = all.get(id);
                    if (out.size() >= q.limit()
                        || (visibleSite != null && !visibleSite.equals(c.site()))
                        || (q.site() != null && !q.site().equals(c.site()))
                        || !id.toLowerCase(Locale.ROOT).contains(text)) {
                      return;
                    }
                    var t = c.course().primaryTumour();
                    if (q.histology() == null
                        || (t != null
                            && t.histology() != null
                            && t.histology().name().equals(q.histology()))) {
                      out.add(stored(c, last.get(id)));
                    }
                  });
          return out;
        });
  }

  private static Map<String, Last> last(Handle h) {
    Map<String, Last> out = new HashMap<>();
    h.createQuery(
            "SELECT patient_id, logged_at, actor FROM audit_log WHERE id IN"
                + " (SELECT MAX(id) FROM audit_log WHERE patient_id IS NOT NULL"
                + " GROUP BY patient_id)")
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString(1),
                    new Last(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static StoredPatient stored(StoredCourse c, Last last) {
    return new StoredPatient(
        c.course().patientId(),
        c.site(),
        c.course(),
        c.version(),
        last == null ? null : last.at(),
        last == null ? null : last.actor());
  }

  @Override
  public Optional<StoredPatient> find(String patientId) {
    return registry.withHandle(
        h -> {
          StoredCourse c = CourseRows.read(h, patientId);
          if (c == null) {
            return Optional.empty();
          }
          var trail = AuditTrail.read(h, patientId);
          var l = trail.isEmpty() ? null : trail.get(trail.size() - 1);
          return Optional.of(stored(c, l == null ? null : new Last(l.at().toInstant(), l.actor())));
        });
  }

  @Override
  public StoredPatient create(String site, PatientCourse course, Change change) {
    registry.inTransaction(
        h -> {
          if (CourseRows.read(h, course.patientId()) != null) {
            throw new IllegalArgumentException("patient " + course.patientId() + " exists");
          }
          CourseStore.ensureSite(h, site);
          CourseStore.insert(
              h,
              site,
              List.of(course),
              List.of(new CourseStore.Provenance(change.username(), change.reason(), null, null)));
          return null;
        });
    return find(course.patientId()).orElseThrow();
  }

  @Override
  public StoredPatient update(
      String patientId, long expectedVersion, PatientCourse course, Change change) {
    if (!course.patientId().equals(patientId)) {
      throw new IllegalArgumentException(
          "the course is of patient " + course.patientId() + ", not " + patientId);
    }
    long now = find(patientId).map(StoredPatient::version).orElse(-1L);
    if (expectedVersion != now || now < 0) {
      throw new ConflictException(patientId, expectedVersion, now);
    }
    try {
      service.edit(course, Math.toIntExact(expectedVersion), change.username(), change.reason());
    } catch (org.thyra.registry.ConflictException e) {
      // another writer came between the check above and the registry's own check
      throw new ConflictException(
          patientId, expectedVersion, find(patientId).map(StoredPatient::version).orElse(-1L));
    }
    return find(patientId).orElseThrow();
  }

  @Override
  public List<AuditEntry> history(String patientId) {
    return registry.withHandle(
        h ->
            AuditTrail.read(h, patientId).stream()
                .map(
                    a ->
                        new AuditEntry(
                            a.id(),
                            a.at().toInstant(),
                            a.actor(),
                            a.patientId(),
                            a.action().toLowerCase(Locale.ROOT),
                            a.entry(),
                            a.oldValue(),
                            a.newValue(),
                            a.reason()))
                .toList());
  }

  @Override
  public long[] counts() {
    return registry.withHandle(
        h ->
            new long[] {
              h.createQuery("SELECT COUNT(*) FROM patient").mapTo(Long.class).one(),
              h.createQuery("SELECT COUNT(*) FROM audit_log WHERE patient_id IS NOT NULL")
                  .mapTo(Long.class)
                  .one()
            });
  }
}
