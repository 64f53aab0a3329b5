package org.thyra.clinical.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        .hasMessageContaining("unknown field 'tsh' (fields here: activity, date, preparation,");
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
        .hasMessageContaining("field 'pathologicPositive' is given twice in this object");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> CourseJson.read("{\"patientId\": \"X\",,}", "m.json"))
        .isInstanceOf(CourseException.class)
        .hasMessageStartingWith("m.json: (document) (line 1, column");
  }

  /** Words of Java or of the JSON library that a course-JSON message must never contain. */
  private static final List<String> FORBIDDEN =
      List.of(
          "Cannot deserialize",
          "Cannot coerce",
          "java.",
          "org.thyra",
          "Enum class",
          "JsonReadFeature",
          "DeserializationFeature",
          "`",
          "token",
          "Unrecognized",
          "(code ");

  private static String messageOf(String json) {
    try {
      CourseJson.readAll(json, "c.json");
    } catch (CourseException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  private static final String ONE =
      "{ \"patientId\": \"A\", \"demographics\": { \"diagnosisDate\": \"2020-01-01\" }%s }";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        // integer fields refuse fractions (never truncated)
        "\"ecog\": 1.7|ecog (line 1, column|must be a whole number, got 1.7",
        "\"primaryTumour\": { \"histology\": \"PAPILLARY\", \"vascularInvasionFoci\": 2.5 }|primaryTumour.vascularInvasionFoci|must be a whole number, got 2.5",
        "\"primaryTumour\": { \"histology\": \"PAPILLARY\", \"nodes\": { \"assessed\": true, \"pathologicPositive\": 3.2 } }|primaryTumour.nodes.pathologicPositive|must be a whole number, got 3.2",
        "\"lifeExpectancyMonths\": 6.5|lifeExpectancyMonths|must be a whole number, got 6.5",
        "\"ecog\": \"1\"|ecog|must be a whole number, got text '1'",
        "\"ecog\": 1e12|ecog|out of range",
        // coded values name the allowed values
        "\"death\": { \"date\": \"2021-01-01\", \"cause\": \"cancer\" }|death.cause|'cancer' is not one of THYROID_CANCER, OTHER_CAUSE, UNKNOWN",
        "\"progressionRate\": \"fast\"|progressionRate|'fast' is not one of SLOW, RAPID",
        "\"lastFollowUp\": \"2020-13-01\"|lastFollowUp|'2020-13-01' is not a date (yyyy-MM-dd)",
        "\"labs\": [ { \"date\": \"2020-02-01\", \"analyte\": \"TG\", \"value\": \"high\" } ]|labs[0].value|'value' must be a number, found text 'high'",
        "\"labs\": [ { \"date\": \"2020-02-01\", \"analyte\": \"TG\", \"value\": NaN } ]|labs[0].value|NaN and Infinity are not allowed",
        "\"surgeries\": { \"date\": \"2020-01-01\" }|surgeries|'surgeries' must be a list [ ... ], found an object",
        "\"lesions\": [ { \"lesionId\": \"L\", \"site\": \"LUNG\", \"detected\": \"2020-02-01\", \"miliary\": \"yes\" } ]|lesions[0].miliary|'miliary' must be true or false, found text 'yes'",
        "\"ecog\": 1, \"ecog\": 2|(document) (line 1|field 'ecog' is given twice in this object",
      })
  void courseJsonErrorsSpeakTheFormatsWords(String field, String path, String why) {
    String m = messageOf(String.format(ONE, ", " + field));
    assertThat(m).startsWith("c.json: " + path).contains(why);
    assertThat(FORBIDDEN).allSatisfy(w -> assertThat(m).doesNotContain(w));
  }

  @Test
  void wholeValuedDecimalsAreWholeNumbers() {
    assertThat(CourseJson.read(String.format(ONE, ", \"ecog\": 2.0"), "x").ecog()).isEqualTo(2);
  }

  @Test
  void anAbsentCountIsZeroAndAnAbsentOptionalCountIsUnknown() {
    // nodes without pathologicPositive / examined, as the web form writes them when left empty
    PatientCourse c =
        CourseJson.read(
            String.format(
                ONE,
                ", \"primaryTumour\": { \"histology\": \"PAPILLARY\","
                    + " \"nodes\": { \"assessed\": false } }"),
            "x");
    assertThat(c.primaryTumour().nodes().pathologicPositive()).isZero();
    assertThat(c.primaryTumour().nodes().examined()).isNull();
    assertThat(c.primaryTumour().vascularInvasionFoci()).isNull();
  }

  @Test
  void oneCourseOrAnArrayOfCoursesAndNothingAfter() {
    String a = String.format(ONE, "");
    String b = a.replace("\"A\"", "\"B\"");
    assertThat(CourseJson.readAll("[" + a + ", " + b + "]", "x"))
        .extracting(PatientCourse::patientId)
        .containsExactly("A", "B");
    assertThat(CourseJson.read("[" + a + "]", "x").patientId()).isEqualTo("A");
    // concatenated courses: refused, not half read
    String concatenated = messageOf(a + "\n" + b);
    assertThat(concatenated)
        .startsWith("c.json: (document) (line 2, column")
        .contains("only one course per file")
        .contains("JSON array");
    assertThat(FORBIDDEN).allSatisfy(w -> assertThat(concatenated).doesNotContain(w));
    assertThat(messageOf("[" + a + "] " + a)).contains("only one course per file");
    // an error inside the second course names its index
    assertThat(messageOf("[" + a + ", " + b.replace("2020-01-01", "2020-01-41") + "]"))
        .startsWith("c.json: [1].demographics.diagnosisDate");
    assertThatThrownBy(() -> CourseJson.read("[" + a + ", " + b + "]", "two.json"))
        .hasMessage(
            "two.json: (document): holds an array of 2 courses; one course is expected here (one"
                + " JSON object, or an array of exactly one)");
    assertThat(messageOf("")).contains("the file is empty");
    assertThat(messageOf("42")).contains("expected a course (a JSON object { ... })");
    assertThat(messageOf("[" + a + ", null]")).startsWith("c.json: [1]").contains("null");
  }

  @Test
  void aByteOrderMarkIsAccepted(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path f = dir.resolve("bom.json");
    java.nio.file.Files.writeString(f, "\uFEFF" + Examples.text("seed003-rair-lung.json"));
    assertThat(CourseJson.read(f).patientId()).isEqualTo("P003-01");
  }

  @Test
  void malformedJsonIsDescribedWithoutTheParsersCodes() {
    String m = messageOf("{\"patientId\": \"X\",,}");
    assertThat(m).startsWith("c.json: (document) (line 1, column").contains("malformed JSON");
    assertThat(FORBIDDEN).allSatisfy(w -> assertThat(m).doesNotContain(w));
    String open = messageOf("{\"patientId\": \"X\"");
    assertThat(open).contains("ends too early");
  }
}
