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

  static Stream<Path> goldens() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(13);
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithRiskRegressionScore(Path golden) {
    JsonNode g = CliRun.readJson(golden);
    String name = g.get("name").asText();
    List<String> args = new ArrayList<>();
    for (JsonNode a : g.get("args")) {
      args.add(a.asText().replace("{data}", dir().resolve("data").toString()));
    }
    Path out = tmp.resolve(name + ".out.json");
    args.addAll(List.of("--format", "json", "--out", out.toString()));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code of %s; stderr: %s", args, run.err()).isZero();
    JsonNode actual = CliRun.readJson(out);
    assertThat(actual.get("method").isObject()).as("method").isTrue();
    assertThat(actual.get("warnings").isArray()).as("warnings").isTrue();
    int compared = GoldenJson.assertMatches(name, g.get("expected"), actual);
    // every number of the golden was compared (n, events, dropped_missing, 7 per estimable time)
    assertThat(compared).isEqualTo(numbers(g.get("expected"))).isGreaterThanOrEqualTo(3 + 7);
  }

  private static int numbers(JsonNode node) {
    if (node.isNumber()) {
      return 1;
    }
    int count = 0;
    for (JsonNode child : node) {
      count += numbers(child);
    }
    return count;
  }
}
