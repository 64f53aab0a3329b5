package org.thyra.studies.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reader of the R-made fixtures thyra-studies' tests compare with: its own (resources
 * golden/, e.g. the cmprsk and survRM2 goldens of {@code thyra cuminc / crr / rmst}) and, by path,
 * a sibling module's (thyra-stats' Firth Cox golden).
 */
public final class Golden {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** The fixture {@code golden/NAME} on the test class path, parsed. */
  public static JsonNode read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the data file {@code golden/NAME} to {@code target}. */
  public static Path copy(String name, Path target) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture of another module, by its path from this module's folder, parsed. */
  public static JsonNode readFile(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
