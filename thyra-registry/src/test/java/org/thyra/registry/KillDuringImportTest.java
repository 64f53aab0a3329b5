package org.thyra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.registry.audit.AuditEntry;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.imports.CourseImport;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.StoredCourse;

/**
 * A real second JVM imports a large file (8 000 courses, one transaction) and is killed with
 * SIGKILL once it has written thousands of patients; the registry is then exactly as before: the
 * same courses, the same audit trail, no row of the killed import. On H2 and PostgreSQL.
 */
class KillDuringImportTest {

  @TempDir Path tmp;

  static Stream<TestDatabases.Kind> kinds() {
    return TestDatabases.kinds();
  }

  static final List<String> TABLES =
      List.of(
          "site",
          "patient",
          "primary_tumour",
          "nodal_disease",
          "nodal_region",
          "surgery",
          "rai_course",
          "rai_uptake",
          "lab_result",
          "lesion",
          "lesion_measurement",
          "treatment",
          "treatment_lesion",
          "ablation",
          "ablation_complication",
          "assessment",
          "progression",
          "death",
          "comorbidity",
          "recorded_value",
          "audit_log");

  @ParameterizedTest
  @MethodSource("kinds")
  void aProcessKilledInTheMiddleOfAnImportLeavesTheRegistryAsItWas(TestDatabases.Kind kind)
      throws Exception {
    Path file = tmp.resolve("large.json");
    int total = 8_000;
    SyntheticCourses.writeArray(file, total, 42);
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind)) {
      Map<String, StoredCourse> before;
      List<AuditEntry> auditBefore;
      List<Integer> countsBefore;
      try (Registry r = db.openInitialised()) {
        CourseImport.run(
            r,
            RoundTripTest.examples(),
            new CourseImport.Options(null, false, "tester", null, null, null));
        before = r.withHandle(CourseRows::readAll);
        auditBefore = r.withHandle(h -> AuditTrail.read(h, null));
        countsBefore = counts(r);
      }
      // the embedded registry is closed: the child process owns the database file now
      String where =
          kind == TestDatabases.Kind.H2
              ? db.location.directory().toString()
              : db.location.jdbcUrl();
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              KillImportMain.class.getName(),
              where,
              file.toString());
      pb.environment().put("THYRA_DB_USER", db.location.user());
      pb.environment().put("THYRA_DB_PASSWORD", db.location.password());
      pb.redirectErrorStream(true);
      Process p = pb.start();
      List<String> lines = new ArrayList<>();
      int written = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
          if (line.startsWith("written ")) {
            written = Integer.parseInt(line.substring(8));
            if (written >= 2000) {
              break;
            }
          }
        }
        assertThat(written).as("child output: %s", lines).isGreaterThanOrEqualTo(2000);
        assertThat(p.isAlive()).as("the import is still running when killed").isTrue();
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback by the JVM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(p.exitValue()).isEqualTo(137); // 128 + SIGKILL
      assertThat(lines).noneMatch(l -> l.startsWith("finished"));
      assertThat(written).isLessThan(total);
      long reopen = System.nanoTime();
      try (Registry r = Registry.open(db.location, false)) {
        System.out.printf(
            "%s reopened after the kill in %.1f s%n", kind, (System.nanoTime() - reopen) / 1e9);
        r.requireCurrent();
        assertThat(counts(r)).isEqualTo(countsBefore);
        assertThat(r.withHandle(CourseRows::readAll)).isEqualTo(before);
        List<AuditEntry> auditAfter = r.withHandle(h -> AuditTrail.read(h, null));
        assertThat(auditAfter).isEqualTo(auditBefore);
        // and the registry still works: the same import now runs to the end
        CourseImport.Report rep =
            CourseImport.run(
                r, List.of(file), new CourseImport.Options(null, true, "tester", null, null, null));
        assertThat(rep.problems()).isEmpty();
        assertThat(rep.added()).isEqualTo(total);
      }
    }
  }

  static List<Integer> counts(Registry r) {
    List<Integer> out = new ArrayList<>();
    for (String t : TABLES) {
      out.add(RegistryTest.count(r, t));
    }
    return out;
  }
}
