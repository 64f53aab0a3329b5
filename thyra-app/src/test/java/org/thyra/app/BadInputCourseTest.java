package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, courses through the command line: a fraction in an integer field, two concatenated
 * courses, a field given twice and a wrong code are exit 2 with one line naming the file and the
 * field's JSON path in the course format's words, and no file changes; a byte-order mark is read.
 */
class BadInputCourseTest {
  @TempDir Path tmp;

  private static final String[] JAVA_WORDS = {
    "Cannot deserialize", "java.", "Enum class", "JsonReadFeature", "Exception", "MismatchedInput"
  };

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "\"ecog\": 1|\"ecog\": 1.7|ecog|must be a whole number, got 1.7",
        "\"vascularInvasionFoci\": 2|\"vascularInvasionFoci\": 2.5|"
            + "primaryTumour.vascularInvasionFoci|must be a whole number, got 2.5",
        "\"pathologicPositive\": 3|\"pathologicPositive\": 3.2|"
            + "primaryTumour.nodes.pathologicPositive|must be a whole number, got 3.2",
        "\"ecog\": 1|\"ecog\": 1, \"ecog\": 2|(document)|field 'ecog' is given twice",
        "\"ecog\": 1|\"ecog\": \"one\"|ecog|must be a whole number, got text 'one'",
      })
  void aBadCourseIsOneLineInTheFormatsWordsAndNothingIsWritten(
      String original, String replacement, String path, String why) throws IOException {
    String good = Files.readString(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
    assertThat(good).contains(original);
    Path course =
        Files.writeString(tmp.resolve("course.json"), good.replace(original, replacement));
    Path out = Files.writeString(tmp.resolve("result.json"), "an earlier result");
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    CliRun run =
        CliRun.badInput(
            "classify",
            "--patient",
            course.toString(),
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(run.err()).contains("course.json: " + path).contains(why);
    for (String w : JAVA_WORDS) {
      assertThat(run.err()).doesNotContain(w);
    }
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"concatenated", "bom"})
  void twoCoursesInOneFileAreRefusedAndAByteOrderMarkIsRead(String variant) throws IOException {
    String good = Files.readString(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
    Path course =
        Files.writeString(
            tmp.resolve("course.json"),
            variant.equals("bom") ? "\uFEFF" + good : good + "\n" + good);
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    if (variant.equals("bom")) {
      CliRun ok = CliRun.ok("classify", "--patient", course.toString(), "--format", "json");
      assertThat(ok.json().isObject()).isTrue();
      return;
    }
    CliRun run = CliRun.badInput("classify", "--patient", course.toString());
    assertThat(run.err()).contains("course.json").containsIgnoringCase("one course");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }
}
