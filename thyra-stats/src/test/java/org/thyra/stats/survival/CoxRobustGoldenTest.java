package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** Robust / clustered Cox variance against coxph(..., cluster =) (cox_robust_goldens.R). */
class CoxRobustGoldenTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("coxrobust/robust").get("robust")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesCoxph(String name, JsonNode c) {
    double[] time = Golden.doubles(c.get("time"));
    int[] status = Golden.ints(c.get("status"));
    double[][] x = Golden.columns(c.get("columns"));
    int[] strata = Golden.ints(c.get("strata"));
    int[] cluster = Golden.ints(c.get("cluster"));
    Ties ties = c.get("ties").asText().equals("breslow") ? Ties.BRESLOW : Ties.EFRON;
    CoxFit fit =
        CoxModel.fit(time, status, x, Golden.strings(c.get("names")), strata, CoxOptions.of(ties));
    CoxRobustResult r = CoxRobust.of(fit, time, status, x, strata, cluster);
    Golden.close(name + " coef", fit.coefficients(), Golden.doubles(c.get("coef")));
    Golden.close(name + " naive se", fit.standardErrors(), Golden.doubles(c.get("se")));
    Golden.close(name + " robust se", r.standardErrors(), Golden.doubles(c.get("robust_se")));
    Golden.close(name + " wald", r.wald().statistic(), c.get("wald").asDouble());
    assertThat(r.wald().df()).isEqualTo(c.get("wald_df").asInt());
    Golden.closeP(name + " wald p", r.wald().p(), c.get("wald_p").asDouble());
    Golden.close(name + " robust score", r.score().statistic(), c.get("score").asDouble());
    Golden.closeP(name + " robust score p", r.score().p(), c.get("score_p").asDouble());
    assertThat(r.clusters()).isEqualTo(c.get("clusters").asInt());
    double[] z = Golden.doubles(c.get("z"));
    for (int j = 0; j < z.length; j++) {
      Golden.close(name + " robust z", fit.coefficients()[j] / r.standardErrors()[j], z[j]);
    }
  }

  @Test
  void oneClusterPerRowEqualsNoCluster() {
    double[] time = {5, 8, 8, 12, 15, 20, 22, 30};
    int[] status = {1, 1, 0, 1, 1, 0, 1, 0};
    double[][] x = {{1, 0, 1, 0, 1, 1, 0, 0}};
    CoxFit fit = CoxModel.fit(time, status, x, List.of("x"), null, CoxOptions.defaults());
    CoxRobustResult a = CoxRobust.of(fit, time, status, x, null, null);
    CoxRobustResult b =
        CoxRobust.of(fit, time, status, x, null, new int[] {7, 6, 5, 4, 3, 2, 1, 0});
    assertThat(a.standardErrors()[0])
        .isCloseTo(b.standardErrors()[0], org.assertj.core.data.Offset.offset(1e-15));
    assertThat(a.clusters()).isEqualTo(8);
  }
}
