package org.thyra.frame.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.frame.golden.Golden.close;
import static org.thyra.frame.golden.Golden.ints;
import static org.thyra.frame.golden.Golden.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.frame.golden.Golden;

/**
 * Compares model frames with R (src/test/r/model_frame.R) on R's lung, veteran, colon, MASS birthwt
 * and pROC aSAH data: R reads the same files and reports the rows it keeps, model.matrix, Surv(),
 * strata() and glm's 0/1 response.
 */
class ModelFrameGoldenTest {
  private static final String FIXTURE = "model_frame.json";

  static List<String> cases() {
    return Golden.caseNames(FIXTURE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithR(String name) throws Exception {
    JsonNode c = Golden.caseNamed(FIXTURE, name);
    Formula formula = Formula.parse(c.get("formula").asText());
    DataTable table = TableReader.read(Golden.path(c.get("file").asText()), formula.variables());
    Map<String, String> refs = new LinkedHashMap<>();
    c.get("refs").properties().forEach(e -> refs.put(e.getKey(), e.getValue().asText()));
    ModelFrame frame = ModelFrame.build(table, formula, refs);

    assertThat(frame.n()).isEqualTo(c.get("n").asInt());
    assertThat(frame.droppedMissing()).isEqualTo(c.get("dropped").asInt());
    assertThat(frame.rows()).containsExactly(ints(c.get("rows")));
    DesignMatrix design = frame.design();
    assertThat(design.columnNames()).containsExactlyElementsOf(strings(c.get("columns")));
    for (int j = 0; j < design.columnCount(); j++) {
      close(design.columnNames().get(j), design.column(j), c.get("design").get(j));
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
      close("time", frame.time(), c.get("time"));
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
  void everyCaseIsChecked() {
    assertThat(cases())
        .containsExactly(
            "lung", "lung_ref", "lung_km", "veteran", "veteran_ref", "colon", "birthwt", "aSAH");
  }
}
