package org.thyra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.imports.CourseImport;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.StoredCourse;

/** Every example course, imported and read back, is the same course and the same JSON. */
class RoundTripTest {

  static final Path EXAMPLES = Path.of("..", "examples", "courses");

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static Stream<TestDatabases.Kind> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyExampleCourseRoundTripsExactly(TestDatabases.Kind kind) throws IOException {
    List<Path> files = examples();
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report report =
          CourseImport.run(
              r, files, new CourseImport.Options(null, false, "test", null, null, null));
      assertThat(report.problems()).isEmpty();
      assertThat(report.added()).isEqualTo(files.size());
      for (Path f : files) {
        PatientCourse original = CourseJson.read(f);
        StoredCourse back = r.withHandle(h -> CourseRows.read(h, original.patientId()));
        assertThat(back.course()).isEqualTo(original);
        assertThat(CourseJson.write(back.course())).isEqualTo(CourseJson.write(original));
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.site()).isEqualTo("default");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anArrayFileOfCoursesRoundTripsWithDecimalsAsWritten(TestDatabases.Kind kind)
      throws IOException {
    StringBuilder array = new StringBuilder("[");
    for (Path f : examples()) {
      array.append(array.length() > 1 ? "," : "").append(Files.readString(f));
    }
    // an activity with a trailing zero keeps its scale: 5.550 GBq is stored and read as 5.550
    String text =
        array.append("]").toString().replaceFirst("\"value\": 5\\.55,", "\"value\": 5.550,");
    assertThat(text).contains("5.550");
    Path file = Files.createTempFile("courses", ".json");
    Files.writeString(file, text);
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report report =
          CourseImport.run(
              r, List.of(file), new CourseImport.Options(null, false, "test", null, null, null));
      assertThat(report.problems()).isEmpty();
      assertThat(report.added()).isEqualTo(examples().size());
      com.fasterxml.jackson.databind.JsonNode courses =
          org.thyra.registry.store.CourseDiff.mapper().readTree(text);
      for (com.fasterxml.jackson.databind.JsonNode n : courses) {
        PatientCourse original =
            CourseJson.read(
                org.thyra.registry.store.CourseDiff.mapper().writeValueAsString(n), "x");
        StoredCourse back = r.withHandle(h -> CourseRows.read(h, original.patientId()));
        assertThat(back.course()).isEqualTo(original);
      }
      String activities =
          r.withHandle(
              h ->
                  String.join(
                      ",",
                      h.createQuery("SELECT activity_value FROM rai_course ORDER BY 1")
                          .mapTo(String.class)
                          .list()));
      assertThat(activities).contains("5.550");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
