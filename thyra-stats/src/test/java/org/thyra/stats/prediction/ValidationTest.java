package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.survival.Ties;

class ValidationTest {

  private static final int B = 200;

  private static List<String> names(JsonNode g) {
    final List<String> l = new ArrayList<>();
    g.get("names").forEach(v -> l.add(v.asText()));
    return l;
  }

  private static double rms(JsonNode g, String field, String index) {
    final JsonNode idx = g.get("index");
    for (int k = 0; k < idx.size(); k++) {
      if (idx.get(k).asText().equals(index)) {
        return g.get(field).get(k).asDouble();
      }
    }
    throw new IllegalStateException(index);
  }

  /** Our corrected value and rms's differ only by the two bootstraps' Monte-Carlo errors. */
  private static void withinMonteCarlo(String what, ValidationIndex ours, double rmsCorrected) {
    final double tol = 4.5 * Math.sqrt(2) * ours.optimismSe();
    assertThat(ours.corrected())
        .as(what + " corrected (MC tolerance " + tol + ")")
        .isCloseTo(rmsCorrected, Offset.offset(tol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lung_cph", "pbc_cph"})
  void coxApparentAsRmsAndCorrectedWithinMonteCarloError(String name) {
    final JsonNode g = Golden.load("prediction/validate_" + name);
    final ValidationResult r =
        BootstrapValidation.cox(
            Golden.doubles(g.get("time")),
            Golden.ints(g.get("status")),
            Golden.columns(g.get("x")),
            names(g),
            Ties.EFRON,
            B,
            20261122L,
            2);
    Golden.close(name + " apparent Dxy", r.index("Dxy").apparent(), rms(g, "apparent", "Dxy"));
    assertThat(r.index("Slope").apparent()).isEqualTo(1.0);
    withinMonteCarlo(name + " Dxy", r.index("Dxy"), rms(g, "corrected", "Dxy"));
    withinMonteCarlo(name + " Slope", r.index("Slope"), rms(g, "corrected", "Slope"));
    assertThat(r.index("Dxy").optimism()).isPositive();
    assertThat(r.index("Slope").corrected()).isLessThan(1.0);
    Golden.close(name + " C", r.index("C").corrected(), 0.5 + r.index("Dxy").corrected() / 2);
    assertThat(r.successful()).isEqualTo(B);
  }

  @Test
  void logisticApparentAsRmsAndCorrectedWithinMonteCarloError() {
    final JsonNode g = Golden.load("prediction/validate_birthwt_lrm");
    final ValidationResult r =
        BootstrapValidation.logistic(
            Golden.doubles(g.get("y")), Golden.columns(g.get("x")), names(g), B, 20261122L, 2);
    Golden.close("apparent Dxy", r.index("Dxy").apparent(), rms(g, "apparent", "Dxy"));
    for (String index : List.of("Dxy", "Intercept", "Slope")) {
      withinMonteCarlo(index, r.index(index), rms(g, "corrected", index));
    }
  }

  @Test
  void resultDoesNotDependOnTheNumberOfThreads() {
    final JsonNode g = Golden.load("prediction/validate_lung_cph");
    final double[] time = Golden.doubles(g.get("time"));
    final int[] status = Golden.ints(g.get("status"));
    final double[][] x = Golden.columns(g.get("x"));
    final ValidationResult one =
        BootstrapValidation.cox(time, status, x, names(g), Ties.EFRON, 24, 7L, 1);
    final ValidationResult two =
        BootstrapValidation.cox(time, status, x, names(g), Ties.EFRON, 24, 7L, 2);
    assertThat(two.indexes()).isEqualTo(one.indexes());
    final ValidationResult other =
        BootstrapValidation.cox(time, status, x, names(g), Ties.EFRON, 24, 8L, 2);
    assertThat(other.index("Dxy").optimism()).isNotEqualTo(one.index("Dxy").optimism());
  }

  @Test
  void calibrationInterceptSlopeAndDxyAsValProb() {
    final JsonNode g = Golden.load("prediction/calibration_birthwt");
    final double[] y = Golden.doubles(g.get("y"));
    final double[] lp = Golden.doubles(g.get("lp"));
    final double[] ab = LogisticCalibration.interceptSlope(y, lp);
    Golden.close("intercept", ab[0], g.get("intercept").asDouble());
    Golden.close("slope", ab[1], g.get("slope").asDouble());
    // as Hmisc::somers2 (rms::val.prob reports a Dxy that differs in the 4th digit)
    Golden.close(
        "Dxy",
        LogisticCalibration.somersDxy(y, Golden.doubles(g.get("p"))),
        g.get("dxy").asDouble());
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "validation"})
  void hosmerLemeshowAsHoslemTest(String which) {
    final JsonNode g = Golden.load("prediction/calibration_birthwt");
    final double[] y;
    final double[] p;
    if ("full".equals(which)) {
      y = Golden.doubles(g.get("y_full"));
      p = Golden.doubles(g.get("p_full"));
    } else {
      y = Golden.doubles(g.get("y"));
      final double[] lp = Golden.doubles(g.get("lp"));
      p = new double[lp.length];
      for (int i = 0; i < lp.length; i++) {
        p[i] = 1 / (1 + Math.exp(-lp[i]));
      }
    }
    final JsonNode e = g.get("hl_" + which);
    final HosmerLemeshowResult hl = LogisticCalibration.hosmerLemeshow(y, p, 10);
    Golden.close(which + " X2", hl.statistic(), e.get("statistic").asDouble());
    Golden.close(which + " p", hl.p(), e.get("p").asDouble());
    assertThat(hl.df()).isEqualTo(8);
    assertThat(hl.sizes()).containsExactly(Golden.ints(e.get("sizes")));
    Golden.close(which + " observed", hl.observed(), Golden.doubles(e.get("observed")));
    Golden.close(which + " expected", hl.expected(), Golden.doubles(e.get("expected")));
  }

  @Test
  void edgeCases() {
    assertThatThrownBy(
            () ->
                LogisticCalibration.hosmerLemeshow(
                    new double[] {0, 1, 0, 1, 0, 1},
                    new double[] {0.5, 0.5, 0.5, 0.5, 0.2, 0.8},
                    3))
        .hasMessageContaining("not unique");
    assertThatThrownBy(
            () -> LogisticCalibration.interceptSlope(new double[] {0, 0}, new double[] {1, 2}))
        .hasMessageContaining("one class");
    assertThatThrownBy(
            () ->
                LogisticCalibration.interceptSlope(
                    new double[] {0, 0, 1, 1}, new double[] {-1, -2, 1, 2}))
        .hasMessageContaining("separated");
    assertThatThrownBy(
            () ->
                BootstrapValidation.cox(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, 2}},
                    List.of("x"),
                    Ties.EFRON,
                    0,
                    1,
                    1))
        .hasMessageContaining("replicates");
  }
}
