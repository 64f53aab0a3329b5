package org.thyra.web.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one reader of thyra-web's R-made fixtures (src/test/resources/golden: the nomogram goldens of
 * {@code thyra-app/src/test/r/nomogram_cli_goldens.R}).
 */
public final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** The fixture file at {@code name} below the golden folder (e.g. {@code nomogram/x.json}). */
  public static Path path(String name) {
    return DIR.resolve(name);
  }

  /** The fixture at {@code name}, parsed. */
  public static JsonNode read(String name) {
    return read(path(name));
  }

  /** A fixture file (one of {@link #path}'s), parsed. */
  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
