package org.thyra.registry;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameWriter;
import org.thyra.registry.imports.CourseImport;

/**
 * The registry benchmark (docs/PERFORMANCE.md, "Registry (issue 14)"), run by {@code
 * bench/registry.sh}, never as a test: generates N synthetic courses (seeded) as one course JSON
 * array, imports them into an empty registry (one transaction), imports the same file again
 * (nothing changes), and exports the patient-level analysis frame with derived columns and
 * endpoints as CSV. Arguments: LOCATION (directory or jdbc:postgresql URL) N OUT_DIR.
 */
public final class RegistryBench {

  private RegistryBench() {}

  public static void main(String[] args) throws Exception {
    String where = args[0];
    int n = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    Files.createDirectories(dir);
    Path file = dir.resolve("courses_" + n + ".json");
    long t0 = System.nanoTime();
    if (!Files.exists(file)) {
      SyntheticCourses.writeArray(file, n, 20261205L);
    }
    double gen = (System.nanoTime() - t0) / 1e9;
    RegistryLocation loc = RegistryLocation.resolve(where, System.getenv());
    try (Registry r = Registry.open(loc, true)) {
      r.init();
      CourseImport.Options o = new CourseImport.Options(null, false, "bench", null, null, null);
      long t1 = System.nanoTime();
      CourseImport.Report first = CourseImport.run(r, List.of(file), o);
      double imp = (System.nanoTime() - t1) / 1e9;
      if (!first.problems().isEmpty() || first.added() != n) {
        throw new IllegalStateException("import: " + first.problems());
      }
      long rows =
          r.withHandle(
              h -> {
                long s = 0;
                for (String t : KillDuringImportTest.TABLES) {
                  s += h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one();
                }
                return s;
              });
      long t2 = System.nanoTime();
      CourseImport.Report second = CourseImport.run(r, List.of(file), o);
      double again = (System.nanoTime() - t2) / 1e9;
      if (!second.changes().isEmpty()) {
        throw new IllegalStateException("second import changed " + second.changes().size());
      }
      long t3 = System.nanoTime();
      AnalysisFrame f =
          new RegistryService(r)
              .export(
                  new ExportOptions(
                      ExportOptions.Unit.PATIENT,
                      List.of("ajcc8-stage", "ata-risk", "rair"),
                      List.of("os", "pfs:origin=first-rai"),
                      false,
                      Origin.DIAGNOSIS,
                      null));
      Path csv = dir.resolve("frame_" + n + ".csv");
      try (OutputStream out = Files.newOutputStream(csv)) {
        FrameWriter.csv(f, out);
      }
      double exp = (System.nanoTime() - t3) / 1e9;
      long t4 = System.nanoTime();
      AnalysisFrame plain = new RegistryService(r).export(ExportOptions.patients());
      double expPlain = (System.nanoTime() - t4) / 1e9;
      System.out.printf(
          "%s n=%d file=%.0f MB rows=%d | generate %.1f s | import %.1f s | re-import (no change)"
              + " %.1f s | export+derive+endpoints %.1f s (%d x %d) | export plain %.1f s%n",
          loc.isPostgres() ? "PostgreSQL" : "H2",
          n,
          Files.size(file) / 1e6,
          rows,
          gen,
          imp,
          again,
          exp,
          f.rows().size(),
          f.columns().size(),
          expPlain);
      if (plain.rows().size() != n) {
        throw new IllegalStateException("export rows " + plain.rows().size());
      }
    }
  }
}
