package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard of the layer restructuring (issue 10, item 4): every example command of README.md and
 * docs/CLI.md, made concrete in {@code snapshot/commands.txt}, run in text, JSON and CSV and
 * compared byte for byte with the output captured in {@code snapshot/out/} before the analysis
 * layer left thyra-app. R's goldens stay the reference for correctness; this test only says that a
 * move changed nothing. An intended change is regenerated with {@code -Dthyra.snapshot.update=true}
 * (see commands.txt) and listed under "Changes" in docs/CLI.md.
 */
class CliSnapshotTest {
  private static final boolean UPDATE = Boolean.getBoolean("thyra.snapshot.update");
  private static final List<String> FORMATS = List.of("text", "json", "csv");
  private static Path tmp;

  @BeforeAll
  static void createTmp() throws IOException {
    tmp = Files.createTempDirectory("thyra-snapshot");
  }

  @AfterAll
  static void deleteTmp() throws IOException {
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Test resources as source files: the repository's examples and this module's snapshot folder.
   */
  private static Path moduleDir() {
    return Path.of("").toAbsolutePath();
  }

  private static Path examples() {
    return moduleDir().getParent().resolve("examples");
  }

  private static Path snapshotDir() {
    return moduleDir().resolve("src/test/resources/snapshot");
  }

  static Stream<Arguments> commands() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String line : Files.readAllLines(snapshotDir().resolve("commands.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      List<String> args = tokens(line.substring(colon + 1));
      for (String format : FORMATS) {
        cases.add(Arguments.of(name, format, args));
      }
    }
    assertThat(cases).hasSizeGreaterThan(150);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("commands")
  void outputIsUnchanged(String name, String format, List<String> args) throws IOException {
    List<String> all = new ArrayList<>();
    for (String a : args) {
      all.add(
          a.replace("{ex}", examples().toString())
              .replace("{snap}", snapshotDir().toString())
              .replace("{tmp}", tmp.toString()));
    }
    all.addAll(List.of("--format", format));
    CliRun run = CliRun.run(all.toArray(String[]::new));
    String capture =
        "exit: "
            + run.exitCode()
            + "\n--- stderr\n"
            + neutral(run.err())
            + "\n--- stdout\n"
            + neutral(run.out());
    Path file = snapshotDir().resolve("out").resolve(name + "." + format);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, capture, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("captured output (run with -Dthyra.snapshot.update=true)").exists();
    assertThat(capture).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Machine-specific paths replaced by their placeholders. */
  private static String neutral(String s) {
    return s.replace(tmp.toString(), "{tmp}")
        .replace(snapshotDir().toString(), "{snap}")
        .replace(examples().toString(), "{ex}");
  }

  /** Splits on blanks; double quotes group (as the shell does for these examples). */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(cur.toString());
    }
    return out;
  }
}
