package org.thyra.app;

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
        "log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
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
}
