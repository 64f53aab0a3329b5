package org.thyra.stats.contingency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

/** chisq.test (with/without Yates), fisher.test (2×2 and r×c) and mcnemar.test against R. */
class ContingencyGoldenTest {

  static Stream<JsonNode> tables() {
    return Golden.cases(Golden.read("cohort/tables.json"), "cases").stream();
  }

  static Stream<JsonNode> mcnemar() {
    return Golden.cases(Golden.read("cohort/mcnemar.json"), "cases").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void chiSquareAgreesWithR(JsonNode c) {
    String name = c.get("name").asText();
    long[][] t = Golden.counts(c.get("table"));
    ChiSquareResult r = ChiSquareTest.test(t, false);
    JsonNode g = c.get("chisq");
    close(name + " X2", r.statistic(), g.get("statistic"));
    close(name + " df", r.df(), g.get("df"));
    close(name + " p", r.p(), g.get("p"));
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t[0].length; j++) {
        close(name + " E", r.expected()[i][j], g.get("expected").get(i).get(j));
      }
    }
    assertThat(r.expectedAtLeastFive()).as(name).isEqualTo(!g.get("small_expected").asBoolean());
    assertThat(r.warnings().contains("Chi-squared approximation may be incorrect"))
        .isEqualTo(g.get("small_expected").asBoolean());
    if (c.has("chisq_yates")) {
      ChiSquareResult y = ChiSquareTest.test(t, true);
      assertThat(y.method()).contains("Yates");
      close(name + " Yates X2", y.statistic(), c.get("chisq_yates").get("statistic"));
      close(name + " Yates p", y.p(), c.get("chisq_yates").get("p"));
    } else {
      // the correction applies to 2x2 tables only
      assertThat(ChiSquareTest.test(t, true).statistic()).isEqualTo(r.statistic());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void fisherAgreesWithR(JsonNode c) {
    String name = c.get("name").asText();
    FisherExactResult r = FisherExactTest.test(Golden.counts(c.get("table")));
    close(name + " fisher p", r.p(), c.get("fisher").get("p"));
    if (c.get("fisher").has("odds_ratio")) {
      // R's uniroot stops at ~1e-4: compare to 4 significant digits
      double expected = c.get("fisher").get("odds_ratio").asDouble();
      assertThat(Math.abs(r.oddsRatio() - expected) / expected).as(name + " OR").isLessThan(5e-4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mcnemar")
  void mcnemarAgreesWithR(JsonNode c) {
    String name = c.get("name").asText();
    boolean correct = !name.contains("no correction");
    ChiSquareResult r = McNemarTest.test(Golden.counts(c.get("table")), correct);
    assertThat(r.method()).isEqualTo(c.get("method").asText());
    close(name + " X2", r.statistic(), c.get("statistic"));
    close(name + " df", r.df(), c.get("df"));
    close(name + " p", r.p(), c.get("p"));
  }

  static Stream<JsonNode> fisherStress() {
    return Golden.cases(Golden.read("cohort/tables.json"), "fisher_stress").stream();
  }

  @ParameterizedTest
  @MethodSource("fisherStress")
  void largerTablesAgreeWithFexact(JsonNode c) {
    FisherExactResult r = FisherExactTest.test(Golden.counts(c.get("table")));
    close("fisher p " + c.get("table"), r.p(), c.get("p"));
  }

  /** The r×c enumeration and the 2×2 hypergeometric path agree on random 2×2 tables. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void twoByTwoEqualsItsTwoByThreeEmbedding(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    long[][] t = new long[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        t[i][j] = rng.nextInt(25);
      }
    }
    t[0][0] += 1;
    t[1][1] += 1;
    // an extra all-zero column is dropped, so the r×c path must reproduce the 2×2 result
    long[][] padded = {{t[0][0], t[0][1], 0}, {t[1][0], t[1][1], 0}};
    FisherExactResult a = FisherExactTest.test(t);
    FisherExactResult b = FisherExactTest.test(padded);
    assertThat(b.p()).isCloseTo(a.p(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b.warnings()).isNotEmpty();
  }

  /** Sum of all table probabilities is 1: a table with p = 1 by symmetry. */
  @Test
  void perfectlyBalancedTableHasPOne() {
    FisherExactResult r = FisherExactTest.test(new long[][] {{3, 3, 3}, {3, 3, 3}});
    assertThat(r.p()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void emptyColumnGivesNaNChiSquareWithWarning() {
    ChiSquareResult r = ChiSquareTest.test(new long[][] {{3, 0}, {4, 0}}, false);
    assertThat(r.statistic()).isNaN();
    assertThat(r.warnings()).anyMatch(w -> w.contains("no observations"));
  }

  @Test
  void bowkerWithAnEmptyOffDiagonalPairIsUndefinedAsR() {
    ChiSquareResult r = McNemarTest.test(new long[][] {{5, 0, 2}, {0, 4, 1}, {3, 2, 6}}, true);
    assertThat(r.statistic()).isNaN();
    assertThat(r.warnings()).hasSize(1);
    assertThat(r.df()).isEqualTo(3);
  }

  @Test
  void badTablesAreRejected() {
    assertThatThrownBy(() -> ChiSquareTest.test(new long[][] {{1, 2}}, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 rows");
    assertThatThrownBy(() -> FisherExactTest.test(new long[][] {{1, -2}, {3, 4}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative count");
    assertThatThrownBy(() -> McNemarTest.test(new long[][] {{1, 2, 3}, {3, 4, 5}}, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("square");
    assertThatThrownBy(() -> FisherExactTest.test(new long[][] {{1, 2}, {3, 4, 5}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ragged");
  }

  @Test
  void hugeTablesFailClearlyInsteadOfRunningForever() {
    long[][] t = {
      {40, 35, 30, 25, 20}, {30, 35, 40, 45, 20}, {25, 30, 35, 20, 40}, {20, 25, 30, 35, 40}
    };
    assertThatThrownBy(() -> FisherExactTest.test(t, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }
}
