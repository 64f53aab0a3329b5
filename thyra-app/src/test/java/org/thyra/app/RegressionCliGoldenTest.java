package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens: {@code thyra logistic / screen / roc / concordance / cutpoint} run as a user
 * types them, on MASS birthwt, pROC aSAH and survival veteran / pbc / lung, against R's glm,
 * MASS::confint, MASS::stepAIC (glm and coxph), pROC, survival::concordance and maxstat.test
 * answers written by {@code src/test/r/regression_cli_goldens.R} (golden/regcli/NAME.json: {name,
 * args, expected}).
 */
class RegressionCliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() {
    return CliGoldenCase.files("regcli", ".json", 30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), c.runJson(tmp));
    assertThat(compared).isPositive();
  }
}
