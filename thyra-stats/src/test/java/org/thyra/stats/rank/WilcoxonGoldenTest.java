package org.thyra.stats.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

/**
 * Wilcoxon rank-sum and signed-rank tests against R (birthwt, lung, pbc, lalonde, anorexia, immer,
 * sleep).
 */
class WilcoxonGoldenTest {

  static Stream<JsonNode> rankSum() {
    return Golden.cases(Golden.read("cohort/wilcoxon_ranksum.json"), "cases").stream();
  }

  static Stream<JsonNode> signedRank() {
    return Golden.cases(Golden.read("cohort/wilcoxon_signedrank.json"), "cases").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rankSum")
  void rankSumAgreesWithR(JsonNode c) {
    String name = c.get("name").asText();
    RankTestResult r = WilcoxonRankSumTest.test(doubles(c.get("x")), doubles(c.get("y")));
    assertThat(r.method()).as(name).isEqualTo(c.get("method").asText());
    close(name + " W", r.statistic(), c.get("statistic"));
    close(name + " p", r.p(), c.get("p"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedRank")
  void signedRankAgreesWithR(JsonNode c) {
    String name = c.get("name").asText();
    RankTestResult r = WilcoxonSignedRankTest.paired(doubles(c.get("x")), doubles(c.get("y")));
    assertThat(r.method()).as(name).isEqualTo(c.get("method").asText());
    close(name + " V", r.statistic(), c.get("statistic"));
    close(name + " p", r.p(), c.get("p"));
  }

  /** The exact null distribution of U sums to C(m+n, m) and is symmetric about mn/2. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 17, 49})
  void exactDistributionIsAProbabilityAndSymmetric(int m) {
    int n = 49 - m / 2;
    double[] u = WilcoxonRankSumTest.countsOfU(m, n);
    double total = 0;
    for (double v : u) {
      total += v;
    }
    double choose = 1;
    for (int i = 1; i <= m; i++) {
      choose = choose * (n + i) / i;
    }
    assertThat(total / choose).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    for (int k = 0; k < u.length; k++) {
      assertThat(u[k])
          .isEqualTo(u[u.length - 1 - k], org.assertj.core.data.Offset.offset(u[k] * 1e-12));
    }
  }

  /** Swapping the samples leaves the two-sided p unchanged (seeded property check). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void pIsSymmetricInTheSamples(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int m = 3 + rng.nextInt(60);
    int n = 3 + rng.nextInt(60);
    double[] x = rng.doubles(m).map(v -> Math.floor(v * 40)).toArray();
    double[] y = rng.doubles(n).map(v -> Math.floor(v * 40 + 5)).toArray();
    RankTestResult a = WilcoxonRankSumTest.test(x, y);
    RankTestResult b = WilcoxonRankSumTest.test(y, x);
    assertThat(a.p()).isCloseTo(b.p(), org.assertj.core.data.Offset.offset(1e-14));
    assertThat(a.statistic() + b.statistic()).isEqualTo((double) m * n);
  }

  @Test
  void allTiedSamplesGiveUndefinedTest() {
    RankTestResult r = WilcoxonRankSumTest.test(new double[] {3, 3, 3}, new double[] {3, 3});
    assertThat(r.exact()).isFalse();
    assertThat(r.p()).isNaN();
    assertThat(r.warnings()).contains("cannot compute exact p-value with ties");
  }

  @Test
  void allZeroDifferencesAreReported() {
    RankTestResult r =
        WilcoxonSignedRankTest.paired(new double[] {1, 2, 3}, new double[] {1, 2, 3});
    assertThat(r.n()).isZero();
    assertThat(r.p()).isNaN();
    assertThat(r.warnings()).anyMatch(w -> w.contains("all differences are zero"));
  }

  @Test
  void emptySampleIsRejected() {
    assertThatThrownBy(() -> WilcoxonRankSumTest.test(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> WilcoxonSignedRankTest.paired(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
  }

  @Test
  void kruskalWallisNeedsTwoGroups() {
    assertThatThrownBy(() -> KruskalWallisTest.test(new double[] {1, 2, 3}, new double[] {1, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("all observations are in the same group");
  }
}
