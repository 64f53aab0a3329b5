package org.thyra.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.TableReader;
import org.thyra.registry.audit.AuditEntry;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.backup.Backup;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameWriter;
import org.thyra.registry.imports.CourseImport;
import org.thyra.registry.quality.QualityFinding;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.StoredCourse;

/** Flat imports, data-quality checks, the analysis frame and backup/restore, on both databases. */
class CheckExportBackupTest {

  @TempDir Path tmp;

  static Stream<TestDatabases.Kind> kinds() {
    return TestDatabases.kinds();
  }

  static CourseImport.Options opts() {
    return new CourseImport.Options(null, false, "tester", null, null, null);
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** Patients and their Tg from two CSV files with mappings, recorded AJCC stage included. */
  private List<Path> flatFiles() throws IOException {
    Path patients =
        write(
            "patients.csv",
            "Study ID,Sex,Born,Diagnosed,Last seen,Stage\n"
                + "F1,female,1950-01-01,2010-01-01,2015-01-01,I\n"
                + "F2,male,1960-01-01,2012-01-01,2016-01-01,II\n"
                + "F3,female,,2014-01-01,2016-01-01,\n");
    write(
        "patients.mapping.json",
        "{\"kind\":\"patients\",\"patientId\":\"Study ID\",\"columns\":{\"sex\":\"Sex\","
            + "\"birthDate\":\"Born\",\"diagnosisDate\":\"Diagnosed\",\"lastFollowUp\":\"Last seen\","
            + "\"recorded.ajcc8-stage\":\"Stage\"}}");
    Path primary =
        write(
            "primary.csv",
            "Study ID,Histology,Size\nF1,papillary,1.5\nF2,papillary,2.5\nF3,papillary,1.2\n");
    write(
        "primary.mapping.json",
        "{\"kind\":\"primaryTumour\",\"patientId\":\"Study ID\",\"columns\":{\"histology\":"
            + "\"Histology\",\"sizeCm\":\"Size\"},\"constants\":{\"extension\":\"NONE\"}}");
    Path labs =
        write(
            "labs.csv",
            "Study ID,Sample date,Tg,Unit\n"
                + "F1,2011-01-01,0.5,ng/mL\n"
                + "F1,2012-01-01,250000,ng/mL\n"
                + "F2,2013-01-01,800,ng/L\n");
    write(
        "labs.mapping.json",
        "{\"kind\":\"labs\",\"patientId\":\"Study ID\",\"columns\":{\"date\":\"Sample date\","
            + "\"value\":\"Tg\",\"unit\":\"Unit\"},\"constants\":{\"analyte\":\"TG\","
            + "\"tshState\":\"SUPPRESSED\"}}");
    return List.of(patients, primary, labs);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void flatTablesImportWithTheirMappingsOnceAndChecksFindWhatIsWrong(TestDatabases.Kind kind)
      throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report rep = CourseImport.run(r, flatFiles(), opts());
      assertThat(rep.problems()).isEmpty();
      assertThat(rep.added()).isEqualTo(3);
      StoredCourse f1 = r.withHandle(h -> CourseRows.read(h, "F1"));
      assertThat(f1.course().labs()).hasSize(2);
      assertThat(f1.course().labs().get(1).value()).isEqualTo(250000.0);
      assertThat(f1.course().primaryTumour().sizeCm()).isEqualTo(1.5);
      // the same files again: nothing changes (natural keys: date, analyte, TSH state)
      CourseImport.Report again = CourseImport.run(r, flatFiles(), opts());
      assertThat(again.changes()).isEmpty();
      assertThat(again.unchanged()).isEqualTo(3);

      List<QualityFinding> findings = new RegistryService(r).check(null);
      assertThat(findings)
          .anySatisfy(
              f -> {
                assertThat(f.patientId()).isEqualTo("F1");
                assertThat(f.entry()).isEqualTo("labs[1] (2012-01-01)");
                assertThat(f.rule()).isEqualTo("lab-range");
                assertThat(f.reason()).contains("250000");
              });
      // F2: recorded stage II, but 52 years old at diagnosis with M0 → stage I (AJCC 8th)
      assertThat(findings)
          .anySatisfy(
              f -> {
                assertThat(f.patientId()).isEqualTo("F2");
                assertThat(f.entry()).isEqualTo("recorded.ajcc8-stage");
                assertThat(f.rule()).isEqualTo("recorded-vs-derived");
                assertThat(f.reason()).contains("recorded ajcc8-stage 'II'").contains("'I'");
              });
      // F1's recorded stage I agrees with the rule: no such finding
      assertThat(findings)
          .noneSatisfy(
              f -> {
                assertThat(f.patientId()).isEqualTo("F1");
                assertThat(f.rule()).isEqualTo("recorded-vs-derived");
              });
      // F3 has no birth date: the AJCC stage cannot be decided, and check says what is missing
      assertThat(findings)
          .anySatisfy(
              f -> {
                assertThat(f.patientId()).isEqualTo("F3");
                assertThat(f.rule()).isEqualTo("missing");
                assertThat(f.reason()).startsWith("ajcc8-stage undetermined").contains("birth");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aBadCellIsReportedWithFileRowAndColumnAndNothingIsWritten(TestDatabases.Kind kind)
      throws IOException {
    List<Path> files = flatFiles();
    Files.writeString(
        files.get(2),
        "Study ID,Sample date,Tg,Unit\n" + "F1,2011-01-01,0.5,ng/mL\n" + "F1,2012-13-45,3,ng/mL\n");
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report rep = CourseImport.run(r, files, opts());
      assertThat(rep.written()).isFalse();
      assertThat(rep.problems()).hasSize(1);
      assertThat(rep.problems().get(0).file()).endsWith("labs.csv");
      assertThat(rep.problems().get(0).where()).startsWith("row 2");
      assertThat(rep.problems().get(0).column()).isEqualTo("Sample date");
      assertThat(RegistryTest.count(r, "patient")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theAnalysisFrameHasOneRowPerUnitWithDerivedFactsAndEndpoints(TestDatabases.Kind kind)
      throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.run(r, RoundTripTest.examples(), opts());
      RegistryService s = new RegistryService(r);
      AnalysisFrame f =
          s.export(
              new ExportOptions(
                  ExportOptions.Unit.PATIENT,
                  List.of("ajcc8-stage", "ata-risk", "rair"),
                  List.of("os", "pfs:origin=first-ablation:events=seed000"),
                  false,
                  Origin.DIAGNOSIS,
                  null));
      assertThat(f.rows()).hasSize(6);
      Map<String, String> p003 = row(f, "patient_id", "P003-01");
      assertThat(p003.get("ajcc8_stage")).isEqualTo("IVB");
      assertThat(p003.get("ata_risk")).isEqualTo("high");
      assertThat(p003.get("rair")).isEqualTo("yes");
      assertThat(p003.get("os_status")).isEqualTo("1");
      assertThat(p003.get("os_months")).isEqualTo("72.5420944559");
      assertThat(p003.get("pfs_first_ablation_months")).isNull();
      assertThat(p003.get("cumulative_activity_mci")).isEqualTo("650");
      Map<String, String> p000 = row(f, "patient_id", "P000-01");
      assertThat(p000.get("pfs_first_ablation_status")).isEqualTo("1");
      assertThat(f.warnings()).anySatisfy(w -> assertThat(w).contains("first-ablation"));
      // the local-treatment fields: recorded values exported, absent ones left empty
      Map<String, String> p002 = row(f, "patient_id", "P002-02");
      assertThat(p002.get("life_expectancy_months")).isEqualTo("60");
      assertThat(p002.get("progression_rate")).isEqualTo("slow");
      assertThat(p003.get("life_expectancy_months")).isNull();
      assertThat(p003.get("progression_rate")).isNull();

      // written as CSV, the frame reads back with numeric time and event columns
      Path csv = tmp.resolve("frame.csv");
      try (OutputStream out = Files.newOutputStream(csv)) {
        FrameWriter.csv(f, out);
      }
      DataTable t = TableReader.read(csv);
      assertThat(t.rowCount()).isEqualTo(6);
      assertThat(t.column("os_months")).isInstanceOf(NumericColumn.class);
      assertThat(t.column("os_status")).isInstanceOf(NumericColumn.class);
      Path xlsx = tmp.resolve("frame.xlsx");
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        FrameWriter.xlsx(f, out);
      }
      DataTable tx = TableReader.read(xlsx);
      assertThat(tx.rowCount()).isEqualTo(6);
      assertThat(((NumericColumn) tx.column("os_months")).toArray())
          .containsExactlyInAnyOrder(((NumericColumn) t.column("os_months")).toArray());

      AnalysisFrame lesions =
          s.export(
              new ExportOptions(
                  ExportOptions.Unit.LESION, List.of(), List.of(), false, Origin.DIAGNOSIS, null));
      long lesionCount =
          r.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lesion").mapTo(Long.class).one());
      assertThat(lesions.rows()).hasSize((int) lesionCount);
      Map<String, String> ln1 = row(lesions, "lesion_id", "LN1");
      assertThat(ln1.get("disappeared")).isEqualTo("1");
      assertThat(ln1.get("vrr_percent")).isEqualTo("100");
      // an FDG status not assessed is an empty cell, not 0
      Map<String, String> lu2 = row(lesions, "lesion_id", "LU2");
      assertThat(lu2.get("fdg_avid")).isEqualTo("1");
      assertThat(lu2.get("symptomatic")).isEqualTo("1");
      assertThat(lu2.get("miliary")).isEqualTo("0");
      Map<String, String> lu3 = row(lesions, "lesion_id", "LU3");
      assertThat(lu3.get("fdg_avid")).isNull();
      assertThat(lu3.get("symptomatic")).isNull();
      assertThat(lu3.get("miliary")).isEqualTo("1");
      AnalysisFrame rai =
          s.export(
              new ExportOptions(
                  ExportOptions.Unit.RAI_COURSE,
                  List.of(),
                  List.of(),
                  false,
                  Origin.DIAGNOSIS,
                  null));
      long raiCount =
          r.withHandle(
              h -> h.createQuery("SELECT COUNT(*) FROM rai_course").mapTo(Long.class).one());
      assertThat(rai.rows()).hasSize((int) raiCount);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aDeidentifiedFrameHasNoIdsNoBirthDatesAndDatesAsDaysFromTheOrigin(TestDatabases.Kind kind)
      throws IOException {
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.run(r, RoundTripTest.examples(), opts());
      AnalysisFrame f =
          new RegistryService(r)
              .export(
                  new ExportOptions(
                      ExportOptions.Unit.PATIENT,
                      List.of(),
                      List.of("os"),
                      true,
                      Origin.DIAGNOSIS,
                      null));
      assertThat(f.columns())
          .doesNotContain("patient_id", "birth_date", "diagnosis_date", "last_follow_up")
          .contains("subject", "diagnosis_day", "last_follow_up_day", "age_at_diagnosis");
      for (List<String> row : f.rows()) {
        assertThat(String.join(",", row.stream().map(c -> c == null ? "" : c).toList()))
            .doesNotContainPattern("P00\\d-01|EX-LOB|\\d{4}-\\d{2}-\\d{2}");
      }
      assertThat(f.rows())
          .allSatisfy(
              row -> assertThat(row.get(f.columns().indexOf("diagnosis_day"))).isEqualTo("0"));
      assertThat(f.method()).contains("de-identified");
    }
  }

  static Map<String, String> row(AnalysisFrame f, String keyColumn, String key) {
    int k = f.columns().indexOf(keyColumn);
    List<String> row =
        f.rows().stream().filter(r -> key.equals(r.get(k))).findFirst().orElseThrow();
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < f.columns().size(); i++) {
      out.put(f.columns().get(i), row.get(i));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aBackupRestoresIntoTheOtherDatabaseWithItsAuditTrail(TestDatabases.Kind kind)
      throws IOException {
    TestDatabases.Kind other =
        kind == TestDatabases.Kind.H2 ? TestDatabases.Kind.POSTGRESQL : TestDatabases.Kind.H2;
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        TestDatabases.Fresh target = TestDatabases.fresh(other);
        Registry r = db.openInitialised();
        Registry t = target.openInitialised()) {
      CourseImport.run(r, RoundTripTest.examples(), opts());
      CourseImport.run(r, flatFiles(), opts());
      Path file = tmp.resolve("registry.backup");
      try (OutputStream out = Files.newOutputStream(file)) {
        Backup.Summary s = Backup.write(r, out);
        assertThat(s.patients()).isEqualTo(9);
      }
      Backup.restore(t, file, "restorer");
      assertThat(t.withHandle(CourseRows::readAll)).isEqualTo(r.withHandle(CourseRows::readAll));
      List<AuditEntry> before = r.withHandle(h -> AuditTrail.read(h, null));
      List<AuditEntry> after = t.withHandle(h -> AuditTrail.read(h, null));
      assertThat(after).hasSize(before.size() + 1);
      for (int i = 0; i < before.size(); i++) {
        AuditEntry a = before.get(i);
        AuditEntry b = after.get(i);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.at().toInstant()).isEqualTo(a.at().toInstant());
        assertThat(b.newValue()).isEqualTo(a.newValue());
        assertThat(b.sourceSha256()).isEqualTo(a.sourceSha256());
      }
      AuditEntry restore = after.get(after.size() - 1);
      assertThat(restore.action()).isEqualTo("RESTORE");
      assertThat(restore.sourceSha256()).hasSize(64);
      assertThat(new RegistryService(t).check(null)).isEqualTo(new RegistryService(r).check(null));
      // never over existing data
      assertThatThrownBy(() -> Backup.restore(t, file, "again"))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("empty registry only");
      // a damaged file is refused before anything is written
      byte[] bytes = Files.readAllBytes(file);
      Path cut = tmp.resolve("cut.backup");
      Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      try (TestDatabases.Fresh third = TestDatabases.fresh(kind);
          Registry x = third.openInitialised()) {
        assertThatThrownBy(() -> Backup.restore(x, cut, "x"))
            .isInstanceOfAny(RegistryException.class, IOException.class);
        assertThat(RegistryTest.count(x, "patient")).isZero();
      }
    }
    assertThat(new ByteArrayOutputStream().size()).isZero();
  }
}
