package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.survival.Ties;

class KmCalibrationTest {

  @ParameterizedTest
  @ValueSource(strings = {"lung_365", "pbc_1826"})
  void apparentGroupsAsRmsCalibrateKm(String name) {
    final JsonNode g = Golden.load("prediction/calibrate_" + name);
    final double[] time = Golden.doubles(g.get("time"));
    final int[] status = Golden.ints(g.get("status"));
    final double u = g.get("u").asDouble();
    final KmCalibrationResult r =
        KmCalibration.atHorizon(
            time, status, Golden.doubles(g.get("predicted")), u, g.get("m").asInt());
    final List<KmCalibrationGroup> groups = r.groups();
    final double[] mean = Golden.doubles(g.get("mean_predicted"));
    final double[] km = Golden.doubles(g.get("km"));
    assertThat(groups).hasSize(mean.length);
    for (int k = 0; k < mean.length; k++) {
      Golden.close(name + " mean predicted " + k, groups.get(k).meanPredicted(), mean[k]);
      Golden.close(name + " KM " + k, groups.get(k).observed(), km[k]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_365", "pbc_1826"})
  void groupsOfMAsRmsGroupkm(String name) {
    final JsonNode g = Golden.load("prediction/calibrate_" + name);
    final KmCalibrationResult r =
        KmCalibration.groupKm(
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.doubles(g.get("predicted")),
            g.get("u").asDouble(),
            g.get("m").asInt());
    final JsonNode gk = g.get("groupkm");
    final double[] mean = Golden.doubles(gk.get("x"));
    final double[] km = Golden.doubles(gk.get("km"));
    final int[] n = Golden.ints(gk.get("n"));
    final int[] events = Golden.ints(gk.get("events"));
    final double[] se = Golden.doubles(gk.get("se"));
    assertThat(r.groups()).hasSize(mean.length);
    for (int k = 0; k < mean.length; k++) {
      final KmCalibrationGroup grp = r.groups().get(k);
      Golden.close(name + " mean predicted " + k, grp.meanPredicted(), mean[k]);
      Golden.close(name + " KM " + k, grp.observed(), km[k]);
      Golden.close(name + " SE " + k, grp.seLog(), se[k]);
      assertThat(grp.n()).isEqualTo(n[k]);
      assertThat(grp.events()).isEqualTo(events[k]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_365", "pbc_1826"})
  void predictedSurvivalFromOurBaselineEqualsCphSurvest(String name) {
    final JsonNode g = Golden.load("prediction/calibrate_" + name);
    final double[] lp = Golden.doubles(g.get("lp"));
    final BaselineHazard h =
        BaselineSurvival.estimate(
            Golden.doubles(g.get("time")), Golden.ints(g.get("status")), lp, null, Ties.EFRON);
    final double[] pred = Golden.doubles(g.get("predicted"));
    final double u = g.get("u").asDouble();
    for (int i = 0; i < lp.length; i++) {
      Golden.close(name + " S(u) row " + i, h.survival(0, u, lp[i]), pred[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_365", "pbc_1826"})
  void bootstrapCorrectedKmWithinMonteCarloErrorOfRmsCalibrate(String name) {
    final JsonNode g = Golden.load("prediction/calibrate_" + name);
    final java.util.List<String> names = new java.util.ArrayList<>();
    g.get("names").forEach(v -> names.add(v.asText()));
    final CalibrationValidationResult r =
        BootstrapValidation.coxCalibration(
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.columns(g.get("x")),
            names,
            Ties.EFRON,
            g.get("u").asDouble(),
            g.get("m").asInt(),
            g.get("B").asInt(),
            20261122L,
            2);
    final double[] km = Golden.doubles(g.get("km"));
    final double[] corrected = Golden.doubles(g.get("km_corrected"));
    assertThat(r.groups()).hasSize(km.length);
    for (int k = 0; k < km.length; k++) {
      final CalibrationValidationGroup grp = r.groups().get(k);
      Golden.close(name + " apparent KM " + k, grp.observed(), km[k]);
      final double tol = 4.5 * Math.sqrt(2) * grp.optimismSe();
      assertThat(grp.corrected())
          .as(name + " KM.corrected " + k + " (MC tolerance " + tol + ")")
          .isCloseTo(corrected[k], org.assertj.core.data.Offset.offset(tol));
    }
  }

  @Test
  void tooFewSubjectsForTheGroupSizeGiveOneGroupAndAWarning() {
    final double[] time = {1, 2, 3, 4, 5};
    final int[] status = {1, 0, 1, 0, 1};
    final KmCalibrationResult r =
        KmCalibration.atHorizon(time, status, new double[] {0.2, 0.4, 0.5, 0.6, 0.9}, 3, 10);
    assertThat(r.groups()).hasSize(1);
    assertThat(r.groups().get(0).n()).isEqualTo(5);
    // KM at 3: (1 - 1/5)(1 - 1/3)
    assertThat(r.groups().get(0).observed())
        .isCloseTo(0.8 * 2 / 3, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(r.warnings()).anyMatch(w -> w.contains("only one group"));
    assertThatThrownBy(
            () ->
                KmCalibration.atHorizon(time, status, new double[] {0.2, 0.4, 0.5, 0.6, 1.2}, 3, 2))
        .hasMessageContaining("row 4");
  }

  @Test
  void horizonBeyondAGroupsFollowUpGivesNoEstimate() {
    final double[] time = {1, 2, 3, 10, 11, 12};
    final int[] status = {0, 1, 0, 1, 0, 0};
    final KmCalibrationResult r =
        KmCalibration.atHorizon(time, status, new double[] {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, 5, 3);
    assertThat(r.groups()).hasSize(2);
    assertThat(r.groups().get(0).observed()).isNaN();
    assertThat(r.groups().get(1).observed()).isEqualTo(1.0);
  }
}
