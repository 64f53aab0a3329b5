package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens of {@code thyra nomogram} against rms::nomogram (points, total points and
 * linear predictor axes, outcome axis ticks), survfit.coxph (survival at each total points tick and
 * for one patient) and glm (probability), written by {@code src/test/r/nomogram_cli_goldens.R} on
 * survival lung / pbc / veteran and MASS birthwt (golden/nomogram/NAME.json: {name, args,
 * expected}; NAME.csv: the CSV output).
 */
class NomogramCliGoldenTest {
  @TempDir Path tmp;

  static Path dir() {
    return CliRun.resource("/golden/nomogram");
  }

  static Stream<Path> goldens() {
    return CliGoldenCase.files("nomogram", ".json", 10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void jsonAgreesWithRms(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    JsonNode actual = c.runJson(tmp);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), actual);
    assertThat(compared).isGreaterThan(40);
    // the term with the largest range of effect spans exactly 0..100 points
    double max = 0;
    for (JsonNode a : actual.get("axes")) {
      for (JsonNode p : a.get("points")) {
        max = Math.max(max, p.asDouble());
      }
    }
    assertThat(max).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void csvAgreesWithRms(Path golden) throws IOException {
    CliGoldenCase c = CliGoldenCase.read(golden);
    String name = c.name();
    List<String> args = new ArrayList<>(c.args());
    args.addAll(List.of("--format", "csv"));
    CliRun run = CliRun.ok(args.toArray(String[]::new));
    List<String[]> actual = rows(run.out());
    List<String[]> expected = rows(Files.readString(dir().resolve(name + ".csv")));
    assertThat(actual).as("rows").hasSameSizeAs(expected);
    assertThat(actual.get(0)).containsExactly("axis", "value", "points");
    for (int i = 1; i < expected.size(); i++) {
      String[] e = expected.get(i);
      String[] a = actual.get(i);
      assertThat(a[0]).as("row %d axis", i).isEqualTo(e[0]);
      if (isNumber(e[1])) {
        assertClose(
            name + " row " + i + " value", Double.parseDouble(a[1]), Double.parseDouble(e[1]));
      } else {
        assertThat(a[1]).as("row %d value", i).isEqualTo(e[1]);
      }
      assertClose(
          name + " row " + i + " points", Double.parseDouble(a[2]), Double.parseDouble(e[2]));
    }
  }

  private static void assertClose(String what, double actual, double expected) {
    assertThat(Math.abs(actual - expected))
        .as("%s: R %s, thyra %s", what, expected, actual)
        .isLessThanOrEqualTo(GoldenJson.RELATIVE * Math.abs(expected) + GoldenJson.ABSOLUTE);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Simple CSV rows: fields may be double-quoted (no embedded quotes or commas in these files). */
  private static List<String[]> rows(String text) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text.strip().split("\\R")) {
      String[] f = line.split(",", -1);
      for (int k = 0; k < f.length; k++) {
        f[k] = f[k].replaceAll("^\"|\"$", "");
      }
      rows.add(f);
    }
    return rows;
  }
}
