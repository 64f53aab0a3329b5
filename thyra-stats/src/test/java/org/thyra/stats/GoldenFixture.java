package org.thyra.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON fixtures written by the R golden scripts and compares numbers as the standard
 * says.
 */
public final class GoldenFixture {
  /** Relative tolerance for agreement with R (6 significant digits). */
  public static final double RELATIVE = 1e-6;

  /** Absolute tolerance for values near zero. */
  public static final double ABSOLUTE = 1e-10;

  private GoldenFixture() {}

  public static JsonNode load(String resource) {
    try (InputStream in = GoldenFixture.class.getResourceAsStream("/golden/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing golden fixture " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<JsonNode> cases(JsonNode root, String field) {
    List<JsonNode> out = new ArrayList<>();
    root.get(field).forEach(out::add);
    return out;
  }

  /** Numbers, with JSON null (R's NA) as NaN. */
  public static double[] doubles(JsonNode array) {
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode n = array.get(i);
      v[i] = n == null || n.isNull() ? Double.NaN : n.asDouble();
    }
    return v;
  }

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

  /** Asserts agreement with R to the standard's tolerance. */
  public static void assertClose(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
      return;
    }
    if (Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    double tol = Math.max(ABSOLUTE, RELATIVE * Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: actual %s, R %s", what, actual, expected)
        .isLessThanOrEqualTo(tol);
  }

  public static void assertClose(String what, double actual, JsonNode expected) {
    assertClose(
        what, actual, expected == null || expected.isNull() ? Double.NaN : expected.asDouble());
  }
}
