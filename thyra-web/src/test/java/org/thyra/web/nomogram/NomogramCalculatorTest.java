package org.thyra.web.nomogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.web.golden.Golden;

/**
 * The calculator scores a patient from the model file alone and must give what {@code thyra
 * nomogram --predict} computes from the fitted model (goldens made by {@code
 * src/test/models/make-bundled-model.sh}; the CLI's nomogram agrees with rms, see thyra-app's
 * tests).
 */
class NomogramCalculatorTest {
  static final Path GOLDEN = Golden.path("nomogram");
  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, String> values(Path patient) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    Golden.read(patient).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  static NomogramModel bundled() {
    return NomogramModels.bundled().find("seed004-os").orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"patient-1", "patient-2", "patient-3"})
  void bundledModelGivesThePointsAndSurvivalOfThyraNomogramPredict(String patient)
      throws Exception {
    NomogramModel m = bundled();
    NomogramCalculator.Score s =
        NomogramCalculator.score(m, values(GOLDEN.resolve(patient + ".json")));
    JsonNode expected = Golden.read("nomogram/seed004-os-" + patient + ".expected.json");
    assertThat(s.ok()).isTrue();
    JsonNode points = expected.path("patient").path("points");
    for (NomogramModel.Axis a : m.axes()) {
      assertThat(s.points().get(a.variable()))
          .as(a.variable())
          .isCloseTo(points.path(a.variable()).asDouble(), within(1e-9));
    }
    assertThat(s.total())
        .isCloseTo(expected.path("patient").path("total_points").asDouble(), within(1e-9));
    assertThat(s.linearPredictor())
        .isCloseTo(expected.path("patient").path("linear_predictor").asDouble(), within(1e-9));
    JsonNode pred = expected.path("predictions");
    assertThat(s.predictions()).hasSize(3);
    for (int k = 0; k < 3; k++) {
      double want = pred.get(k).path("survival").asDouble();
      assertThat(s.predictions().get(k).horizon())
          .isEqualTo(pred.get(k).path("horizon").asDouble());
      // relative agreement to 1e-8 (six significant digits is the project's bar)
      assertThat(s.predictions().get(k).value()).isCloseTo(want, within(Math.abs(want) * 1e-8));
    }
    assertThat(s.predictions().get(0).label()).isEqualTo("3-year survival");
    assertThat(s.predictions().get(2).label()).isEqualTo("10-year survival");
    // the CLI warns exactly when a numeric value lies outside its data; the calculator warns on
    // values beyond the axis (which spans the data): patient 3 is beyond both
    assertThat(s.warnings().isEmpty()).isEqualTo(!patient.equals("patient-3"));
  }

  @Test
  void logisticModelGivesTheProbabilityOfThyraNomogramPredict() throws Exception {
    NomogramModel m;
    try (InputStream in = Files.newInputStream(GOLDEN.resolve("logistic.json"))) {
      m = NomogramModel.read(in, "logistic.json", "lr", "lr", "test", null);
    }
    assertThat(m.cox()).isFalse();
    NomogramCalculator.Score s =
        NomogramCalculator.score(m, values(GOLDEN.resolve("logistic-patient.json")));
    JsonNode expected = Golden.read("nomogram/logistic-patient.expected.json");
    double want = expected.path("predictions").get(0).path("probability").asDouble();
    assertThat(s.predictions()).hasSize(1);
    assertThat(s.predictions().get(0).value()).isCloseTo(want, within(want * 1e-8));
  }

  @Test
  void missingUnknownAndNonNumericValuesAreNamedBesideTheirFieldAndNothingIsPredicted() {
    NomogramModel m = bundled();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("sex", "male");
    v.put("age_group", "old");
    v.put("site", "");
    v.put("activity_mci", "1,5");
    v.put("uptake", "uptake");
    v.put("nodule_cm", "NaN");
    v.put("stg_group", "<500");
    NomogramCalculator.Score s = NomogramCalculator.score(m, v);
    assertThat(s.ok()).isFalse();
    assertThat(s.predictions()).isEmpty();
    assertThat(s.errors().keySet())
        .containsExactlyInAnyOrder("age_group", "site", "activity_mci", "nodule_cm");
    assertThat(s.errors().get("age_group")).contains("<55").contains(">=55");
    assertThat(s.errors().get("site")).isEqualTo("choose a value");
    assertThat(s.errors().get("activity_mci")).contains("decimal point");
  }

  @Test
  void theAxisEndsScoreTheirTabulatedPointsAndZeroPointsGiveTheLinearPredictorAtZero() {
    NomogramModel m = bundled();
    Map<String, String> v = new LinkedHashMap<>();
    // every variable at its 0-point value: total 0, lp = lp_at_zero_points
    for (NomogramModel.Axis a : m.axes()) {
      int zero = 0;
      for (int i = 0; i < a.points().length; i++) {
        if (a.points()[i] == 0) {
          zero = i;
        }
      }
      v.put(a.variable(), a.values().get(zero));
    }
    NomogramCalculator.Score s = NomogramCalculator.score(m, v);
    assertThat(s.total()).isCloseTo(0, within(1e-12));
    assertThat(s.linearPredictor()).isEqualTo(m.lpAtZero());
    // survival falls with the horizon
    assertThat(s.predictions().get(0).value()).isGreaterThan(s.predictions().get(2).value());
  }

  @Test
  void aSplineAxisOfThyraNomogramIsRefusedWhenReadEvenWhereItsTicksLookLinear() throws Exception {
    String text = Files.readString(GOLDEN.resolve("logistic.json"), StandardCharsets.UTF_8);
    JsonNode root = JSON.readTree(text);
    for (JsonNode a : root.path("axes")) {
      if (a.path("type").asText().equals("numeric")) {
        // as thyra nomogram writes an rcs() term: between ticks its points follow the basis
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("type", "spline");
        break;
      }
    }
    byte[] spline = JSON.writeValueAsBytes(root);
    assertThatThrownBy(
            () ->
                NomogramModel.read(
                    new ByteArrayInputStream(spline), "spline.json", "s", "s", "t", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spline.json: $.axes[")
        .hasMessageContaining("rcs() spline");
  }

  @Test
  void aModelWhoseNumericPointsAreNotLinearIsRefusedWhenRead() throws Exception {
    String text = Files.readString(GOLDEN.resolve("logistic.json"), StandardCharsets.UTF_8);
    JsonNode root = JSON.readTree(text);
    var axes = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("axes");
    for (JsonNode a : axes) {
      if (a.path("type").asText().equals("numeric")) {
        var pts = (com.fasterxml.jackson.databind.node.ArrayNode) a.path("points");
        pts.set(1, pts.get(1).asDouble() + 3); // a bend, as a spline term would have
        break;
      }
    }
    byte[] bent = JSON.writeValueAsBytes(root);
    assertThatThrownBy(
            () ->
                NomogramModel.read(
                    new ByteArrayInputStream(bent), "bent.json", "b", "b", "t", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bent.json: $.axes[")
        .hasMessageContaining("not linear");
    assertThatThrownBy(
            () ->
                NomogramModel.read(
                    new ByteArrayInputStream(
                        "{\"analysis\":\"km\"}".getBytes(StandardCharsets.UTF_8)),
                    "km.json",
                    "k",
                    "k",
                    "t",
                    null))
        .hasMessageContaining("km.json: $.analysis");
  }

  @Test
  void theFigureIsTheModelsNomogramWithItsAxes() {
    String svg = NomogramCalculator.svg(bundled());
    assertThat(svg).startsWith("<svg ").contains("viewBox=").contains("Total Points");
    assertThat(svg).contains("3-year survival").contains("stg_group");
  }
}
