package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.columns;
import static org.thyra.stats.golden.Golden.doubles;
import static org.thyra.stats.golden.Golden.ints;
import static org.thyra.stats.golden.Golden.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * Separation on MASS birthwt (low is bwt &lt; 2500): the fit reproduces R's glm iterations, and the
 * separation is reported with the diverging term instead of an absurd odds ratio.
 */
class SeparationGoldenTest {

  static Stream<JsonNode> fixtures() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("regression/separation.json").forEach(list::add);
    return list.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void separationIsDetectedAndReported(JsonNode f) {
    String name = f.get("name").asText();
    List<String> names = strings(f.get("names"));
    LogisticResult r =
        LogisticRegression.fit(
            doubles(f.get("y")), columns(f.get("columns")), names, ints(f.get("assign")));
    assertThat(r.separation()).as(name).isEqualTo(Separation.valueOf(f.get("kind").asText()));
    assertThat(r.iterations()).isEqualTo(f.get("iter").asInt());
    assertThat(r.converged()).isEqualTo(f.get("converged").asBoolean());
    double[] coef = doubles(f.get("coef"));
    close(name + " intercept (as R glm)", r.intercept().coef(), coef[0]);
    for (int j = 1; j < coef.length; j++) {
      close(
          name + " coef " + names.get(j - 1) + " (as R glm)", r.terms().get(j - 1).coef(), coef[j]);
    }
    String diverging = f.get("diverging").asText();
    for (LogisticTerm t : r.terms()) {
      assertThat(t.diverging()).as(t.name()).isEqualTo(t.name().equals(diverging));
      if (t.diverging()) {
        assertThat(t.oddsRatio()).isNaN();
        assertThat(t.oddsRatioLower()).isNaN();
        assertThat(t.oddsRatioUpper()).isNaN();
      } else {
        assertThat(t.oddsRatio()).isFinite();
      }
    }
    assertThat(r.warnings())
        .anyMatch(w -> w.contains("separation detected") && w.contains(diverging));
    // R warns when a fitted probability is within 10 * eps of 0 or 1, i.e. |eta| > log(1 / (10
    // eps)) = 33.7
    boolean extreme = Golden.num(f.get("max_abs_eta")) > Math.log(1 / (10 * Math.ulp(1.0)));
    assertThat(r.warnings().stream().anyMatch(w -> w.contains("numerically 0 or 1")))
        .isEqualTo(extreme);
    if (!r.converged()) {
      assertThat(r.warnings()).anyMatch(w -> w.contains("did not converge"));
    }
  }
}
