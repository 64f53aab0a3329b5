package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.golden.Golden;

/**
 * {@link SortedOutcome}: the one-covariate Cox coefficient and Harrell's C against R
 * (src/test/r/sorted_outcome_goldens.R, golden/refit) and against {@link CoxModel} / {@link
 * Concordance} on seeded data with heavy ties.
 */
class SortedOutcomeTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lung_lp", "pbc_protime", "veteran_karno", "veteran_celltype"})
  void agreesWithCoxphAndConcordance(String name) {
    final JsonNode g = Golden.load("refit/" + name);
    final double[] time = Golden.doubles(g.get("time"));
    final int[] status = Golden.ints(g.get("status"));
    final double[] z = Golden.doubles(g.get("z"));
    final SortedOutcome o = SortedOutcome.of(time, status);
    assertThat(o.size()).isEqualTo(time.length);
    close(o.coxCoefficient(z, Ties.EFRON, 1e-9, 20), g.get("coef_efron").asDouble());
    close(o.coxCoefficient(z, Ties.BRESLOW, 1e-9, 20), g.get("coef_breslow").asDouble());
    final ConcordanceResult c = o.concordance(z, true);
    close(c.c(), g.get("c_reverse").asDouble());
    close(c.se(), g.get("c_se_reverse").asDouble());
    assertThat(o.harrellC(z, true)).isEqualTo(c.c());
    assertThat(o.harrellC(z, false)).isEqualTo(o.concordance(z, false).c());
  }

  /**
   * Seeded data with tied times, tied values and censoring at event times: equal to CoxModel.fit.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void equalsTheFullCoxFit(long seed) {
    final SplittableRandom rng = new SplittableRandom(seed);
    final int n = 50 + rng.nextInt(300);
    final double[] time = new double[n];
    final int[] status = new int[n];
    final double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rng.nextInt(6) * 0.5 + (seed % 2 == 0 ? rng.nextDouble() : 0);
      time[i] = 1 + rng.nextInt(40);
      status[i] = rng.nextDouble() < 0.6 ? 1 : 0;
    }
    final SortedOutcome o = SortedOutcome.of(time, status);
    for (Ties ties : Ties.values()) {
      final double full =
          CoxModel.fit(time, status, new double[][] {z}, List.of("z"), null, CoxOptions.of(ties))
              .coefficients()[0];
      assertThat(o.coxCoefficient(z, ties, CoxOptions.DEFAULT_EPSILON, 20))
          .isCloseTo(full, Offset.offset(1e-9 * Math.max(1, Math.abs(full))));
    }
    final ConcordanceResult expected = Concordance.compute(time, status, z, null, false);
    final ConcordanceResult actual = o.concordance(z, false);
    assertThat(actual.c()).isEqualTo(expected.c());
    assertThat(actual.concordant()).isEqualTo(expected.concordant());
    assertThat(actual.tiedTime()).isEqualTo(expected.tiedTime());
    assertThat(o.harrellC(z, false)).isEqualTo(expected.c());
    assertThat(o.harrellC(z, true)).isEqualTo(Concordance.compute(time, status, z, null, true).c());
  }

  @Test
  void harrellCWithoutComparablePairsIsNaN() {
    assertThat(
            SortedOutcome.of(new double[] {1, 2, 3}, new int[] {0, 0, 0})
                .harrellC(new double[] {1, 2, 3}, true))
        .isNaN();
    // two events at the same time and nothing later: tied on time, not comparable
    assertThat(
            SortedOutcome.of(new double[] {5, 5}, new int[] {1, 1})
                .harrellC(new double[] {1, 2}, false))
        .isNaN();
    // a censoring at an event's time outlives it
    assertThat(
            SortedOutcome.of(new double[] {5, 5}, new int[] {1, 0})
                .harrellC(new double[] {1, 2}, false))
        .isEqualTo(1.0);
  }

  @Test
  void timesDifferingByNoiseAreTiedAsCoxph() {
    final double[] time = {1, 1 + 1e-12, 2, 3, 3, 4, 5, 6};
    final int[] status = {1, 1, 0, 1, 1, 0, 1, 1};
    final double[] z = {0.3, 1.2, -0.5, 2.0, 0.1, 0.7, -1.0, 0.4};
    final double full =
        CoxModel.fit(time, status, new double[][] {z}, List.of("z"), null, CoxOptions.defaults())
            .coefficients()[0];
    assertThat(SortedOutcome.of(time, status).coxCoefficient(z, Ties.EFRON, 1e-9, 20))
        .isCloseTo(full, Offset.offset(1e-9));
  }

  @Test
  void constantCovariateOrNoEventsGiveNaN() {
    final double[] time = {1, 2, 3, 4};
    assertThat(
            SortedOutcome.of(time, new int[] {1, 0, 1, 1})
                .coxCoefficient(new double[] {2, 2, 2, 2}, Ties.EFRON, 1e-9, 20))
        .isNaN();
    assertThat(
            SortedOutcome.of(time, new int[] {0, 0, 0, 0})
                .coxCoefficient(new double[] {1, 2, 3, 4}, Ties.EFRON, 1e-9, 20))
        .isNaN();
  }

  @Test
  void invalidInputIsRefused() {
    assertThatThrownBy(() -> SortedOutcome.of(new double[] {1, -1}, new int[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time must be finite and >= 0");
    assertThatThrownBy(() -> SortedOutcome.of(new double[] {1, 2}, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status must be 0 or 1");
    final SortedOutcome o = SortedOutcome.of(new double[] {1, 2}, new int[] {1, 0});
    assertThatThrownBy(() -> o.concordance(new double[] {1}, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one value per subject (2)");
    assertThatThrownBy(() -> o.coxCoefficient(new double[] {1, Double.NaN}, Ties.EFRON, 1e-9, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, Offset.offset(1e-6 * Math.abs(expected) + 1e-12));
  }
}
