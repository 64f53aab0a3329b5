package org.thyra.frame.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.frame.golden.Golden.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.frame.golden.Golden;

/**
 * Splines and interactions against rms (src/test/r/formula_terms.R): the knots {@code rms::rcs}
 * places for 3 to 7 knots (and the default 5, and given knots) on lung, pbc, veteran and colon, the
 * design columns with rms's names, and the design matrix of the complete rows.
 */
class SplineInteractionGoldenTest {
  private static final String FIXTURE = "formula/terms.json";

  static List<String> cases() {
    return Golden.caseNames(FIXTURE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithRms(String name) throws Exception {
    JsonNode c = Golden.caseNamed(FIXTURE, name);
    Formula formula = Formula.parse(c.get("formula").asText());
    DataTable table = TableReader.read(Golden.path(c.get("file").asText()), formula.variables());
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
        close(v.name() + " knots", knots, c.get("knots").get(v.name()));
      }
    }
    assertThat(splines > 0 || formula.toString().contains(":")).as("case tests something").isTrue();
    for (int j = 0; j < frame.design().columnCount(); j++) {
      close(columns.get(j), frame.design().column(j), c.get("design").get(j));
    }
  }

  @Test
  void everyKnotCountFrom3To7IsChecked() {
    assertThat(cases())
        .contains(
            "lung_rcs3_age", "lung_rcs4_age", "lung_rcs5_age", "lung_rcs6_age", "lung_rcs7_age");
  }
}
