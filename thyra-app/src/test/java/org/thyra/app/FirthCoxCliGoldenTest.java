package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens of {@code thyra cox --firth} (Firth's penalised Cox model, as coxphf) on
 * survival's lung and ovarian, one of them with monotone likelihood (the ordinary estimate
 * diverges), against R's penalised-likelihood maximum (src/test/r/firth_cox_cli_goldens.R).
 */
class FirthCoxCliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() {
    return CliGoldenCase.files("firthcox", ".json", 3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    JsonNode actual = c.runJson(tmp);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), actual);
    assertThat(compared).isEqualTo(GoldenJson.numbers(c.expected())).isGreaterThanOrEqualTo(20);
    assertThat(actual.get("method").get("ties").asText()).isEqualTo("breslow");
    assertThat(actual.get("method").get("ci").asText()).isEqualTo("profile penalised likelihood");
  }

  @Test
  void theMonotoneCovariateHasAFiniteEstimateWhereTheOrdinaryFitDiverges() throws Exception {
    CliGoldenCase c =
        CliGoldenCase.read(CliRun.resource("/golden/firthcox/firth_cox_ovarian_monotone.json"));
    JsonNode ordinary =
        c.runJson(
            java.nio.file.Files.createDirectory(tmp.resolve("ordinary")),
            c.args().stream().filter(a -> !a.equals("--firth")).toList());
    JsonNode firth = c.runJson(tmp);
    assertThat(ordinary.get("terms").get(0).get("coef").asDouble()).isGreaterThan(15);
    assertThat(firth.get("terms").get(0).get("coef").asDouble()).isBetween(3.0, 6.0);
    assertThat(firth.get("terms").get(0).get("upper").isNumber()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--ties efron|Surv(time, status) ~ age|--firth is not available with --ties efron",
        "--weights age|Surv(time, status) ~ sex|--firth is not available with --weights",
        "--landmark 30|Surv(time, status) ~ age|--firth is not available with --landmark",
        "--impute 5|Surv(time, status) ~ age|--firth is not available with --impute",
        "--conf-level 0.95|Surv(time, status) ~ age + strata(inst)|does not take strata()",
        "--conf-level 0.95|Surv(time, status) ~ age + cluster(inst)|does not take cluster()",
      })
  void optionsItCannotHonourAreRefusedNotIgnored(String option, String formula, String message) {
    Path lung = CliRun.resource("/golden/firthcox/data/lung.csv");
    String[] opt = option.split(" ");
    CliRun run =
        CliRun.badInput(
            "cox", "--data", lung.toString(), "--formula", formula, "--firth", opt[0], opt[1]);
    assertThat(run.err()).contains(message).contains("lung.csv");
  }
}
