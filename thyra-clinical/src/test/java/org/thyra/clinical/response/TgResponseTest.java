package org.thyra.clinical.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.response.TgResponse.Boundary;

class TgResponseTest {

  @ParameterizedTest(name = "{0} → {1} threshold {2} {3} → {4}")
  @CsvSource({
    "100, 75, 25, INCLUSIVE, PR", // exactly −25 % is PR (seed 001: ≥ 25 %)
    "100, 75, 25, EXCLUSIVE, SD", // exactly −25 % is SD (seed 004: > 25 %)
    "1.2, 0.9, 25, INCLUSIVE, PR", // −25 % exactly in decimals (in doubles −25.000000000000006 %)
    "1.2, 0.9, 25, EXCLUSIVE, SD",
    "100, 75.01, 25, INCLUSIVE, SD",
    "100, 74.99, 25, EXCLUSIVE, PR",
    "100, 125, 25, INCLUSIVE, PD", // exactly +25 % is PD (inclusive)
    "100, 125, 25, EXCLUSIVE, SD",
    "100, 124.99, 25, INCLUSIVE, SD",
    "100, 125.01, 25, EXCLUSIVE, PD",
    "0.8, 0.6, 25, INCLUSIVE, PR",
    "100, 50, 50, INCLUSIVE, PR", // threshold is a parameter
    "100, 60, 50, INCLUSIVE, SD",
    "100, 100, 25, INCLUSIVE, SD",
    "5, 0, 25, INCLUSIVE, PR",
  })
  void table(
      String before, String after, String threshold, Boundary boundary, TgTrendResponse expected) {
    var r =
        TgResponse.classify(
            new BigDecimal(before), new BigDecimal(after), new BigDecimal(threshold), boundary);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
  }

  @Test
  void zeroBaselineIsUndetermined() {
    assertThat(TgResponse.classify(0, 3).isDetermined()).isFalse();
  }

  @Test
  void rejectsNegativeValuesAndThresholds() {
    assertThatThrownBy(() -> TgResponse.classify(-1, 3))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(
            () ->
                TgResponse.classify(
                    BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, Boundary.INCLUSIVE))
        .hasMessageContaining("positive percentage");
  }

  @Test
  void reasonNamesTheChange() {
    assertThat(TgResponse.classify(200, 100).reason()).contains("ΔTg -50 %").contains("→ PR");
  }
}
