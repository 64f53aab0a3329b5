package org.thyra.web.nomogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models the calculator offers: the bundled study's nomogram, and every {@code *.json} file
 * written by {@code thyra nomogram --format json} in the server's model folder ({@code thyra serve
 * --models DIR}; default {@code nomograms/} in a registry directory). Read once at start-up: a file
 * that is not a usable model stops the server with the file and JSON path named, rather than
 * showing a wrong prediction later.
 */
public final class NomogramModels {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Map<String, NomogramModel> models;

  private NomogramModels(Map<String, NomogramModel> models) {
    this.models = models;
  }

  /**
   * The bundled models only. Seed 004's OS nomogram (Fig. 3A): the bundled {@code nomogram} study's
   * formula fitted by {@code thyra nomogram} on the training set of its synthetic cohort ({@code
   * thyra synth --design nomogram --seed 2024}; made by {@code
   * thyra-web/src/test/models/make-bundled-model.sh}).
   */
  public static NomogramModels bundled() {
    return load(null);
  }

  /** The bundled models and those in {@code dir} (when not null and existing). */
  public static NomogramModels load(Path dir) {
    Map<String, NomogramModel> m = new LinkedHashMap<>();
    try (InputStream in =
        NomogramModels.class.getResourceAsStream("/org/thyra/web/models/seed004-os.json")) {
      m.put(
          "seed004-os",
          NomogramModel.read(
              in,
              "seed004-os.json",
              "seed004-os",
              "Overall survival after 131I for distant metastases (seed 004, Fig. 3A)",
              "bundled study 'nomogram' (seed 004): Cox model of its training set, synthetic cohort"
                  + " (thyra synth --design nomogram --seed 2024) — a demonstration, not a"
                  + " validated clinical model",
              "months"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (dir != null && Files.isDirectory(dir)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Path f : files) {
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        if (!ID.matcher(id).matches() || m.containsKey(id)) {
          throw new IllegalArgumentException(
              f
                  + ": name the model file with letters, digits, '.', '-' or '_' (and not "
                  + String.join(", ", m.keySet())
                  + ")");
        }
        try (InputStream in = Files.newInputStream(f)) {
          m.put(
              id,
              NomogramModel.read(
                  in, f.toString(), id, id, "model file " + f.toAbsolutePath(), null));
        } catch (IOException e) {
          throw new UncheckedIOException(f + ": " + e.getMessage(), e);
        }
      }
    }
    return new NomogramModels(m);
  }

  public List<NomogramModel> all() {
    return List.copyOf(models.values());
  }

  public Optional<NomogramModel> find(String id) {
    return Optional.ofNullable(models.get(id));
  }
}
