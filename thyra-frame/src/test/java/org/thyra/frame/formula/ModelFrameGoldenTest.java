package org.thyra.frame.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;

/**
 * Compares model frames with R (src/test/r/model_frame.R) on R's lung, veteran, colon, MASS birthwt
 * and pROC aSAH data: R reads the same files and reports the rows it keeps, model.matrix, Surv(),
 * strata() and glm's 0/1 response.
 */
class ModelFrameGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode golden;

  static synchronized JsonNode golden() throws IOException {
    if (golden == null) {
      try (InputStream in =
          ModelFrameGoldenTest.class.getResourceAsStream("/golden/model_frame.json")) {
        golden = JSON.readTree(in);
      }
    }
    return golden;
  }

  static List<String> cases() throws IOException {
    List<String> names = new ArrayList<>();
    golden().get("cases").forEach(c -> names.add(c.get("name").asText()));
    return names;
  }

  private static JsonNode caseNamed(String name) throws IOException {
    for (JsonNode c : golden().get("cases")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Path resource(String file) throws URISyntaxException {
    return Path.of(ModelFrameGoldenTest.class.getResource("/golden/" + file).toURI());
  }

  private static double[] doubles(JsonNode array) {
    double[] a = new double[array.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = array.get(i).asDouble();
    }
    return a;
  }

  private static int[] ints(JsonNode array) {
    int[] a = new int[array.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = array.get(i).asInt();
    }
    return a;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static void assertClose(double[] actual, double[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double tol = Math.max(1e-12, 1e-6 * Math.abs(expected[i]));
      assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(tol));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithR(String name) throws Exception {
    JsonNode c = caseNamed(name);
    Formula formula = Formula.parse(c.get("formula").asText());
    DataTable table = TableReader.read(resource(c.get("file").asText()), formula.variables());
    Map<String, String> refs = new LinkedHashMap<>();
    c.get("refs").properties().forEach(e -> refs.put(e.getKey(), e.getValue().asText()));
    ModelFrame frame = ModelFrame.build(table, formula, refs);

    assertThat(frame.n()).isEqualTo(c.get("n").asInt());
    assertThat(frame.droppedMissing()).isEqualTo(c.get("dropped").asInt());
    assertThat(frame.rows()).containsExactly(ints(c.get("rows")));
    DesignMatrix design = frame.design();
    assertThat(design.columnNames()).containsExactlyElementsOf(strings(c.get("columns")));
    for (int j = 0; j < design.columnCount(); j++) {
      assertClose(design.column(j), doubles(c.get("design").get(j)));
    }
    for (Variable v : frame.variables()) {
      if (v.categorical()) {
        assertThat(v.levels())
            .as(v.name())
            .containsExactlyElementsOf(strings(c.get("levels").get(v.name())));
        assertThat(v.codes()).as(v.name()).containsExactly(ints(c.get("codes").get(v.name())));
      } else {
        assertThat(c.get("levels").has(v.name())).isFalse();
      }
    }
    if (c.has("time")) {
      assertClose(frame.time(), doubles(c.get("time")));
      assertThat(frame.status()).containsExactly(ints(c.get("status")));
    } else {
      assertThat(frame.binaryResponse()).containsExactly(ints(c.get("binary")));
    }
    if (c.has("strata")) {
      assertThat(frame.strataLabels()).containsExactlyElementsOf(strings(c.get("strata_labels")));
      assertThat(frame.strata()).containsExactly(ints(c.get("strata")));
    } else {
      assertThat(frame.strata()).isNull();
    }
  }

  @Test
  void everyCaseIsChecked() throws IOException {
    assertThat(cases())
        .containsExactly(
            "lung", "lung_ref", "lung_km", "veteran", "veteran_ref", "colon", "birthwt", "aSAH");
  }
}
