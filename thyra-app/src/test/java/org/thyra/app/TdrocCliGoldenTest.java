package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens: {@code thyra tdroc} run as a user types it, on survival pbc, lung and
 * veteran, against {@code riskRegression::Score(..., metrics = "auc", cens.model = "marginal",
 * se.fit = TRUE)} as written by {@code src/test/r/tdroc_cli_goldens.R} (golden/tdroc/NAME.json:
 * {name, args, expected}).
 */
class TdrocCliGoldenTest {
  @TempDir Path tmp;

  static Path dir() {
    return CliRun.resource("/golden/tdroc");
  }

  static Stream<Path> goldens() {
    return CliGoldenCase.files("tdroc", ".json", 13);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithRiskRegressionScore(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), c.runJson(tmp));
    // every number of the golden was compared (n, events, dropped_missing, 7 per estimable time)
    assertThat(compared).isEqualTo(GoldenJson.numbers(c.expected())).isGreaterThanOrEqualTo(3 + 7);
  }
}
