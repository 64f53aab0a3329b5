package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens of {@code thyra rmst}, {@code cuminc} and {@code crr} on survival lung,
 * veteran, pbc, mgus2 and MASS Melanoma against survfit(rmean =) with survRM2::rmst2's formulas,
 * cmprsk::cuminc / timepoints and cmprsk::crr (src/test/r/competing_cli_goldens.R).
 */
class CompetingCliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() {
    return CliGoldenCase.files("competing", ".json", 12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), c.runJson(tmp));
    assertThat(compared).isEqualTo(GoldenJson.numbers(c.expected())).isGreaterThanOrEqualTo(8);
  }
}
