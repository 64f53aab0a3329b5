package org.thyra.stats.survival;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which survival goldens exist (under /golden/{km,cox}); {@link Golden} reads and compares them.
 */
final class SurvivalFixtures {

  /** The data sets of km_logrank_goldens.R (golden/km/NAME.json). */
  static final List<String> KM_DATASETS =
      List.of("lung", "veteran", "pbc", "colon_death", "flchain", "ovarian");

  private SurvivalFixtures() {}

  /** Fixture names (without .json) in /golden/{folder}. */
  static List<String> names(String folder, String prefixFilter, boolean concordance) {
    try {
      final URL dir = SurvivalFixtures.class.getResource("/golden/" + folder);
      try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
        return files
            .map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".json"))
            .filter(f -> f.startsWith("concordance_") == concordance)
            .filter(f -> f.startsWith(prefixFilter))
            .map(f -> f.substring(0, f.length() - 5))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
