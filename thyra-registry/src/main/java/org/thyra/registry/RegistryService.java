package org.thyra.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameExport;
import org.thyra.registry.quality.QualityCheck;
import org.thyra.registry.quality.QualityFinding;
import org.thyra.registry.store.CourseDiff;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.CourseStore;
import org.thyra.registry.store.StoredCourse;

/**
 * The registry's operations over whole courses, for the command line, the web application and the
 * study runner: read, edit (validated, audited, optimistic), check and export.
 */
public final class RegistryService {

  private final Registry registry;

  public RegistryService(Registry registry) {
    this.registry = registry;
  }

  /** One patient's course with its site and version, or {@code null}. */
  public StoredCourse read(String patientId) {
    return registry.withHandle(h -> CourseRows.read(h, patientId));
  }

  /**
   * Saves an edited course, based on the version the editor read. The course was validated when it
   * was constructed; the change is audited entry by entry with the reason.
   *
   * @throws ConflictException when another writer saved the patient since {@code basedOn}
   * @return the changes (empty when the course is unchanged)
   */
  public List<CourseDiff.Change> edit(
      PatientCourse after, int basedOn, String actor, String reason) {
    CourseStore.Provenance why = new CourseStore.Provenance(actor, reason, null, null);
    return registry.inTransaction(
        h -> {
          StoredCourse before = CourseRows.read(h, after.patientId());
          if (before == null) {
            throw new RegistryException("patient " + after.patientId() + " is not in the registry");
          }
          if (before.version() != basedOn) {
            throw new ConflictException(
                after.patientId(),
                "patient "
                    + after.patientId()
                    + " was changed by another writer since it was read (version "
                    + basedOn
                    + ", now "
                    + before.version()
                    + "); nothing of this change was saved: read the patient again and re-apply"
                    + " it");
          }
          return CourseStore.update(h, before.course(), after, basedOn, why);
        });
  }

  /** Every data-quality finding, patient by patient (optionally of one site). */
  public List<QualityFinding> check(String site) {
    return registry.withHandle(
        h -> {
          Map<String, StoredCourse> all = CourseRows.readAll(h);
          Map<String, Map<String, String>> recorded = new LinkedHashMap<>();
          h.createQuery("SELECT patient_id, item, item_value FROM recorded_value")
              .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .forEach(a -> recorded.computeIfAbsent(a[0], k -> new TreeMap<>()).put(a[1], a[2]));
          List<QualityFinding> out = new ArrayList<>();
          for (StoredCourse c : all.values()) {
            if (site == null || site.equals(c.site())) {
              out.addAll(
                  QualityCheck.check(
                      c.course(), recorded.getOrDefault(c.course().patientId(), Map.of())));
            }
          }
          return out;
        });
  }

  /** The analysis frame. */
  public AnalysisFrame export(ExportOptions o) {
    Map<String, StoredCourse> all = registry.withHandle(CourseRows::readAll);
    Map<String, Map<String, String>> recorded = o.recorded() ? recorded() : Map.of();
    return FrameExport.build(all, recorded, o);
  }

  /**
   * The analysis frame of these patients only (e.g. those a web user may see), in registry order.
   *
   * @param patientIds the pseudonymous ids to keep; others are left out
   */
  public AnalysisFrame export(ExportOptions o, java.util.Set<String> patientIds) {
    Map<String, StoredCourse> kept = new LinkedHashMap<>();
    registry
        .withHandle(CourseRows::readAll)
        .forEach(
            (id, c) -> {
              if (patientIds.contains(id)) {
                kept.put(id, c);
              }
            });
    Map<String, Map<String, String>> recorded = o.recorded() ? recorded() : Map.of();
    return FrameExport.build(kept, recorded, o);
  }

  /** Every recorded value: patient → item → value. */
  private Map<String, Map<String, String>> recorded() {
    return registry.withHandle(
        h -> {
          Map<String, Map<String, String>> out = new LinkedHashMap<>();
          h.createQuery("SELECT patient_id, item, item_value FROM recorded_value")
              .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .forEach(a -> out.computeIfAbsent(a[0], k -> new TreeMap<>()).put(a[1], a[2]));
          return out;
        });
  }
}
