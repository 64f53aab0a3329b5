package org.thyra.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.audit.AuditEntry;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.imports.CourseImport;
import org.thyra.registry.store.CourseDiff;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.StoredCourse;

/** The registry's behaviour, the same suite on embedded H2 and on PostgreSQL. */
class RegistryTest {

  @TempDir Path tmp;

  static Stream<TestDatabases.Kind> kinds() {
    return TestDatabases.kinds();
  }

  static CourseImport.Options opts(boolean dryRun) {
    return new CourseImport.Options(null, dryRun, "tester", null, null, null);
  }

  static List<Path> examples() throws IOException {
    return RoundTripTest.examples();
  }

  static int count(Registry r, String table) {
    return r.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void importingTheSameFilesTwiceChangesNothing(TestDatabases.Kind kind) throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report first = CourseImport.run(r, examples(), opts(false));
      assertThat(first.written()).isTrue();
      int audit = count(r, "audit_log");
      int labs = count(r, "lab_result");
      Map<String, StoredCourse> before = r.withHandle(CourseRows::readAll);
      CourseImport.Report second = CourseImport.run(r, examples(), opts(false));
      assertThat(second.problems()).isEmpty();
      assertThat(second.changes()).isEmpty();
      assertThat(second.unchanged()).isEqualTo(examples().size());
      assertThat(second.written()).isFalse();
      assertThat(count(r, "audit_log")).isEqualTo(audit);
      assertThat(count(r, "lab_result")).isEqualTo(labs);
      assertThat(r.withHandle(CourseRows::readAll)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aDryRunReportsEveryChangeAndWritesNothing(TestDatabases.Kind kind) throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report dry = CourseImport.run(r, examples(), opts(true));
      assertThat(dry.added()).isEqualTo(examples().size());
      assertThat(dry.written()).isFalse();
      assertThat(count(r, "patient")).isZero();
      assertThat(count(r, "site")).isZero();
      assertThat(count(r, "audit_log")).isZero();
      // a changed course: the dry run names the entry with its old and new value
      CourseImport.run(r, examples(), opts(false));
      Path changed = changedCopy(examples().get(0));
      CourseImport.Report dry2 = CourseImport.run(r, List.of(changed), opts(true));
      assertThat(dry2.changes()).hasSize(1);
      CourseDiff.Change c = dry2.changes().get(0).entries().get(0);
      assertThat(c.action()).isEqualTo("UPDATE");
      assertThat(c.entry()).isEqualTo("lastFollowUp");
      assertThat(c.oldValue()).isEqualTo("\"2020-03-01\"");
      assertThat(c.newValue()).isEqualTo("\"2021-03-01\"");
      Integer v = r.withHandle(h -> CourseStore_version(h, "EX-LOB-01"));
      assertThat(v).isEqualTo(1);
    }
  }

  private static Integer CourseStore_version(org.jdbi.v3.core.Handle h, String id) {
    return org.thyra.registry.store.CourseStore.version(h, id);
  }

