package org.thyra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.registry.imports.CourseImport;
import org.thyra.registry.quality.QualityFinding;

/**
 * The public UCI "Differentiated Thyroid Cancer Recurrence" data (383 patients, CC BY 4.0; see
 * src/test/resources/uci-thyroid/README.md) imported through its flat mapping, then {@code check}:
 * exactly the 12 recorded stages that the AJCC 8th edition table contradicts are reported.
 *
 * <p>The expected rows were read off the CSV by hand with the manual's table (age &lt; 55: M0 → I,
 * M1 → II; age ≥ 55: T1–T2 N0 → I, T1–T2 N1 → II, T3a/T3b → II, T4a → III, T4b → IVA, M1 → IVB),
 * not with Thyra's rule: row → (recorded, stage by the table).
 */
class UciThyroidTest {

  @TempDir Path tmp;

  static Stream<TestDatabases.Kind> kinds() {
    return TestDatabases.kinds();
  }

  static final Map<String, String[]> DISAGREE =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("uci-235", new String[] {"I", "II"}), // 60 y, T2 N1b M0
              Map.entry("uci-266", new String[] {"I", "II"}), // 70 y, T3a N0 M0
              Map.entry("uci-279", new String[] {"I", "II"}), // 56 y, T3a N0 M0
              Map.entry("uci-305", new String[] {"I", "II"}), // 26 y, M1
              Map.entry("uci-330", new String[] {"I", "II"}), // 56 y, T3a N0 M0
              Map.entry("uci-350", new String[] {"III", "II"}), // 68 y, T3b N1b M0
              Map.entry("uci-352", new String[] {"I", "II"}), // 59 y, T3b N0 M0
              Map.entry("uci-357", new String[] {"II", "I"}), // 54 y, T4a N1b M0
              Map.entry("uci-368", new String[] {"II", "III"}), // 80 y, T4a N0 M0
              Map.entry("uci-369", new String[] {"II", "III"}), // 56 y, T4a N1b M0
              Map.entry("uci-373", new String[] {"IVA", "III"}), // 67 y, T4a N0 M0
              Map.entry("uci-376", new String[] {"IVB", "IVA"}) // 59 y, T4b N1b M0
              ));

  Path copy(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/uci-thyroid/" + name)) {
      Path p = tmp.resolve(name);
      Files.copy(in, p);
      return p;
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void checkFindsExactlyTheTwelveRecordedStagesTheAjcc8TableContradicts(TestDatabases.Kind kind)
      throws IOException {
    Path csv = copy("Thyroid_Diff.csv");
    copy("Thyroid_Diff.mapping.json");
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report rep =
          CourseImport.run(
              r, List.of(csv), new CourseImport.Options(null, false, "t", null, null, null));
      assertThat(rep.problems()).isEmpty();
      assertThat(rep.added()).isEqualTo(383);
      assertThat(RegistryTest.count(r, "lesion")).isEqualTo(18); // the rows with M1
      assertThat(RegistryTest.count(r, "recorded_value")).isEqualTo(383);

      List<QualityFinding> stage =
          new RegistryService(r)
              .check(null).stream().filter(f -> f.rule().equals("recorded-vs-derived")).toList();
      Map<String, QualityFinding> byPatient =
          stage.stream().collect(Collectors.toMap(QualityFinding::patientId, f -> f));
      assertThat(byPatient.keySet()).containsExactlyInAnyOrderElementsOf(DISAGREE.keySet());
      DISAGREE.forEach(
          (id, v) ->
              assertThat(byPatient.get(id).reason())
                  .startsWith(
                      "recorded ajcc8-stage '" + v[0] + "' but the rule derives '" + v[1] + "'"));

      // importing the same file again changes nothing
      CourseImport.Report again =
          CourseImport.run(
              r, List.of(csv), new CourseImport.Options(null, false, "t", null, null, null));
      assertThat(again.changes()).isEmpty();
      assertThat(again.problems()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aCodedValueTheMappingDoesNotListIsAProblemNamingRowAndColumn(TestDatabases.Kind kind)
      throws IOException {
    Path csv = copy("Thyroid_Diff.csv");
    copy("Thyroid_Diff.mapping.json");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    lines.set(3, lines.get(3).replace(",T1a,", ",T5,"));
    Files.write(csv, lines, StandardCharsets.UTF_8);
    try (TestDatabases.Fresh db = TestDatabases.fresh(kind);
        Registry r = db.openInitialised()) {
      CourseImport.Report rep =
          CourseImport.run(
              r, List.of(csv), new CourseImport.Options(null, false, "t", null, null, null));
      assertThat(rep.written()).isFalse();
      assertThat(rep.problems())
          .anySatisfy(
              p -> {
                assertThat(p.where()).contains("row 3");
                assertThat(p.column()).isEqualTo("T");
                assertThat(p.why()).contains("'T5'");
              });
      assertThat(RegistryTest.count(r, "patient")).isZero();
    }
  }
}
