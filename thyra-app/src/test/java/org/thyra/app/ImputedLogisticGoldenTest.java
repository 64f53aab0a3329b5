package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.app.cohort.ImputedAnalysis;
import org.thyra.app.cohort.ImputedLogistic;
import org.thyra.frame.formula.Formula;

/**
 * Logistic regression on mice's completed data sets (long format, {@code .imp}), pooled as
 * {@code mice::pool(with(imp, glm(..., family = binomial)))}: the path {@code logistic --imputed}
 * takes (goldens from {@code src/test/r/cohort_cli_goldens.R}, golden/cohort/logistic_imputed_*.json).
 */
class ImputedLogisticGoldenTest {
  static Stream<Path> goldens() throws IOException {
    try (Stream<Path> files = Files.list(CliRun.resource("/golden/cohort"))) {
      List<Path> list = files.filter(p -> p.getFileName().toString().startsWith("logistic_imputed_")).sorted().toList();
      assertThat(list).hasSize(3);
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void poolsAsMice(Path golden) {
    JsonNode g = CliRun.readJson(golden);
    InputOptions input = new InputOptions();
    input.data = golden.resolveSibling(g.get("file").asText());
    Formula formula = Formula.parse(g.get("formula").asText());
    ImputedAnalysis.Completed data = ImputedAnalysis.stacked(input, formula, g.get("imputed").asText());
    ImputedAnalysis.Pooled pooled = ImputedLogistic.pool(input, formula, data, 0.95);
    JsonNode actual = CliRun.MAPPER.valueToTree(ImputedLogistic.json(input, formula, pooled, 0.95));
    assertThat(actual.get("warnings").toString()).contains(".imp = 0");
    int compared = GoldenJson.assertMatches(g.get("name").asText(), g.get("expected"), actual);
    assertThat(compared).isGreaterThan(40);
  }
}
