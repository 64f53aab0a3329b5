package org.thyra.clinical.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.clinical.units.ActivityUnit;

class CourseJsonTest {

  static java.util.List<Path> examples() {
    return Examples.files();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void roundTripIsLossless(Path file) throws IOException {
    PatientCourse course = CourseJson.read(file);
    String written = CourseJson.write(course);
    PatientCourse again = CourseJson.read(written, "written");
    assertThat(again).isEqualTo(course);
    // and writing is stable
    assertThat(CourseJson.write(again)).isEqualTo(written);
  }

  @Test
  void readsUnitsDatesAndEnumsAsWritten() {
    PatientCourse c = Examples.load("seed003-rair-lung.json");
    assertThat(c.raiCourses().get(2).activity().unit()).isEqualTo(ActivityUnit.GBQ);
    assertThat(c.raiCourses().get(2).activity().value()).isEqualByComparingTo("5.55");
    assertThat(c.death().date()).hasToString("2016-05-01");
    String json = CourseJson.write(c);
    assertThat(json).contains("\"unit\" : \"GBq\"").contains("\"2010-07-01\"");
  }

  @Test
  void enumValuesAreCaseInsensitive() {
    String json =
        Examples.text("seed001-rai-avid-micrometastases.json")
            .replace("\"PAPILLARY\"", "\"papillary\"");
    assertThat(CourseJson.read(json, "x").primaryTumour().histology())
        .isEqualTo(Histology.PAPILLARY);
  }

  @Test
  void unknownFieldsAreRejectedWithThePath() {
    String json =
        Examples.text("seed001-rai-avid-micrometastases.json")
            .replace("\"tshMiuPerL\": 64", "\"tsh\": 64");
    assertThatThrownBy(() -> CourseJson.read(json, "bad.json"))
        .isInstanceOf(CourseException.class)
        .hasMessageStartingWith("bad.json: raiCourses[0].tsh")
        .hasMessageContaining("Unrecognized field \"tsh\"");
  }

  @Test
  void badUnitsAndNegativeActivitiesNameTheField() {
    String unit = Examples.text("seed003-rair-lung.json").replace("\"GBq\"", "\"Ci\"");
    assertThatThrownBy(() -> CourseJson.read(unit, "u.json"))
        .isInstanceOf(CourseException.class)
        .hasMessageContaining("raiCourses[2].activity.unit")
        .hasMessageContaining("unknown activity unit 'Ci'");
    String negative =
        Examples.text("seed003-rair-lung.json").replace("\"value\": 200", "\"value\": -200");
    assertThatThrownBy(() -> CourseJson.read(negative, "n.json"))
        .isInstanceOf(CourseException.class)
        .hasMessageContaining("raiCourses[1].activity")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void impossibleSequencesNameThePatientAndEntry() {
    String json =
        Examples.text("seed003-rair-lung.json")
            .replace("\"date\": \"2016-05-01\"", "\"date\": \"2009-01-01\"");
    assertThatThrownBy(() -> CourseJson.read(json, "d.json"))
        .isInstanceOf(CourseException.class)
        .hasMessage(
            "patient P003-01, death (2009-01-01): death is before the diagnosis 2010-04-15");
  }

  @Test
  void aFieldGivenTwiceIsRejected() {
    String json =
        Examples.text("seed002-interventional-distant.json")
            .replace("\"examined\": 4", "\"examined\": 4, \"pathologicPositive\": 6");
    assertThatThrownBy(() -> CourseJson.read(json, "dup.json"))
        .isInstanceOf(CourseException.class)
        .hasMessageStartingWith("dup.json: primaryTumour.nodes (line 12, column")
        .hasMessageContaining("Duplicate field 'pathologicPositive'");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> CourseJson.read("{\"patientId\": \"X\",,}", "m.json"))
        .isInstanceOf(CourseException.class)
        .hasMessageStartingWith("m.json: (document) (line 1, column");
  }
}
