package org.thyra.stats.means;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.rank.GroupCodes;
import org.thyra.stats.rank.KruskalWallisTest;
import org.thyra.stats.rank.RankTestResult;

/** t-tests, one-way ANOVA and Kruskal–Wallis against R on birthwt, lung, pbc, lalonde. */
class MeansGoldenTest {

  static Stream<JsonNode> cases() {
    List<JsonNode> c = Golden.cases(Golden.read("cohort/location_tests.json"), "cases");
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithR(JsonNode c) {
    String name = c.get("name").asText();
    double[] x = doubles(c.get("x"));
    double[] g = doubles(c.get("g"));
    AnovaResult a = OneWayAnova.test(x, g);
    JsonNode ra = c.get("anova");
    close(name + " F", a.statistic(), ra.get("statistic"));
    close(name + " df1", a.dfBetween(), ra.get("df1"));
    close(name + " df2", a.dfWithin(), ra.get("df2"));
    close(name + " anova p", a.p(), ra.get("p"));
    RankTestResult k = KruskalWallisTest.test(x, g);
    JsonNode rk = c.get("kruskal");
    close(name + " H", k.statistic(), rk.get("statistic"));
    close(name + " kw df", k.df(), rk.get("df"));
    close(name + " kw p", k.p(), rk.get("p"));
    if (c.has("student")) {
      double[] codes = GroupCodes.distinctSorted(g);
      double[] x1 = pick(x, g, codes[0]);
      double[] x2 = pick(x, g, codes[1]);
      TTestResult s = TwoSampleTTest.student(x1, x2);
      close(name + " t", s.statistic(), c.get("student").get("statistic"));
      close(name + " t df", s.df(), c.get("student").get("df"));
      close(name + " t p", s.p(), c.get("student").get("p"));
      // for two groups, F = t^2 (tableone's oneway.test equals Student's t)
      close(name + " F = t^2", a.statistic(), s.statistic() * s.statistic());
      TTestResult w = TwoSampleTTest.welch(x1, x2);
      close(name + " welch t", w.statistic(), c.get("welch").get("statistic"));
      close(name + " welch df", w.df(), c.get("welch").get("df"));
      close(name + " welch p", w.p(), c.get("welch").get("p"));
    }
  }

  static double[] pick(double[] x, double[] g, double code) {
    return java.util.stream.IntStream.range(0, x.length)
        .filter(i -> g[i] == code && !Double.isNaN(x[i]))
        .mapToDouble(i -> x[i])
        .toArray();
  }

  @Test
  void anovaRejectsAGroupWithOneObservationAsR() {
    double[] x = {1, 2, 3, 4, 5};
    double[] g = {0, 0, 1, 1, 2};
    assertThatThrownBy(() -> OneWayAnova.test(x, g))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group 2 has 1");
  }

  @Test
  void oneGroupIsRejected() {
    assertThatThrownBy(
            () -> OneWayAnova.test(new double[] {1, 2, 3}, new double[] {1, 1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> TwoSampleTTest.student(new double[] {1, 2}, new double[] {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constantDataGiveUndefinedStatisticWithWarning() {
    TTestResult t = TwoSampleTTest.student(new double[] {2, 2, 2}, new double[] {2, 2});
    assertThat(t.statistic()).isNaN();
    assertThat(t.warnings()).isNotEmpty();
  }

  @Test
  void tTestIsAntisymmetric() {
    double[] x = {5.1, 4.9, 6.2, 5.8, 6.0};
    double[] y = {4.1, 4.5, 3.9, 5.0};
    TTestResult a = TwoSampleTTest.student(x, y);
    TTestResult b = TwoSampleTTest.student(y, x);
    assertThat(a.statistic()).isEqualTo(-b.statistic());
    assertThat(a.p()).isEqualTo(b.p());
  }
}
