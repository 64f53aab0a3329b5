package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * Weighted and counting-process Cox against coxph (weighted_counting_goldens.R): lung with
 * non-integer and integer weights, veteran and pbc split with survSplit (counting process, strata,
 * cluster), colon with weights and cluster(id), clusters of one row.
 */
class CoxCountingGoldenTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("weighted/cox").get("cox")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  private static double[] opt(JsonNode c, String field) {
    JsonNode n = c.get(field);
    return n == null || n.isNull() ? null : Golden.doubles(n);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesCoxph(String name, JsonNode c) {
    double[] start = opt(c, "start");
    double[] stop = Golden.doubles(c.get("stop"));
    int[] status = Golden.ints(c.get("status"));
    double[] w = opt(c, "weights");
    double[][] x = Golden.columns(c.get("columns"));
    List<String> names = Golden.strings(c.get("names"));
    int[] strata = Golden.ints(c.get("strata"));
    int[] cluster = Golden.ints(c.get("cluster"));
    boolean robust = c.get("robust").asBoolean();
    Ties ties = c.get("ties").asText().equals("breslow") ? Ties.BRESLOW : Ties.EFRON;
    CoxFit fit =
        CoxCounting.fit(
            start, stop, status, w, x, names, strata, CoxOptions.of(ties), robust ? cluster : null);
    Golden.close(name + " coef", fit.coefficients(), Golden.doubles(c.get("coef")));
    Golden.close(name + " naive se", fit.standardErrors(), Golden.doubles(c.get("se")));
    double[] loglik = Golden.doubles(c.get("loglik"));
    Golden.close(name + " loglik null", fit.loglikNull(), loglik[0]);
    Golden.close(name + " loglik", fit.loglikModel(), loglik[1]);
    Golden.close(name + " LR", fit.likelihoodRatioTest().statistic(), c.get("lr").asDouble());
    Golden.close(name + " score", fit.scoreTest().statistic(), c.get("score").asDouble());
    Golden.close(name + " means", fit.means(), Golden.doubles(c.get("means")));
    Golden.close(name + " C", fit.concordance().c(), c.get("concordance").asDouble());
    Golden.close(name + " C se", fit.concordance().se(), c.get("concordance_se").asDouble());
    if (robust) {
      CoxRobustResult r = CoxCounting.robust(fit, start, stop, status, w, x, strata, cluster);
      Golden.close(name + " robust se", r.standardErrors(), Golden.doubles(c.get("robust_se")));
      Golden.close(name + " robust wald", r.wald().statistic(), c.get("wald").asDouble());
      Golden.close(name + " robust score", r.score().statistic(), c.get("rscore").asDouble());
      double[] z = Golden.doubles(c.get("z"));
      for (int j = 0; j < z.length; j++) {
        Golden.close(name + " z", fit.coefficients()[j] / r.standardErrors()[j], z[j]);
      }
    } else {
      Golden.close(name + " wald", fit.waldTest().statistic(), c.get("wald").asDouble());
      Golden.close(name + " z", fit.z(), Golden.doubles(c.get("z")));
      Golden.close(name + " p", fit.p(), Golden.doubles(c.get("p")));
    }
    List<String> terms = Golden.strings(c.get("terms"));
    CoxZphResult zph =
        CoxCounting.zph(
            fit, start, stop, status, w, x, strata, Golden.ints(c.get("assign")), terms);
    double[] zt = Golden.doubles(c.get("zph_terms"));
    for (int k = 0; k < zt.length; k++) {
      Golden.close(name + " zph " + terms.get(k), zph.terms().get(k).chisq(), zt[k]);
    }
    Golden.close(name + " zph global", zph.global().chisq(), c.get("zph_global").asDouble());
  }