  private Path changedCopy(Path example) throws IOException {
    String text = Files.readString(example).replace("\"2020-03-01\"", "\"2021-03-01\"");
    Path p = tmp.resolve("changed.json");
    Files.writeString(p, text);
    return p;
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anImportIsAllFilesOrNothingAndNamesEveryProblem(TestDatabases.Kind kind) throws IOException {
    Path badUnit = tmp.resolve("bad-unit.json");
    Files.writeString(
        badUnit,
        Files.readString(examples().get(1)).replaceFirst("\"unit\": \"mCi\"", "\"unit\": \"Ci\""));
    Path afterDeath = tmp.resolve("after-death.json");
    Files.writeString(
        afterDeath,
        "{\"patientId\":\"Z1\",\"demographics\":{\"diagnosisDate\":\"2015-01-01\"},"
            + "\"death\":{\"date\":\"2016-01-01\",\"cause\":\"OTHER_CAUSE\"},"
            + "\"labs\":[{\"date\":\"2017-01-01\",\"analyte\":\"TG\",\"value\":1}]}");
    Path notJson = tmp.resolve("broken.json");
    Files.writeString(notJson, "{\"patientId\": ");
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      List<Path> files = new ArrayList<>(examples());
      files.add(badUnit);
      files.add(afterDeath);
      files.add(notJson);
      CourseImport.Report rep = CourseImport.run(r, files, opts(false));
      assertThat(rep.written()).isFalse();
      assertThat(rep.problems()).hasSize(3);
      assertThat(rep.problems().get(0).toString())
          .startsWith(badUnit.toString())
          .contains("raiCourses[0].activity.unit")
          .contains("unknown activity unit 'Ci'");
      assertThat(rep.problems().get(1).toString())
          .contains("patient Z1, labs[0]")
          .contains("after death");
      assertThat(rep.problems().get(2).toString())
          .contains("broken.json")
          .contains("not valid JSON");
      assertThat(count(r, "patient")).isZero();
      assertThat(count(r, "audit_log")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aChangeIsAuditedEntryByEntryWithOldAndNewValues(TestDatabases.Kind kind) throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.run(r, examples(), opts(false));
      RegistryService s = new RegistryService(r);
      StoredCourse p = s.read("P000-01");
      PatientCourse c = p.course();
      List<LabResult> labs = new ArrayList<>(c.labs());
      LabResult l = labs.get(0);
      labs.set(
          0,
          new LabResult(
              l.date(), l.analyte(), 41.0, l.unit(), l.tshState(), l.belowDetectionLimit()));
      PatientCourse edited = withLabs(c, labs);
      List<CourseDiff.Change> changes = s.edit(edited, p.version(), "dr-a", "typo in Tg");
      assertThat(changes).hasSize(1);
      StoredCourse after = s.read("P000-01");
      assertThat(after.version()).isEqualTo(2);
      assertThat(after.course()).isEqualTo(edited);
      List<AuditEntry> trail = r.withHandle(h -> AuditTrail.read(h, "P000-01"));
      AuditEntry last = trail.get(trail.size() - 1);
      assertThat(last.action()).isEqualTo("UPDATE");
      assertThat(last.entry()).isEqualTo("labs[0]");
      assertThat(last.actor()).isEqualTo("dr-a");
      assertThat(last.reason()).isEqualTo("typo in Tg");
      assertThat(last.oldValue()).contains("\"value\":40.0");
      assertThat(last.newValue()).contains("\"value\":41.0");
      assertThat(last.at()).isNotNull();
      assertThat(last.dbUser()).isNotBlank();
      // imports name their file and its SHA-256
      AuditEntry first = trail.get(0);
      assertThat(first.sourceFile()).endsWith("seed000-ablation-lymph-node.json");
      assertThat(first.sourceSha256()).hasSize(64);
    }
  }

  static PatientCourse withLabs(PatientCourse c, List<LabResult> labs) {
    return new PatientCourse(
        c.patientId(),
        c.demographics(),
        c.primaryTumour(),
        c.surgeries(),
        c.raiCourses(),
        labs,
        c.lesions(),
        c.measurements(),
        c.treatments(),
        c.assessments(),
        c.progressions(),
        c.death(),
        c.lastFollowUp(),
        c.comorbidities(),
        c.ecog(),
        c.lifeExpectancyMonths(),
        c.progressionRate());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theAuditTrailCannotBeUpdatedOrDeletedByTheApplicationsRole(TestDatabases.Kind kind)
      throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.run(r, examples(), opts(false));
      int lines = count(r, "audit_log");
      assertThat(lines).isGreaterThan(0);
      // straight through JDBC as the role the application connects as (the tables' owner)
      try (Connection c =
              DriverManager.getConnection(
                  db.location.jdbcUrl(), db.location.user(), db.location.password());
          Statement st = c.createStatement()) {
        assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET reason = 'forged'"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
        if (kind == TestDatabases.Kind.POSTGRESQL) {
          assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_log"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("append-only");
        }
      }
      assertThat(count(r, "audit_log")).isEqualTo(lines);
      List<AuditEntry> all = r.withHandle(h -> AuditTrail.read(h, null));
      assertThat(all).allSatisfy(a -> assertThat(a.reason()).isNotEqualTo("forged"));
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void twoWritersAtOnceOnOnePatientOneWinsTheOtherIsToldNothingIsLost(TestDatabases.Kind kind)
      throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.run(r, examples(), opts(false));
      RegistryService s = new RegistryService(r);
      StoredCourse base = s.read("P000-01");
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<String>> results = new ArrayList<>();
      for (double v : new double[] {50.0, 60.0}) {
        results.add(
            pool.submit(
                () -> {
                  List<LabResult> labs = new ArrayList<>(base.course().labs());
                  LabResult l = labs.get(0);
                  labs.set(
                      0, new LabResult(l.date(), l.analyte(), v, l.unit(), l.tshState(), false));
                  together.await();
                  try {
                    s.edit(withLabs(base.course(), labs), base.version(), "writer-" + v, "edit");
                    return "won " + v;
                  } catch (ConflictException e) {
                    return "conflict: " + e.getMessage();
                  }
                }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      pool.shutdown();
      assertThat(outcomes.stream().filter(o -> o.startsWith("won"))).hasSize(1);
      assertThat(outcomes.stream().filter(o -> o.startsWith("conflict"))).hasSize(1);
      String conflict = outcomes.stream().filter(o -> o.startsWith("conflict")).findFirst().get();
      assertThat(conflict)
          .contains("patient P000-01")
          .contains("changed by another writer")
          .contains("nothing of this change was saved");
      double winner =
          Double.parseDouble(
              outcomes.stream().filter(o -> o.startsWith("won")).findFirst().get().substring(4));
      StoredCourse now = s.read("P000-01");
      assertThat(now.version()).isEqualTo(base.version() + 1);
      assertThat(now.course().labs().get(0).value()).isEqualTo(winner);
      // every other entry is as it was: the loser's write left nothing half-done
      assertThat(now.course().labs().subList(1, now.course().labs().size()))
          .isEqualTo(base.course().labs().subList(1, base.course().labs().size()));
      assertThat(now.course().lesions()).isEqualTo(base.course().lesions());
      List<AuditEntry> updates =
          r.withHandle(h -> AuditTrail.read(h, "P000-01")).stream()
              .filter(a -> a.action().equals("UPDATE"))
              .toList();
      assertThat(updates).hasSize(1);
      assertThat(updates.get(0).actor()).isEqualTo("writer-" + winner);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aSecondWriterWorkingFromAStaleVersionGetsAConflict(TestDatabases.Kind kind)
      throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.run(r, examples(), opts(false));
      RegistryService s = new RegistryService(r);
      StoredCourse base = s.read("EX-LOB-01");
      PatientCourse a = CourseJson.read(Files.readString(changedCopy(examples().get(0))), "a");
      s.edit(a, base.version(), "a", "follow-up visit");
      assertThatThrownBy(() -> s.edit(base.course(), base.version(), "b", "stale"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("version 1, now 2");
      assertThat(s.read("EX-LOB-01").course()).isEqualTo(a);
    }
  }
}
