package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One end-to-end golden of a command: golden/FOLDER/NAME.json, written by an R script under
 * src/test/r, holding {@code {name, args, expected}}; {@code {data}} in the arguments stands for
 * the folder's {@code data/} directory.
 *
 * @param name the case's name
 * @param args the command line as a user types it, {@code {data}} resolved
 * @param expected R's answers, compared by {@link GoldenJson}
 * @param fixture the whole fixture (for fields beyond these)
 */
record CliGoldenCase(String name, List<String> args, JsonNode expected, JsonNode fixture) {

  CliGoldenCase {
    args = List.copyOf(args);
  }

  /**
   * The fixtures of golden/FOLDER ending in {@code suffix}, sorted; at least {@code atLeast} of
   * them.
   */
  static Stream<Path> files(String folder, String suffix, int atLeast) {
    try (Stream<Path> files = Files.list(CliRun.resource("/golden/" + folder))) {
      List<Path> list = files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
      assertThat(list).as("goldens in " + folder).hasSizeGreaterThanOrEqualTo(atLeast);
      return list.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CliGoldenCase read(Path file) {
    JsonNode g = CliRun.readJson(file);
    String data = file.getParent().resolve("data").toString();
    List<String> args = new ArrayList<>();
    for (JsonNode a : g.get("args")) {
      args.add(a.asText().replace("{data}", data));
    }
    return new CliGoldenCase(g.get("name").asText(), args, g.get("expected"), g);
  }

  /** Runs the case with JSON output to a file in {@code tmp}; see {@link #runJson(Path, List)}. */
  JsonNode runJson(Path tmp) {
    return runJson(tmp, args);
  }

  /**
   * Runs these arguments with {@code --format json --out}, asserts exit 0 and the shape every
   * result has (a {@code method} object and a {@code warnings} array), and returns the output.
   */
  JsonNode runJson(Path tmp, List<String> commandLine) {
    Path out = tmp.resolve(name + ".out.json");
    List<String> all = new ArrayList<>(commandLine);
    all.addAll(List.of("--format", "json", "--out", out.toString()));
    CliRun run = CliRun.run(all.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code of %s; stderr: %s", all, run.err()).isZero();
    JsonNode actual = CliRun.readJson(out);
    assertThat(actual.get("method").isObject()).as("method").isTrue();
    assertThat(actual.get("warnings").isArray()).as("warnings").isTrue();
    return actual;
  }
}
