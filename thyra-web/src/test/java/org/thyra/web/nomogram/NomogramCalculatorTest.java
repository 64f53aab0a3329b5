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
import org.junit.jupiter.params.provider.CsvSource;
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

  static NomogramModel lung(String id) throws Exception {
    try (InputStream in = Files.newInputStream(GOLDEN.resolve(id + ".json"))) {
      return NomogramModel.read(in, id + ".json", id, id, "test", "days");
    }
  }

  /**
   * Splines and interactions (made by {@code src/test/models/make-spline-interaction-models.sh}):
   * an rcs(age, 4) by sex model and a linear age by sex model with rcs(ph.karno, 3); patient 3 of
   * each lies beyond the data.
   */
  @ParameterizedTest
  @CsvSource({
    "lung-rcs-by-sex, 1",
    "lung-rcs-by-sex, 2",
    "lung-rcs-by-sex, 3",
    "lung-age-by-sex-karno, 1",
    "lung-age-by-sex-karno, 2",
    "lung-age-by-sex-karno, 3"
  })
  void splineAndInteractionModelsGiveThePointsAndSurvivalOfThyraNomogramPredict(
      String id, int patient) throws Exception {
    NomogramModel m = lung(id);
    String name = id + "-patient-" + patient;
    NomogramCalculator.Score s =
        NomogramCalculator.score(m, values(GOLDEN.resolve(name + ".json")));
    JsonNode expected = Golden.read("nomogram/" + name + ".expected.json");
    assertThat(s.ok()).as("%s", s.errors()).isTrue();
    // the same axes scored as the command: with an interaction only the axis of the entered level
    JsonNode points = expected.path("patient").path("points");
    java.util.List<String> axes = new java.util.ArrayList<>();
    points.fieldNames().forEachRemaining(axes::add);
    assertThat(s.points().keySet()).containsExactlyElementsOf(axes);
    for (String a : axes) {
      assertThat(s.points().get(a)).as(a).isCloseTo(points.path(a).asDouble(), within(1e-9));
    }
    String sex = expected.path("patient").path("values").path("sex").asText();
    assertThat(s.axisOf()).containsEntry("age", "age (sex=" + sex + ")").doesNotContainKey("sex");
    assertThat(s.total())
        .isCloseTo(expected.path("patient").path("total_points").asDouble(), within(1e-9));
    assertThat(s.linearPredictor())
        .isCloseTo(expected.path("patient").path("linear_predictor").asDouble(), within(1e-9));
    JsonNode pred = expected.path("predictions");
    assertThat(s.predictions()).hasSize(2);
    for (int k = 0; k < 2; k++) {
      double want = pred.get(k).path("survival").asDouble();
      assertThat(s.predictions().get(k).value()).isCloseTo(want, within(Math.abs(want) * 1e-8));
    }
    // values beyond the data are scored by extending the axis, with a warning (as the command)
    int outside = 0;
    for (JsonNode w : expected.path("warnings")) {
      outside += w.asText().contains("outside the development data range") ? 1 : 0;
    }
    assertThat(s.warnings()).hasSize(outside);
    assertThat(s.warnings().isEmpty()).isEqualTo(patient != 3);
  }

  @Test
  void aSplineValueBetweenTicksFollowsTheSplineNotTheStraightLineBetweenThem() throws Exception {
    NomogramModel m = lung("lung-age-by-sex-karno");
    NomogramModel.Axis karno = null;
    for (NomogramModel.Axis a : m.axes()) {
      if (a.variable().equals("ph.karno")) {
        karno = a;
      }
    }
    assertThat(karno).isNotNull();
    // ph.karno's ticks are 50, 60, ..., 100: 75 lies halfway between 70 and 80
    int at70 = karno.values().indexOf("70");
    assertThat(karno.values().get(at70 + 1)).isEqualTo("80");
    double chord = (karno.points()[at70] + karno.points()[at70 + 1]) / 2;
    Map<String, String> v = new LinkedHashMap<>();
    v.put("age", "60");
    v.put("sex", "1");
    v.put("ph.karno", "75");
    NomogramCalculator.Score s = NomogramCalculator.score(m, v);
    assertThat(Math.abs(s.points().get("ph.karno") - chord)).isGreaterThan(0.1);
    // at a tick the spline gives the tabulated points
    v.put("ph.karno", "70");
    assertThat(NomogramCalculator.score(m, v).points().get("ph.karno"))
        .isCloseTo(karno.points()[at70], within(1e-9));
  }

  @Test
  void anInteractionsFactorIsOneFieldWhoseMissingOrUnknownLevelIsNamedBesideIt() throws Exception {
    NomogramModel m = lung("lung-rcs-by-sex");
    assertThat(m.fields())
        .extracting(NomogramModel.Field::name)
        .containsExactly("age", "sex", "ph.ecog");
    NomogramModel.Field sex = m.fields().get(1);
    assertThat(sex.categorical()).isTrue();
    assertThat(sex.levels()).containsExactly("1", "2");
    assertThat(m.fields().get(0).min()).isEqualTo(35);
    Map<String, String> v = new LinkedHashMap<>();
    v.put("age", "60");
    v.put("sex", "");
    v.put("ph.ecog", "1");
    NomogramCalculator.Score s = NomogramCalculator.score(m, v);
    assertThat(s.ok()).isFalse();
    assertThat(s.errors()).containsOnlyKeys("sex").containsEntry("sex", "choose a value");
    v.put("sex", "3");
    assertThat(NomogramCalculator.score(m, v).errors()).containsEntry("sex", "choose one of 1, 2");
    v.put("sex", "2");
    v.put("age", "sixty");
    assertThat(NomogramCalculator.score(m, v).errors().get("age")).contains("decimal point");
    v.put("age", "60");
    NomogramCalculator.Score ok = NomogramCalculator.score(m, v);
    assertThat(ok.pointsOf("age")).isNotEmpty();
    assertThat(ok.axisNote("age")).isEqualTo("age (sex=2)");
    assertThat(ok.pointsOf("sex")).isEmpty();
  }

  @Test
  void aSplineAxisWithoutItsKnotsAndCoefficientsOrWithOtherCoefficientsIsRefusedWhenRead()
      throws Exception {
    String text = Files.readString(GOLDEN.resolve("lung-rcs-by-sex.json"), StandardCharsets.UTF_8);
    JsonNode root = JSON.readTree(text);
    var axis = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("axes").get(1);
    assertThat(axis.path("type").asText()).isEqualTo("spline");
    var coefficients = (com.fasterxml.jackson.databind.node.ArrayNode) axis.path("coefficients");
    coefficients.set(2, coefficients.get(2).asDouble() * 1.01);
    byte[] other = JSON.writeValueAsBytes(root);
    assertThatThrownBy(
            () ->
                NomogramModel.read(
                    new ByteArrayInputStream(other), "other.json", "o", "o", "t", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.json: $.axes[1]")
        .hasMessageContaining("not those of the spline");
    axis.remove("coefficients");
    byte[] old = JSON.writeValueAsBytes(root);
    assertThatThrownBy(
            () ->
                NomogramModel.read(new ByteArrayInputStream(old), "old.json", "o", "o", "t", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("old.json: $.axes[1]")
        .hasMessageContaining("without its knots and coefficients");
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
