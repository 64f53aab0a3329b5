package org.thyra.stats.competing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * Cumulative incidence, Gray's test and Fine–Gray against cmprsk::cuminc / timepoints / crr on pbc,
 * MASS Melanoma and mgus2 (competing_rmst_goldens.R).
 */
class CompetingRisksGoldenTest {

  static Stream<Arguments> cuminc() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("competing/cuminc").get("cuminc")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  static Stream<Arguments> crr() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("competing/crr").get("crr")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cuminc")
  void cumincMatchesCmprsk(String name, JsonNode c) {
    double[] time = Golden.doubles(c.get("time"));
    int[] cause = Golden.ints(c.get("cause"));
    int[] group = Golden.ints(c.get("group"));
    int[] strata = Golden.ints(c.get("strata"));
    for (JsonNode e : c.get("curves")) {
      int g = e.get("group").asInt();
      int k = e.get("cause").asInt();
      int[] rows = IntStream.range(0, time.length).filter(i -> group[i] == g).toArray();
      IncidenceCurve curve =
          CumulativeIncidence.curve(
              IntStream.of(rows).mapToDouble(i -> time[i]).toArray(),
              IntStream.of(rows).map(i -> cause[i]).toArray(),
              k);
      String what = name + " cause " + k + " group " + g;
      assertThat(curve.n()).as(what).isEqualTo(e.get("n").asInt());
      assertThat(curve.events()).as(what).isEqualTo(e.get("events").asInt());
      Golden.close(what + " times", curve.jumpTimes(), Golden.doubles(e.get("jump_times")));
      Golden.close(what + " estimate", curve.estimate(), Golden.doubles(e.get("estimate")));
      Golden.close(what + " variance", curve.variance(), Golden.doubles(e.get("variance")));
      double[] at = Golden.doubles(e.get("at"));
      double[] est = Golden.doubles(e.get("at_estimate"));
      double[] var = Golden.doubles(e.get("at_variance"));
      for (int i = 0; i < at.length; i++) {
        Golden.close(what + " at " + at[i], curve.estimateAt(at[i]), est[i]);
        Golden.close(what + " var at " + at[i], curve.varianceAt(at[i]), var[i]);
      }
    }
    JsonNode tests = c.get("tests");
    if (tests != null && !tests.isNull()) {
      for (JsonNode t : tests) {
        GrayTestResult r =
            CumulativeIncidence.grayTest(
                time, cause, t.get("cause").asInt(), group, strata, c.get("rho").asDouble());
        Golden.close(name + " Gray statistic", r.statistic(), Golden.num(t.get("statistic")));
        assertThat(r.df()).isEqualTo(t.get("df").asInt());
        Golden.closeP(name + " Gray p", r.p(), Golden.num(t.get("p")));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crr")
  void crrMatchesCmprsk(String name, JsonNode c) {
    FineGrayFit fit =
        FineGray.fit(
            Golden.doubles(c.get("time")),
            Golden.ints(c.get("cause")),
            c.get("failcode").asInt(),
            Golden.columns(c.get("columns")),
            Golden.strings(c.get("names")),
            0.95);
    assertThat(fit.converged()).isEqualTo(c.get("converged").asBoolean());
    Golden.close(name + " coef", fit.coefficients(), Golden.doubles(c.get("coef")));
    Golden.close(name + " se", fit.standardErrors(), Golden.doubles(c.get("se")));
    Golden.close(name + " z", fit.z(), Golden.doubles(c.get("z")));
    Golden.close(name + " lower", fit.lower(), Golden.doubles(c.get("lower")));
    Golden.close(name + " upper", fit.upper(), Golden.doubles(c.get("upper")));
    double[] p = Golden.doubles(c.get("p"));
    for (int j = 0; j < p.length; j++) {
      Golden.closeP(name + " p", fit.p()[j], p[j]);
    }
    Golden.close(name + " loglik", fit.loglik(), c.get("loglik").asDouble());
    Golden.close(name + " loglik null", fit.loglikNull(), c.get("loglik_null").asDouble());
  }

  @Test
  void noEventOfTheCauseIsRefused() {
    assertThatThrownBy(
            () ->
                FineGray.fit(
                    new double[] {1, 2, 3},
                    new int[] {0, 2, 0},
                    1,
                    new double[][] {{1, 2, 3}},
                    List.of("x"),
                    0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no failure");
  }

  @Test
  void oneGroupHasNoGrayTest() {
    assertThatThrownBy(
            () ->
                CumulativeIncidence.grayTest(
                    new double[] {1, 2}, new int[] {1, 2}, 1, new int[] {0, 0}, new int[2], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutCompetingEventsTheIncidenceIsOneMinusKaplanMeier() {
    double[] t = {2, 3, 3, 5, 8, 9, 11};
    int[] c = {1, 0, 1, 1, 0, 1, 0};
    IncidenceCurve curve = CumulativeIncidence.curve(t, c, 1);
    // KM: 6/7 at 2; at 3 risk 6, 1 event: 6/7·5/6 = 5/7; at 5 risk 4: 5/7·3/4; at 9 risk 2: ·1/2
    double s = 6.0 / 7 * 5 / 6 * 3 / 4 * 1 / 2;
    assertThat(curve.estimateAt(10)).isCloseTo(1 - s, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(curve.estimateAt(12)).isNaN();
    assertThat(curve.estimateAt(11)).isCloseTo(1 - s, org.assertj.core.data.Offset.offset(1e-15));
  }
}
