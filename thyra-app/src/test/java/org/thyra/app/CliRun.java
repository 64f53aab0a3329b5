package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the {@code thyra} command line inside the test JVM, as a user would type it: exit
 * code, standard output (System.out, where results go without {@code --out}) and standard error
 * (picocli's error writer, where messages go).
 */
record CliRun(int exitCode, String out, String err) {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // As ThyraCli.main: POI's Log4j uses its simple logger instead of warning about no provider.
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
  }

  static CliRun run(String... args) {
    CommandLine cli = ThyraCli.commandLineFor(args);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int code;
    synchronized (CliRun.class) {
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        code = cli.execute(args);
      } finally {
        System.setOut(saved);
      }
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  JsonNode json() {
    try {
      return MAPPER.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
    }
  }

  /** A folder of test resources on disk. */
  static Path resource(String name) {
    try {
      return Path.of(CliRun.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path dataDir() {
    return resource("/golden/cli/data");
  }

  static JsonNode readJson(Path file) {
    try {
      return MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs and asserts success (exit 0), naming standard error when it fails. */
  static CliRun ok(String... args) {
    CliRun run = run(args);
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    return run;
  }

  /** Runs and asserts bad input: exit 2, nothing on standard output, one line on standard error. */
  static CliRun badInput(String... args) {
    CliRun run = run(args);
    assertThat(run.exitCode()).as("exit code; stdout: %s", run.out()).isEqualTo(2);
    assertThat(run.out()).as("nothing on standard output").isEmpty();
    assertThat(run.err().strip().lines().count()).as("one line: %s", run.err()).isEqualTo(1);
    return run;
  }

  /** The {@code warnings} list of a JSON result. */
  static List<String> warnings(JsonNode json) {
    List<String> w = new ArrayList<>();
    json.get("warnings").forEach(n -> w.add(n.asText()));
    return w;
  }
}
