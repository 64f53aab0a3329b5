package org.thyra.frame.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the R golden fixtures of this module (JSON under /golden, written by the scripts in
 * src/test/r, with the data files they read beside them) and compares numbers at R's precision: 6
 * significant digits (SPEC §4). The one golden reader of thyra-frame's tests.
 */
public final class Golden {
  public static final double REL = 1e-6;

  /** Below this a value is zero to double precision. */
  public static final double ABS = 1e-12;

  private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

  private Golden() {}

  /** Loads /golden/{resource} once (e.g. {@code read("model_frame.json")}). */
  public static JsonNode read(String resource) {
    return CACHE.computeIfAbsent(resource, Golden::parse);
  }

  private static JsonNode parse(String resource) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the cases in {@code resource}'s "cases" array, for a parameterized test. */
  public static List<String> caseNames(String resource) {
    List<String> names = new ArrayList<>();
    read(resource).get("cases").forEach(c -> names.add(c.get("name").asText()));
    return names;
  }

  /** The case called {@code name} in {@code resource}'s "cases" array. */
  public static JsonNode caseNamed(String resource, String name) {
    for (JsonNode c : read(resource).get("cases")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no case " + name + " in " + resource);
  }

  /** A data file beside the fixtures (the file R read), e.g. {@code path("lung.csv")}. */
  public static Path path(String file) {
    try {
      return Path.of(Golden.class.getResource("/golden/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static double[] doubles(JsonNode array) {
    double[] a = new double[array.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = array.get(i).asDouble();
    }
    return a;
  }

  public static int[] ints(JsonNode array) {
    int[] a = new int[array.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = array.get(i).asInt();
    }
    return a;
  }

  public static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** Asserts agreement to {@link #REL} relative (or {@link #ABS} absolute near 0), element-wise. */
  public static void close(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double tol = Math.max(ABS, REL * Math.abs(expected[i]));
      assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(tol));
    }
  }

  /** As {@link #close(String, double[], double[])} with R's values as they stand in the golden. */
  public static void close(String what, double[] actual, JsonNode expected) {
    close(what, actual, doubles(expected));
  }
}
