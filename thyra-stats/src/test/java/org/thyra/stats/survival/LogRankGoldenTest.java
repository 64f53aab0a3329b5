package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.inference.PValueAdjustment;

/** Log-rank / G-rho and pairwise tests against R's survdiff and p.adjust on real data sets. */
class LogRankGoldenTest {

  /** Rows complete in the named grouping variables, with their codes. */
  record Rows(double[] time, int[] status, int[] group, int groupCount, int[] strata) {
    static Rows of(JsonNode d, String groupVar, String strataVar) {
      double[] time = Golden.doubles(d.get("time"));
      int[] status = Golden.ints(d.get("status"));
      int[] g = Golden.ints(d.get("groups").get(groupVar).get("codes"));
      int gc = d.get("groups").get(groupVar).get("levels").size();
      int[] s = strataVar == null ? null : Golden.ints(d.get("groups").get(strataVar).get("codes"));
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < time.length; i++) {
        if (g[i] >= 0 && (s == null || s[i] >= 0)) {
          keep.add(i);
        }
      }
      int m = keep.size();
      double[] t = new double[m];
      int[] st = new int[m];
      int[] gg = new int[m];
      int[] ss = s == null ? null : new int[m];
      for (int j = 0; j < m; j++) {
        int i = keep.get(j);
        t[j] = time[i];
        st[j] = status[i];
        gg[j] = g[i];
        if (ss != null) {
          ss[j] = s[i];
        }
      }
      return new Rows(t, st, gg, gc, ss);
    }
  }

  static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.asText();
  }

  static Stream<Arguments> tests() {
    List<Arguments> out = new ArrayList<>();
    for (String ds : SurvivalFixtures.KM_DATASETS) {
      JsonNode d = Golden.load("km/" + ds);
      for (JsonNode k : d.get("logrank")) {
        out.add(Arguments.of(ds + ": " + k.get("name").asText(), d, k));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> pairwise() {
    List<Arguments> out = new ArrayList<>();
    for (String ds : SurvivalFixtures.KM_DATASETS) {
      JsonNode d = Golden.load("km/" + ds);
      for (JsonNode k : d.get("pairwise")) {
        out.add(Arguments.of(ds + ": " + k.get("name").asText(), d, k));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tests")
  void matchesSurvdiff(String name, JsonNode d, JsonNode k) {
    Rows r = Rows.of(d, k.get("group").asText(), text(k.get("strata")));
    double rho = k.get("rho").asDouble();
    LogRankResult res =
        LogRank.test(r.time(), r.status(), r.group(), r.groupCount(), r.strata(), rho);
    Golden.close("chisq", res.statistic(), k.get("statistic").asDouble());
    assertThat(res.df()).isEqualTo(k.get("df").asInt());
    Golden.closeP("p", res.p(), k.get("p").asDouble());
    int[] codes = Golden.ints(k.get("group_codes"));
    int[] n = Golden.ints(k.get("n"));
    double[] o = Golden.doubles(k.get("observed"));
    double[] e = Golden.doubles(k.get("expected"));
    JsonNode v = k.get("variance");
    for (int i = 0; i < codes.length; i++) {
      assertThat(res.n()[codes[i]]).isEqualTo(n[i]);
      Golden.close("obs " + codes[i], res.observed()[codes[i]], o[i]);
      Golden.close("exp " + codes[i], res.expected()[codes[i]], e[i]);
      for (int j = 0; j < codes.length; j++) {
        // off-diagonal sums can cancel to ~1e-14: absolute tolerance scaled by the diagonal
        double expected = v.get(i).get(j).asDouble();
        double tol =
            Math.max(Golden.REL * Math.abs(expected), 1e-9 * Math.abs(v.get(i).get(i).asDouble()));
        assertThat(res.variance()[codes[i]][codes[j]])
            .as("var %d,%d", i, j)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
      }
    }
    assertThat(res.method()).contains("rho=" + LogRank.formatRho(rho));
    assertThat(res.strataCount() > 1)
        .isEqualTo(k.get("strata") != null && !k.get("strata").isNull());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairwise")
  void matchesPairwiseSurvdiffAndPAdjust(String name, JsonNode d, JsonNode k) {
    Rows r = Rows.of(d, k.get("group").asText(), text(k.get("strata")));
    double rho = k.get("rho").asDouble();
    for (JsonNode adj : k.get("adjusted")) {
      PValueAdjustment method = PValueAdjustment.parse(adj.get("method").asText());
      LogRankPairwiseResult res =
          LogRankPairwise.test(
              r.time(), r.status(), r.group(), r.groupCount(), r.strata(), rho, method);
      JsonNode pairs = k.get("pairs");
      assertThat(res.pairs()).hasSize(pairs.size());
      for (int i = 0; i < pairs.size(); i++) {
        LogRankPair p = res.pairs().get(i);
        assertThat(p.a()).isEqualTo(pairs.get(i).get("a").asInt());
        assertThat(p.b()).isEqualTo(pairs.get(i).get("b").asInt());
        Golden.close("chisq " + i, p.statistic(), pairs.get(i).get("statistic").asDouble());
        Golden.closeP("p " + i, p.p(), pairs.get(i).get("p").asDouble());
        Golden.closeP(method + " " + i, p.pAdjusted(), adj.get("p_adjusted").get(i).asDouble());
        Golden.close("hr " + i, p.hazardRatio(), Golden.num(pairs.get(i).get("hr")));
        Golden.close(
            "hr lower " + i, p.hazardRatioLower(), Golden.num(pairs.get(i).get("hr_lower")));
        Golden.close(
            "hr upper " + i, p.hazardRatioUpper(), Golden.num(pairs.get(i).get("hr_upper")));
      }
    }
  }
}
