package org.thyra.stats.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the R golden fixtures of this module (JSON under /golden, written by the scripts in
 * src/test/r; R's NA as null or "NA", infinities as "Inf" / "-Inf") and compares numbers at R's
 * precision: 6 significant digits (SPEC §4).
 */
public final class Golden {
  public static final double REL = 1e-6;

  /** Below this a value is zero to double precision (e.g. a survival of 1 - 1). */
  public static final double ABS = 1e-12;

  private Golden() {}

  /** Loads /golden/{resource}, the file name with its extension, e.g. {@code read("smd.json")}. */
  public static JsonNode read(String resource) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads /golden/{path}.json, e.g. {@code load("km/lung")}. */
  public static JsonNode load(String path) {
    return read(path + ".json");
  }

  /** A number; null or "NA" / "NaN" is NaN (R's NA), "Inf" / "-Inf" the infinities. */
  public static double num(JsonNode node) {
    if (node == null || node.isNull()) {
      return Double.NaN;
    }
    if (node.isTextual()) {
      String s = node.asText();
      return switch (s) {
        case "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NA", "NaN" -> Double.NaN;
        default -> throw new IllegalArgumentException("not a number in a golden: " + node);
      };
    }
    return node.asDouble();
  }

  /** The elements of the array {@code root.field} (one golden case each). */
  public static List<JsonNode> cases(JsonNode root, String field) {
    List<JsonNode> out = new ArrayList<>();
    root.get(field).forEach(out::add);
    return out;
  }

  /** Numbers of an array, or a single number as an array of one; R's NA as NaN (see num). */
  public static double[] doubles(JsonNode node) {
    if (node.isNumber() || node.isNull() || node.isTextual()) {
      return new double[] {num(node)};
    }
    double[] d = new double[node.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = num(node.get(i));
    }
    return d;
  }

  /** Integers; a null element (R's NA) reads as -1, a null node as null. */
  public static int[] ints(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return new int[] {node.asInt()};
    }
    int[] d = new int[node.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = node.get(i).isNull() ? -1 : node.get(i).asInt();
    }
    return d;
  }

  /** A table of counts, row by row (e.g. a contingency table). */
  public static long[][] counts(JsonNode table) {
    long[][] t = new long[table.size()][];
    for (int i = 0; i < t.length; i++) {
      JsonNode row = table.get(i);
      t[i] = new long[row.size()];
      for (int j = 0; j < t[i].length; j++) {
        t[i][j] = row.get(j).asLong();
      }
    }
    return t;
  }

  public static double[][] columns(JsonNode node) {
    double[][] c = new double[node.size()][];
    for (int j = 0; j < c.length; j++) {
      c[j] = doubles(node.get(j));
    }
    return c;
  }

  public static List<String> strings(JsonNode node) {
    List<String> s = new ArrayList<>();
    if (node.isTextual()) {
      s.add(node.asText());
      return s;
    }
    node.forEach(n -> s.add(n.asText()));
    return s;
  }

  /**
   * Asserts agreement to {@link #REL} relative (or {@link #ABS} absolute near 0); NaN matches NA.
   */
  public static void close(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what + " (R: NA)").isNaN();
      return;
    }
    if (Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    double tol = Math.max(REL * Math.abs(expected), ABS);
    assertThat(actual)
        .as(what + " vs R " + expected)
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
  }

  /** As {@link #close(String, double, double)} with R's value as it stands in the golden. */
  public static void close(String what, double actual, JsonNode expected) {
    close(what, actual, num(expected));
  }

  public static void close(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what + " length").hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      close(what + "[" + i + "]", actual[i], expected[i]);
    }
  }

  /** p-values: relative agreement at and above 1e-10 (SPEC §4), both tiny below. */
  public static void closeP(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    } else if (expected < 1e-10) {
      assertThat(actual).as(what).isLessThan(1e-9);
    } else {
      assertThat(Math.abs(actual - expected) / expected)
          .as(what + " relative")
          .isLessThanOrEqualTo(REL);
    }
  }
}
