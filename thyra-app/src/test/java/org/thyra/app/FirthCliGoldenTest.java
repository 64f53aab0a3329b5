package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens of {@code thyra logistic --firth} on brglm2 endometrial, MASS birthwt and
 * survival lung against brglm2 AS_mean fits (src/test/r/firth_cli_goldens.R).
 */
class FirthCliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() {
    return CliGoldenCase.files("firth", ".json", 3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), c.runJson(tmp));
    assertThat(compared).isEqualTo(GoldenJson.numbers(c.expected())).isGreaterThanOrEqualTo(8);
  }
}
