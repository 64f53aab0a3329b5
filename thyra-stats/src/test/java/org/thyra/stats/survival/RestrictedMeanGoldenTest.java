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
 * RMST against survfit(rmean = tau) and survRM2::rmst2's formulas on lung, veteran and ovarian
 * (competing_rmst_goldens.R).
 */
class RestrictedMeanGoldenTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Golden.load("competing/rmst").get("rmst")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesR(String name, JsonNode c) {
    double[] time = Golden.doubles(c.get("time"));
    int[] status = Golden.ints(c.get("status"));
    int[] group = Golden.ints(c.get("group"));
    double tau = c.get("tau").asDouble();
    int k = c.get("levels").size();
    List<RestrictedMeanResult> res = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      KaplanMeierCurve curve = KaplanMeier.fit(select(time, group, g), select(status, group, g));
      RestrictedMeanResult r = RestrictedMean.of(curve, tau, 0.95);
      JsonNode e = c.get("groups").get(g);
      assertThat(r.n()).isEqualTo(e.get("n").asInt());
      Golden.close(name + " rmst " + g, r.rmst(), e.get("rmst").asDouble());
      Golden.close(name + " se " + g, r.se(), e.get("se").asDouble());
      Golden.close(name + " lower " + g, r.lower(), e.get("lower").asDouble());
      Golden.close(name + " upper " + g, r.upper(), e.get("upper").asDouble());
      res.add(r);
    }
    if (k == 2) {
      RestrictedMeanComparison cmp = RestrictedMean.compare(res.get(1), res.get(0), 0.95);
      JsonNode d = c.get("difference");
      Golden.close("difference", cmp.difference(), d.get("estimate").asDouble());
      Golden.close("difference se", cmp.differenceSe(), d.get("se").asDouble());
      Golden.close("difference lower", cmp.differenceLower(), d.get("lower").asDouble());
      Golden.close("difference upper", cmp.differenceUpper(), d.get("upper").asDouble());
      Golden.closeP("difference p", cmp.differenceP(), Golden.num(d.get("p")));
      JsonNode q = c.get("ratio");
      Golden.close("ratio", cmp.ratio(), q.get("estimate").asDouble());
      Golden.close("ratio lower", cmp.ratioLower(), q.get("lower").asDouble());
      Golden.close("ratio upper", cmp.ratioUpper(), q.get("upper").asDouble());
      Golden.closeP("ratio p", cmp.ratioP(), Golden.num(q.get("p")));
    }
  }

  @Test
  void tauBeforeTheFirstTimeIsTheWholeRectangle() {
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {5, 7, 9}, new int[] {1, 0, 1});
    RestrictedMeanResult r = RestrictedMean.of(c, 3, 0.95);
    assertThat(r.rmst()).isEqualTo(3.0);
    assertThat(r.se()).isZero();
  }

  @Test
  void tauBeyondFollowUpIsWarned() {
    KaplanMeierCurve c = KaplanMeier.fit(new double[] {5, 7, 9}, new int[] {1, 0, 1});
    RestrictedMeanResult r = RestrictedMean.of(c, 20, 0.95);
    // S = 2/3 on [5, 9), 0 after 9: 5 + 4·2/3
    assertThat(r.rmst()).isCloseTo(5 + 8.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.warnings()).anyMatch(w -> w.contains("beyond the last follow-up"));
    assertThatThrownBy(() -> RestrictedMean.of(c, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noEventsAnywhereHasNoTest() {
    KaplanMeierCurve a = KaplanMeier.fit(new double[] {5, 7}, new int[] {0, 0});
    KaplanMeierCurve b = KaplanMeier.fit(new double[] {6, 8}, new int[] {0, 0});
    RestrictedMeanComparison cmp =
        RestrictedMean.compare(RestrictedMean.of(a, 5, 0.95), RestrictedMean.of(b, 5, 0.95), 0.95);
    assertThat(cmp.difference()).isZero();
    assertThat(cmp.differenceP()).isNaN();
    assertThat(cmp.warnings()).isNotEmpty();
  }

  static double[] select(double[] v, int[] g, int code) {
    return java.util.stream.IntStream.range(0, v.length)
        .filter(i -> g[i] == code)
        .mapToDouble(i -> v[i])
        .toArray();
  }

  static int[] select(int[] v, int[] g, int code) {
    return java.util.stream.IntStream.range(0, v.length)
        .filter(i -> g[i] == code)
        .map(i -> v[i])
        .toArray();
  }
}
