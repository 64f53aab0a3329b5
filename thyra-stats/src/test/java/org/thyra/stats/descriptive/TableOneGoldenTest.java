package org.thyra.stats.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** Group summaries (quantile type 7) and the tableone / gtsummary test routing against R. */
class TableOneGoldenTest {
  private static final JsonNode ROOT = Golden.read("cohort/table1.json");

  static Stream<JsonNode> summaries() {
    return Golden.cases(ROOT, "summaries").stream();
  }

  static Stream<JsonNode> numericRoutes() {
    return Golden.cases(ROOT, "numeric_routes").stream();
  }

  static Stream<JsonNode> categoricalRoutes() {
    return Golden.cases(ROOT, "categorical_routes").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("summaries")
  void summariesAgreeWithR(JsonNode c) {
    String name = c.get("name").asText();
    double[] x = doubles(c.get("x"));
    double[] g = doubles(c.get("g"));
    double[] overall = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      overall[i] = Double.isNaN(g[i]) ? Double.NaN : x[i];
    }
    int rowsWithGroup = (int) java.util.Arrays.stream(g).filter(v -> !Double.isNaN(v)).count();
    NumericSummary all =
        NumericSummary.of(java.util.Arrays.stream(overall).limit(x.length).toArray());
    check(name + " overall", all, c.get("overall"), x.length - rowsWithGroup);
    double[] levels =
        doubles(
            c.get("groups").isArray()
                ? c.get("groups")
                : new com.fasterxml.jackson.databind.ObjectMapper()
                    .createArrayNode()
                    .add(c.get("groups")));
    for (int k = 0; k < levels.length; k++) {
      double level = levels[k];
      double[] sub =
          java.util.stream.IntStream.range(0, x.length)
              .filter(i -> g[i] == level)
              .mapToDouble(i -> x[i])
              .toArray();
      check(name + " group " + level, NumericSummary.of(sub), c.get("by_group").get(k), 0);
    }
  }

  private static void check(String what, NumericSummary s, JsonNode r, int extraMissing) {
    assertThat(s.n()).as(what + " n").isEqualTo(r.get("n").asInt());
    assertThat(s.missing() - extraMissing)
        .as(what + " missing")
        .isEqualTo(r.get("missing").asInt());
    close(what + " mean", s.mean(), r.get("mean"));
    close(what + " sd", s.sd(), r.get("sd"));
    close(what + " median", s.median(), r.get("median"));
    close(what + " q1", s.q1(), r.get("q1"));
    close(what + " q3", s.q3(), r.get("q3"));
    close(what + " min", s.min(), r.get("min"));
    close(what + " max", s.max(), r.get("max"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numericRoutes")
  void numericRoutingAgreesWithR(JsonNode c) {
    double[] x = doubles(c.get("x"));
    double[] g = doubles(c.get("g"));
    close(
        "tableone normal",
        GroupComparison.numeric(x, g, TablePreset.TABLEONE, false).p(),
        c.get("tableone_normal"));
    close(
        "tableone nonnormal",
        GroupComparison.numeric(x, g, TablePreset.TABLEONE, true).p(),
        c.get("tableone_nonnormal"));
    close(
        "gtsummary",
        GroupComparison.numeric(x, g, TablePreset.GTSUMMARY, false).p(),
        c.get("gtsummary"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("categoricalRoutes")
  void categoricalRoutingAgreesWithR(JsonNode c) {
    double[] x = doubles(c.get("x"));
    double[] g = doubles(c.get("g"));
    close(
        "tableone approx",
        GroupComparison.categorical(x, g, TablePreset.TABLEONE, false).p(),
        c.get("tableone_approx"));
    close(
        "tableone exact",
        GroupComparison.categorical(x, g, TablePreset.TABLEONE, true).p(),
        c.get("tableone_exact"));
    GroupTest gt = GroupComparison.categorical(x, g, TablePreset.GTSUMMARY, false);
    assertThat(gt.test()).isEqualTo(c.get("gtsummary_test").asText());
    close("gtsummary", gt.p(), c.get("gtsummary"));
  }

  @Test
  void allMissingColumnGivesEmptySummaryAndNoTest() {
    double[] x = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    double[] g = {0, 0, 1, 1};
    NumericSummary s = NumericSummary.of(x);
    assertThat(s.n()).isZero();
    assertThat(s.missing()).isEqualTo(4);
    assertThat(s.mean()).isNaN();
    GroupTest t = GroupComparison.numeric(x, g, TablePreset.GTSUMMARY, false);
    assertThat(t.p()).isNaN();
    assertThat(t.warnings()).isNotEmpty();
    GroupTest c = GroupComparison.categorical(x, g, TablePreset.TABLEONE, false);
    assertThat(c.p()).isNaN();
    assertThat(c.test()).isEqualTo("none");
  }

  @Test
  void aGroupWithoutDataLeavesOneGroupAndNoTest() {
    double[] x = {1, 2, 3, Double.NaN};
    double[] g = {0, 0, 0, 1};
    GroupTest t = GroupComparison.numeric(x, g, TablePreset.TABLEONE, false);
    assertThat(t.p()).isNaN();
    assertThat(t.warnings().get(0)).contains("at least 2");
  }

  @Test
  void levelAbsentFromOneGroupIsCountedAsZero() {
    CategoricalSummary s =
        CategoricalSummary.of(new double[] {1, 1, Double.NaN}, new double[] {1, 2});
    assertThat(s.counts()).containsExactly(2, 0);
    assertThat(s.percent()).containsExactly(100.0, 0.0);
    assertThat(s.missing()).isEqualTo(1);
    GroupTest t =
        GroupComparison.categorical(
            new double[] {1, 1, 2, 1, 1, 1},
            new double[] {0, 0, 0, 1, 1, 1},
            TablePreset.GTSUMMARY,
            false);
    assertThat(t.test()).isEqualTo("fisher");
    assertThat(t.p()).isBetween(0.0, 1.0);
  }

  @Test
  void quantileType7OnSmallSamples() {
    assertThat(NumericSummary.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
    assertThat(NumericSummary.quantile(new double[] {5}, 0.75)).isEqualTo(5);
  }
}
