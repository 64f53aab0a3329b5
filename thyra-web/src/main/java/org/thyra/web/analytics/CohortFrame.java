package org.thyra.web.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameExport;
import org.thyra.registry.export.FrameWriter;
import org.thyra.registry.store.StoredCourse;
import org.thyra.web.patient.StoredPatient;

/**
 * The de-identified analysis frame of the patients a user may see, built by the registry's own
 * export ({@link FrameExport}: random subject numbers, no birth date, dates as days from
 * diagnosis), with the derived rules and endpoints the analytics pages offer. The web pages hand it
 * to the analysis layer as a CSV file in a private temporary folder, removed afterwards.
 */
public final class CohortFrame {
  /** Rules whose value becomes a column (FrameExport.RULES names). */
  static final List<String> DERIVE =
      List.of("ajcc8-stage", "ata-risk", "rair", "uptake-pattern", "metastasis-timing");

  /** Endpoints: overall and progression-free survival from diagnosis. */
  static final List<String> ENDPOINTS = List.of("os", "pfs");

  private CohortFrame() {}

  /** The frame of these patients (one row per patient, de-identified). */
  public static AnalysisFrame of(List<StoredPatient> patients) {
    Map<String, StoredCourse> courses = new LinkedHashMap<>();
    for (StoredPatient p : patients) {
      courses.put(p.patientId(), new StoredCourse(p.site(), (int) p.version(), p.course()));
    }
    return FrameExport.build(
        courses,
        new ExportOptions(
            ExportOptions.Unit.PATIENT, DERIVE, ENDPOINTS, true, Origin.DIAGNOSIS, null));
  }

  /** Writes the frame as CSV into a new private temporary folder; the caller deletes the folder. */
  public static Path writeCsv(AnalysisFrame frame, String name) throws IOException {
    Path dir = Files.createTempDirectory("thyra-web-cohort");
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      FrameWriter.csv(frame, out);
    }
    return file;
  }

  /**
   * Removes a folder made by {@link #writeCsv} (best effort: a temporary file left is harmless).
   */
  public static void delete(Path file) {
    if (file == null) {
      return;
    }
    try (var s = Files.walk(file.getParent())) {
      s.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // left for the system's temporary-file cleanup
                }
              });
    } catch (IOException ignored) {
      // left for the system's temporary-file cleanup
    }
  }
}
