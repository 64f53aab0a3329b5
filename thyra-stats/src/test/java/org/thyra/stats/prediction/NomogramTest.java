package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.survival.Ties;

class NomogramTest {

  private static List<String> labels(JsonNode axis) {
    final List<String> l = new ArrayList<>();
    axis.get("values").forEach(v -> l.add(v.asText()));
    return l;
  }

  private static NomogramResult build(JsonNode g) {
    final List<NomogramTerm> terms = new ArrayList<>();
    for (JsonNode a : g.get("axes")) {
      terms.add(
          new NomogramTerm(a.get("variable").asText(), labels(a), Golden.doubles(a.get("xbeta"))));
    }
    return Nomogram.build(terms, g.get("beta0").asDouble(), Golden.doubles(g.get("fitted_lp")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_cph", "pbc_cph", "birthwt_lrm"})
  void pointsAxesAndLinearPredictorAsRms(String name) {
    final JsonNode g = Golden.load("prediction/nomogram_" + name);
    final NomogramResult nom = build(g);
    Golden.close(name + " scale", nom.scale(), g.get("scale").asDouble());
    int j = 0;
    for (JsonNode a : g.get("axes")) {
      final NomogramAxis axis = nom.axes().get(j++);
      assertThat(axis.variable()).isEqualTo(a.get("variable").asText());
      Golden.close(
          name + " points of " + axis.variable(), axis.points(), Golden.doubles(a.get("points")));
    }
    assertThat(nom.axes().stream().mapToDouble(a -> max(a.points())).max().orElseThrow())
        .isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-12));
    Golden.close(
        name + " total points ticks",
        nom.totalPointsTicks(),
        Golden.doubles(g.get("total_points_ticks")));
    Golden.close(name + " lp ticks", nom.linearPredictorTicks(), Golden.doubles(g.get("lp_ticks")));
    Golden.close(
        name + " lp tick points",
        nom.linearPredictorTickPoints(),
        Golden.doubles(g.get("lp_tick_points")));
    final double[] tp = Golden.doubles(g.get("total_points"));
    final double[] lp = Golden.doubles(g.get("linear_predictor"));
    for (int k = 0; k < tp.length; k++) {
      Golden.close(name + " lp at " + tp[k], nom.linearPredictor(tp[k]), lp[k]);
      Golden.close(name + " points at lp " + lp[k], nom.totalPoints(lp[k]), tp[k]);
    }
    if (g.get("predictions").has("probability")) {
      final double[] pr = Golden.doubles(g.get("predictions").get("probability"));
      for (int k = 0; k < tp.length; k++) {
        Golden.close(name + " probability at " + tp[k], nom.probability(tp[k]), pr[k]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_cph", "pbc_cph"})
  void survivalAxesAsSurvfitCoxphAtTheSameLinearPredictor(String name) {
    final JsonNode g = Golden.load("prediction/nomogram_" + name);
    final NomogramResult nom = build(g);
    final BaselineHazard h =
        BaselineSurvival.estimate(
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.doubles(g.get("fitted_lp")),
            null,
            Ties.EFRON);
    final double[] horizons = Golden.doubles(g.get("horizons"));
    final double[] tp = Golden.doubles(g.get("total_points"));
    for (int k = 0; k < horizons.length; k++) {
      final double[] expected = Golden.doubles(g.get("survfit_predictions").get(k));
      for (int i = 0; i < tp.length; i++) {
        Golden.close(
            name + " S(" + horizons[k] + ") at " + tp[i] + " points",
            nom.survival(h, 0, new double[] {horizons[k]}, tp[i])[0],
            expected[i]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_cph", "pbc_cph", "birthwt_lrm"})
  void defaultAxisValuesAsDatadistAndPretty(String name) {
    final JsonNode g = Golden.load("prediction/nomogram_" + name);
    int checked = 0;
    for (JsonNode a : g.get("axes")) {
      if (a.get("data") == null
          || a.get("data").isNull()
          || "bili".equals(a.get("variable").asText())) {
        continue; // factors; pbc's bili axis was given explicitly (log(0) on the pretty axis)
      }
      final double[] values = labels(a).stream().mapToDouble(Double::parseDouble).toArray();
      Golden.close(
          name + " axis " + a.get("variable").asText(),
          NomogramTerm.defaultValues(Golden.doubles(a.get("data"))),
          values);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  @Test
  void onePatientAsRms() {
    // lung: age 67, sex 2, ecog 2 (factor, reference 0)
    JsonNode g = Golden.load("prediction/nomogram_lung_cph");
    NomogramResult nom = build(g);
    final JsonNode c = g.get("coef");
    final double[] lungEffects = {
      c.get("age").asDouble() * 67, c.get("sex").asDouble() * 2, c.get("ecog=2").asDouble()
    };
    final double total = nom.totalPoints(lungEffects);
    Golden.close(
        "lung patient lp", nom.linearPredictor(total), g.get("patient").get("lp").asDouble());
    final BaselineHazard h =
        BaselineSurvival.estimate(
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.doubles(g.get("fitted_lp")),
            null,
            Ties.EFRON);
    Golden.close(
        "lung patient survival",
        nom.survival(h, 0, Golden.doubles(g.get("horizons")), total),
        Golden.doubles(g.get("patient").get("survfit_survival")));

    // pbc: log(bili) term; a value between axis ticks
    g = Golden.load("prediction/nomogram_pbc_cph");
    nom = build(g);
    final JsonNode pc = g.get("coef");
    final double[] pbcEffects = {
      pc.get("age").asDouble() * 50,
      pc.get("bili").asDouble() * Math.log(2.5),
      pc.get("albumin").asDouble() * 3.2,
      pc.get("edema").asDouble() * 0.5
    };
    Golden.close(
        "pbc patient lp",
        nom.linearPredictor(nom.totalPoints(pbcEffects)),
        g.get("patient").get("lp").asDouble());

    // birthwt logistic: race black
    g = Golden.load("prediction/nomogram_birthwt_lrm");
    nom = build(g);
    final JsonNode bc = g.get("coef");
    final double[] bwEffects = {
      bc.get("age").asDouble() * 25,
      bc.get("lwt").asDouble() * 120,
      bc.get("race=black").asDouble(),
      bc.get("smoke").asDouble(),
      0,
      0,
      bc.get("ui").asDouble()
    };
    Golden.close(
        "birthwt patient lp",
        nom.linearPredictor(nom.totalPoints(bwEffects)),
        g.get("patient").get("lp").asDouble());
  }

  @Test
  void linearAndCategoricalTermsGiveRmsEffects() {
    final JsonNode g = Golden.load("prediction/nomogram_birthwt_lrm");
    final JsonNode c = g.get("coef");
    final JsonNode age = g.get("axes").get(0);
    final double[] values = labels(age).stream().mapToDouble(Double::parseDouble).toArray();
    Golden.close(
        "age effects",
        NomogramTerm.linear("age", c.get("age").asDouble(), values).effects(),
        Golden.doubles(age.get("xbeta")));
    final JsonNode race = g.get("axes").get(2);
    Golden.close(
        "race effects",
        NomogramTerm.categorical(
                "race",
                labels(race),
                new double[] {c.get("race=black").asDouble(), c.get("race=other").asDouble()})
            .effects(),
        Golden.doubles(race.get("xbeta")));
  }

  @Test
  void prettyAsR() {
    // values checked in R 4.2: pretty(c(39, 82), 10); pretty(c(0, 162.7), 10); pretty(c(0.3, 0.3)),
    // pretty(c(-1.3, 2.2))
    assertThat(PrettyBreaks.of(39, 82, 10))
        .containsExactly(35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85);
    assertThat(PrettyBreaks.of(0, 162.7, 10))
        .containsExactly(0, 20, 40, 60, 80, 100, 120, 140, 160, 180);
    Golden.close("pretty(c(0.3, 0.3))", PrettyBreaks.of(0.3, 0.3, 5), new double[] {0.2, 0.4});
    assertThat(PrettyBreaks.of(-1.3, 2.2, 5))
        .containsExactly(-1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5);
    assertThatThrownBy(() -> PrettyBreaks.of(2, 1, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void degenerateInputIsRejected() {
    assertThatThrownBy(() -> Nomogram.build(List.of(), 0, new double[] {0}))
        .hasMessageContaining("at least one term");
    final NomogramTerm flat = new NomogramTerm("x", List.of("a", "b"), new double[] {0.5, 0.5});
    assertThatThrownBy(() -> Nomogram.build(List.of(flat), 0, new double[] {0}))
        .hasMessageContaining("zero range");
    assertThatThrownBy(
            () -> new NomogramTerm("x", List.of("a"), new double[] {Double.NEGATIVE_INFINITY}))
        .hasMessageContaining("non-finite");
    assertThatThrownBy(() -> NomogramTerm.defaultValues(new double[] {1, 1, Double.NaN}))
        .hasMessageContaining("2 distinct");
    final NomogramTerm x = new NomogramTerm("x", List.of("a", "b"), new double[] {0, 1});
    assertThatThrownBy(() -> Nomogram.build(List.of(x, x), 0, new double[] {0}))
        .hasMessageContaining("duplicated");
  }

  @Test
  void axesOfOneGroupShareTheirMinimumAndRangeAndCountTheMinimumOnce() {
    // x at level a: effects 1..3; at level b: 2..0.5; z alone: 0..1 (values chosen by hand)
    List<NomogramTerm> terms =
        List.of(
            new NomogramTerm("x (g=a)", List.of("0", "1", "2"), new double[] {1, 2, 3}),
            new NomogramTerm("x (g=b)", List.of("0", "1", "2"), new double[] {2, 1.25, 0.5}),
            new NomogramTerm("z", List.of("0", "1"), new double[] {0, 1}));
    NomogramResult grouped = Nomogram.build(terms, new int[] {0, 0, 1}, 0.25, new double[] {0, 4});
    // the group's range is 3 - 0.5 = 2.5, the largest: 100 / 2.5 points per unit
    assertThat(grouped.scale()).isEqualTo(40.0);
    assertThat(grouped.axes().get(0).points()).containsExactly(20.0, 60.0, 100.0);
    assertThat(grouped.axes().get(1).points()).containsExactly(60.0, 30.0, 0.0);
    assertThat(grouped.axes().get(2).points()).containsExactly(0.0, 40.0);
    // 0 points: constant + group minimum 0.5 (once) + z's minimum 0
    assertThat(grouped.linearPredictorAtZeroPoints()).isEqualTo(0.75);
    // an effect between ticks of an axis scores from the shared minimum, not the axis's own
    assertThat(grouped.points(0, 1.5)).isEqualTo(40.0);
    // ungrouped, each axis starts at 0 and the scale follows the largest own range (2)
    NomogramResult separate = Nomogram.build(terms, 0.25, new double[] {0, 4});
    assertThat(separate.scale()).isEqualTo(50.0);
    assertThat(separate.axes().get(0).points()[0]).isEqualTo(0.0);
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
