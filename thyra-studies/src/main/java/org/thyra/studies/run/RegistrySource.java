package org.thyra.studies.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.registry.RegistryService;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameWriter;
import org.thyra.studies.protocol.DataSource;

/**
 * A study's data from a registry: the analysis frame of {@code thyra registry export} — one row per
 * patient (or lesion, or RAI course, as the protocol's {@code data.unit}), the derived facts and
 * endpoints the protocol's {@code data.derive} / {@code data.endpoints} name, and the values the
 * sources recorded (a study's own variables) — written as the CSV the runner then reads, so the
 * report's SHA-256 names exactly the rows analysed.
 */
public final class RegistrySource {

  private RegistrySource() {}

  /** The file name of the exported frame (in the report folder after the run). */
  public static final String FILE_NAME = "registry-export.csv";

  /**
   * Exports the frame of a registry for a study.
   *
   * @param location where the registry is
   * @param data the protocol's data source (unit, derive, endpoints)
   * @param site only this site's patients, or {@code null} for all
   * @param dir the directory to write {@value #FILE_NAME} into
   * @return the written file
   */
  public static Path export(RegistryLocation location, DataSource data, String site, Path dir)
      throws IOException {
    ExportOptions options = options(data, site);
    AnalysisFrame f;
    try (Registry r = Registry.open(location, false)) {
      r.requireCurrent();
      f = new RegistryService(r).export(options);
    }
    Path file = dir.resolve(FILE_NAME);
    try (OutputStream out = Files.newOutputStream(file)) {
      FrameWriter.csv(f, out);
    }
    return file;
  }

  /**
   * What a protocol's data source asks of the registry's export: its unit, derived facts and
   * endpoints, and the recorded values (the study's own variables), identified (the frame stays on
   * the machine that runs the study; only the report leaves it).
   *
   * @param data the protocol's data source (unit, derive, endpoints), or null for the defaults
   * @param site only this site's patients, or {@code null} for all
   */
  public static ExportOptions options(DataSource data, String site) {
    String unit = data == null || data.unit() == null ? "patient" : data.unit();
    ExportOptions.Unit u =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "patient" -> ExportOptions.Unit.PATIENT;
          case "lesion" -> ExportOptions.Unit.LESION;
          case "rai-course" -> ExportOptions.Unit.RAI_COURSE;
          default ->
              throw new IllegalArgumentException(
                  "data.unit: '" + unit + "' is not one of patient, lesion, rai-course");
        };
    List<String> derive = data == null ? List.of() : data.derive();
    List<String> endpoints = data == null ? List.of() : data.endpoints();
    return new ExportOptions(u, derive, endpoints, false, Origin.DIAGNOSIS, site, true);
  }
}
