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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;

/**
 * Splines and interactions against rms (src/test/r/formula_terms.R): the knots {@code rms::rcs}
 * places for 3 to 7 knots (and the default 5, and given knots) on lung, pbc, veteran and colon, the
 * design columns with rms's names, and the design matrix of the complete rows.
 */
class SplineInteractionGoldenTest {
  private static JsonNode golden;

  static synchronized JsonNode golden() throws IOException {
    if (golden == null) {
      try (InputStream in =
          SplineInteractionGoldenTest.class.getResourceAsStream("/golden/formula/terms.json")) {
        golden = new ObjectMapper().readTree(in);
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
    return Path.of(SplineInteractionGoldenTest.class.getResource("/golden/" + file).toURI());
  }

  private static void assertClose(String what, double[] actual, JsonNode expected) {
    assertThat(actual).as(what).hasSize(expected.size());
    for (int i = 0; i < actual.length; i++) {
      double e = expected.get(i).asDouble();
      assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(e, within(1e-9 + 1e-7 * Math.abs(e)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithRms(String name) throws Exception {
    JsonNode c = caseNamed(name);
    Formula formula = Formula.parse(c.get("formula").asText());
    DataTable table = TableReader.read(resource(c.get("file").asText()), formula.variables());
    ModelFrame frame = ModelFrame.build(table, formula);

    assertThat(frame.n()).isEqualTo(c.get("n").asInt());
    List<String> columns = new ArrayList<>();
    c.get("columns").forEach(n -> columns.add(n.asText()));
    assertThat(frame.design().columnNames()).containsExactlyElementsOf(columns);
    int splines = 0;
    for (Variable v : frame.variables()) {
      if (v.kind() == TermKind.SPLINE) {
        splines++;
        double[] knots = v.knots().stream().mapToDouble(Double::doubleValue).toArray();
        assertClose(v.name() + " knots", knots, c.get("knots").get(v.name()));
      }
    }
    assertThat(splines > 0 || formula.toString().contains(":")).as("case tests something").isTrue();
    for (int j = 0; j < frame.design().columnCount(); j++) {
      assertClose(columns.get(j), frame.design().column(j), c.get("design").get(j));
    }
  }

  @Test
  void everyKnotCountFrom3To7IsChecked() throws IOException {
    assertThat(cases())
        .contains(
            "lung_rcs3_age", "lung_rcs4_age", "lung_rcs5_age", "lung_rcs6_age", "lung_rcs7_age");
  }
}
