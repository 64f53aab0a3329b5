package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens of {@code thyra validate} against rms::validate / calibrate / val.prob,
 * survival::concordance / survfit / survdiff, pROC and maxstat, written by {@code
 * src/test/r/validate_cli_goldens.R} (golden/validate/NAME.json: {name, args, expected}).
 * Deterministic values compare to 1e-6 (GoldenJson); bootstrap-corrected values (NAME.boot.json, R
 * with B = 200) compare within Monte-Carlo error: thyra is run with B = 200 too and the two
 * independent estimates may differ by at most 5 sqrt(2) times thyra's Monte-Carlo SE of the
 * optimism.
 */
class ValidateCliGoldenTest {
  @TempDir Path tmp;

  static Path dir() {
    return CliRun.resource("/golden/validate");
  }

  static Stream<Path> goldens() {
    return CliGoldenCase.files("validate", ".json", 9)
        .filter(p -> !p.toString().endsWith(".boot.json"));
  }

  static Stream<Path> bootGoldens() {
    return CliGoldenCase.files("validate", ".boot.json", 3);
  }

  /** The case as R wrote it, or with {@code --bootstrap} set to {@code bootstrap} (when >= 0). */
  private JsonNode run(CliGoldenCase c, int bootstrap) {
    List<String> args = new ArrayList<>(c.args());
    if (bootstrap >= 0) {
      args.set(args.indexOf("--bootstrap") + 1, Integer.toString(bootstrap));
    }
    return c.runJson(tmp, args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), run(c, -1));
    assertThat(compared).isGreaterThan(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bootGoldens")
  void correctedWithinMonteCarloErrorOfRms(Path boot) {
    JsonNode b = CliRun.readJson(boot);
    String name = boot.getFileName().toString().replace(".boot.json", "");
    CliGoldenCase c = CliGoldenCase.read(dir().resolve(name + ".json"));
    JsonNode actual = run(c, b.get("B").asInt());
    int compared = 0;
    for (JsonNode r : b.get("indexes")) {
      JsonNode row = null;
      for (JsonNode a : actual.get("indexes")) {
        if (a.get("index").asText().equals(r.get("index").asText())) {
          row = a;
        }
      }
      assertThat(row).as("index %s", r.get("index")).isNotNull();
      assertThat(row.get("n_replicates").asInt()).isGreaterThan(190);
      double tol = 5 * Math.sqrt(2) * row.get("optimism_se").asDouble();
      assertThat(tol).as("Monte-Carlo SE of %s", r.get("index")).isPositive().isLessThan(0.2);
      assertThat(row.get("corrected").asDouble())
          .as("%s corrected (R %s)", r.get("index"), r.get("corrected"))
          .isCloseTo(r.get("corrected").asDouble(), org.assertj.core.data.Offset.offset(tol));
      compared++;
    }
    if (b.has("calibration")) {
      for (int h = 0; h < b.get("calibration").size(); h++) {
        JsonNode rc = b.get("calibration").get(h);
        JsonNode ac = actual.get("calibration").get(h);
        assertThat(ac.get("horizon").asDouble()).isEqualTo(rc.get("horizon").asDouble());
        for (int k = 0; k < rc.get("km_corrected").size(); k++) {
          JsonNode group = ac.get("groups").get(k);
          double tol = Math.max(5 * Math.sqrt(2) * group.get("optimism_se").asDouble(), 1e-3);
          assertThat(group.get("corrected").asDouble())
              .as("horizon %s group %d KM.corrected", rc.get("horizon"), k + 1)
              .isCloseTo(
                  rc.get("km_corrected").get(k).asDouble(),
                  org.assertj.core.data.Offset.offset(tol));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(2);
  }
}
