package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens for splines ({@code rcs(x, k)}) and interactions ({@code a:b}, {@code a*b}) in
 * {@code thyra cox}, {@code logistic} and {@code screen} on survival's lung, veteran, pbc and
 * colon, against survival::coxph / glm with rms::rcs and rms's column names, written by {@code
 * src/test/r/formula_cli_goldens.R} (golden/formula/NAME.json: {name, args, expected}).
 */
class FormulaCliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() {
    return CliGoldenCase.files("formula", ".json", 16);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), c.runJson(tmp));
    assertThat(compared).isPositive();
  }
}