  @Test
  void unitWeightsRightCensoredEqualTheFastEngine() {
    double[] time = {5, 8, 8, 12, 15, 20, 22, 30, 31, 40};
    int[] status = {1, 1, 0, 1, 1, 0, 1, 0, 1, 1};
    double[][] x = {
      {1, 0, 1, 0, 1, 1, 0, 0, 1, 0}, {3.2, 1.5, 2.2, 5.1, 0.3, 2.2, 4.4, 1.0, 2.0, 3.3}
    };
    for (Ties ties : Ties.values()) {
      CoxFit a = CoxModel.fit(time, status, x, List.of("a", "b"), null, CoxOptions.of(ties));
      double[] ones = new double[time.length];
      java.util.Arrays.fill(ones, 1);
      CoxFit b =
          CoxCounting.fit(
              null, time, status, ones, x, List.of("a", "b"), null, CoxOptions.of(ties));
      for (int j = 0; j < 2; j++) {
        assertThat(b.coefficients()[j])
            .isCloseTo(a.coefficients()[j], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.standardErrors()[j])
            .isCloseTo(a.standardErrors()[j], org.assertj.core.data.Offset.offset(1e-9));
      }
      assertThat(b.concordance().c())
          .isCloseTo(a.concordance().c(), org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void splittingAnIntervalLeavesTheFitUnchanged() {
    // (0, 10] as (0, 4] + (4, 10]: the same risk sets, so the same partial likelihood
    double[] time = {10, 7, 12, 3, 9, 15};
    int[] status = {1, 1, 0, 1, 1, 0};
    double[] x = {0.5, 1.2, -0.3, 2.0, 0.1, 0.9};
    CoxFit whole =
        CoxCounting.fit(
            new double[] {0, 0, 0, 0, 0, 0},
            time,
            status,
            null,
            new double[][] {x},
            List.of("x"),
            null,
            CoxOptions.defaults());
    CoxFit split =
        CoxCounting.fit(
            new double[] {0, 4, 0, 0, 0, 0, 0},
            new double[] {4, 10, 7, 12, 3, 9, 15},
            new int[] {0, 1, 1, 0, 1, 1, 0},
            null,
            new double[][] {{0.5, 0.5, 1.2, -0.3, 2.0, 0.1, 0.9}},
            List.of("x"),
            null,
            CoxOptions.defaults());
    assertThat(split.coefficients()[0])
        .isCloseTo(whole.coefficients()[0], org.assertj.core.data.Offset.offset(1e-10));
    assertThat(split.loglikModel())
        .isCloseTo(whole.loglikModel(), org.assertj.core.data.Offset.offset(1e-10));
  }

  @Test
  void refusesEmptyIntervalsAndNonPositiveWeights() {
    assertThatThrownBy(
            () ->
                CoxCounting.fit(
                    new double[] {0, 5},
                    new double[] {3, 5},
                    new int[] {1, 0},
                    null,
                    new double[][] {{1, 2}},
                    List.of("x"),
                    null,
                    CoxOptions.defaults()))
        .hasMessageContaining("row 2")
        .hasMessageContaining("not below stop");
    assertThatThrownBy(
            () ->
                CoxCounting.fit(
                    null,
                    new double[] {3, 5},
                    new int[] {1, 0},
                    new double[] {1, 0},
                    new double[][] {{1, 2}},
                    List.of("x"),
                    null,
                    CoxOptions.defaults()))
        .hasMessageContaining("row 2")
        .hasMessageContaining("must be >0");
  }

  @Test
  void noEventsGivesNaCoefficients() {
    CoxFit fit =
        CoxCounting.fit(
            new double[] {0, 1, 0},
            new double[] {1, 4, 6},
            new int[] {0, 0, 0},
            new double[] {1.5, 1.5, 0.5},
            new double[][] {{1, 1, 0}},
            List.of("x"),
            null,
            CoxOptions.defaults());
    assertThat(fit.events()).isZero();
    assertThat(fit.coefficients()[0]).isNaN();
    assertThat(fit.warnings()).anyMatch(w -> w.contains("no events"));
  }
}
