package org.thyra.stats.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * Nearest-neighbour matching on MatchIt's lalonde with the propensity score R fitted: the same
 * pairs as MatchIt (distance-matrix path for the exact rule; the vector fast path of MatchIt 4.5.1
 * for the truncated-compatibility rule) and the same balance table as {@code summary.matchit}.
 */
class MatchingGoldenTest {
  private static final JsonNode ROOT = Golden.read("cohort/matching_lalonde.json");

  static Stream<JsonNode> exactRule() {
    return Golden.cases(ROOT, "exact_distance_cases").stream();
  }

  static Stream<JsonNode> matchit451() {
    return Golden.cases(ROOT, "cases").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactRule")
  void exactRuleGivesMatchItPairs(JsonNode c) {
    check(c, DistanceComparison.EXACT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matchit451")
  void truncatedRuleReproducesMatchIt451(JsonNode c) {
    check(c, DistanceComparison.MATCHIT_4_5_1_TRUNCATED);
  }

  private static void check(JsonNode c, DistanceComparison comparison) {
    String name = c.get("name").asText();
    double[] treatCodes = doubles(c.get("treat"));
    boolean[] treated = new boolean[treatCodes.length];
    for (int i = 0; i < treated.length; i++) {
      treated[i] = treatCodes[i] == 1;
    }
    boolean logit = c.get("distance_scale").asText().equals("logit");
    double[] ps = doubles(ROOT.get("ps"));
    double[] distance = logit ? doubles(ROOT.get("logit_ps")) : ps;
    if (name.startsWith("reversed")) {
      distance = new double[ps.length];
      for (int i = 0; i < ps.length; i++) {
        distance[i] = 1 - ps[i];
      }
    }
    MatchingOptions o =
        MatchingOptions.defaults()
            .withRatio(c.get("ratio").asInt())
            .withOrder(MatchOrder.valueOf(c.get("order").asText().toUpperCase()))
            .withReplacement(c.get("replace").asBoolean())
            .withDistanceScale(logit ? DistanceScale.LOGIT : DistanceScale.PROBABILITY)
            .withComparison(comparison);
    if (c.hasNonNull("caliper")) {
      o =
          o.withCaliper(
              c.get("caliper").asDouble(),
              c.get("std_caliper").asBoolean()
                  ? CaliperScale.STANDARD_DEVIATIONS
                  : CaliperScale.RAW);
    }
    String[] names = names();
    double[][] x = covariates();
    int[] stratum = null;
    if (c.hasNonNull("exact")) {
      stratum = new int[treated.length];
      JsonNode ex = c.get("exact");
      List<JsonNode> vars = new ArrayList<>();
      if (ex.isArray()) {
        ex.forEach(vars::add);
      } else {
        vars.add(ex);
      }
      for (JsonNode v : vars) {
        double[] col = x[List.of(names).indexOf(v.asText())];
        for (int i = 0; i < stratum.length; i++) {
          stratum[i] = stratum[i] * 2 + (int) col[i];
        }
      }
    }
    MatchResult r = NearestNeighbourMatching.match(distance, treated, stratum, o);
    if (c.hasNonNull("caliper_abs")) {
      close(name + " caliper", r.caliperAbsolute(), c.get("caliper_abs"));
    } else {
      assertThat(r.caliperAbsolute()).isNaN();
    }
    JsonNode rows = c.get("treated_rows");
    assertThat(r.treatedRows()).hasSize(rows.size());
    int ratio = c.get("ratio").asInt();
    for (int t = 0; t < rows.size(); t++) {
      assertThat(r.treatedRows()[t] + 1).isEqualTo(rows.get(t).asInt());
      JsonNode expected = c.get("match_matrix").get(t);
      for (int k = 0; k < ratio; k++) {
        JsonNode e = expected.isArray() ? expected.get(k) : expected;
        int want = e == null || e.isNull() ? -1 : e.asInt() - 1;
        assertThat(r.matches()[t][k])
            .as("%s: treated row %d, match %d", name, rows.get(t).asInt(), k + 1)
            .isEqualTo(want);
      }
    }
    assertThat(r.matchedTreated()).as(name).isEqualTo(c.get("n_matched_treated").asInt());
    assertThat(r.matchedControl()).as(name).isEqualTo(c.get("n_matched_control").asInt());
    BalanceTable b = BalanceTable.of(x, names, treated, r.weights());
    if (c.has("balance_before")) {
      compare(name + " before", b.before(), c.get("balance_before"));
    }
    compare(name + " after", b.after(), c.get("balance_after"));
  }

  private static void compare(String name, List<BalanceRow> rows, JsonNode g) {
    for (int j = 0; j < rows.size(); j++) {
      BalanceRow row = rows.get(j);
      String what = name + " " + row.covariate();
      close(what + " mean treated", row.meanTreated(), g.get("mean_treated").get(j));
      close(what + " mean control", row.meanControl(), g.get("mean_control").get(j));
      close(what + " smd", row.smd(), g.get("smd").get(j));
      close(what + " variance ratio", row.varianceRatio(), g.get("var_ratio").get(j));
    }
  }

  static String[] names() {
    List<String> n = new ArrayList<>();
    ROOT.get("covariates").forEach(v -> n.add(v.asText()));
    return n.toArray(new String[0]);
  }

  static double[][] covariates() {
    JsonNode cols = ROOT.get("X");
    double[][] x = new double[cols.size()][];
    for (int j = 0; j < x.length; j++) {
      x[j] = doubles(cols.get(j));
    }
    return x;
  }
}
