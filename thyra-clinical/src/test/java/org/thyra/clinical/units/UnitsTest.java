package org.thyra.clinical.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

  @ParameterizedTest
  @CsvSource({
    "1, MCI, 37",
    "150, MCI, 5550",
    "5.55, GBQ, 5550",
    "600, MCI, 22200",
    "22.2, GBQ, 22200",
    "1, MBQ, 1"
  })
  void toMegabecquerelExactly(String value, ActivityUnit unit, String mbq) {
    assertThat(Activity.of(value, unit).megabecquerel()).isEqualByComparingTo(mbq);
  }

  @Test
  void conversionsAndExactComparisons() {
    assertThat(Activity.of("5.55", ActivityUnit.GBQ).in(ActivityUnit.MCI))
        .isEqualByComparingTo("150");
    assertThat(Activity.of("37", ActivityUnit.MBQ).in(ActivityUnit.MCI)).isEqualByComparingTo("1");
    Activity sixHundred = Activity.of("600", ActivityUnit.MCI);
    assertThat(Activity.of("22.2", ActivityUnit.GBQ).exceeds(sixHundred)).isFalse();
    assertThat(Activity.of("22.2", ActivityUnit.GBQ).compareTo(sixHundred)).isZero();
    assertThat(Activity.of("22.200001", ActivityUnit.GBQ).exceeds(sixHundred)).isTrue();
    assertThat(
            Activity.of("150", ActivityUnit.MCI)
                .plus(Activity.of("5.55", ActivityUnit.GBQ))
                .value())
        .isEqualByComparingTo("300");
    assertThat(ActivityUnit.parse("gbq")).isEqualTo(ActivityUnit.GBQ);
    assertThatThrownBy(() -> ActivityUnit.parse("Ci"))
        .hasMessageContaining("unknown activity unit 'Ci'");
    assertThatThrownBy(() -> Activity.of("-1", ActivityUnit.MCI))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void tgUnits() {
    assertThat(TgUnit.parse("µg/L")).isEqualTo(TgUnit.UG_PER_L); // micro sign
    assertThat(TgUnit.parse("μg/L")).isEqualTo(TgUnit.UG_PER_L); // Greek mu
    assertThat(TgUnit.parse("ug/l")).isEqualTo(TgUnit.UG_PER_L);
    assertThat(TgUnit.UG_PER_L.toNgPerMl(new BigDecimal("35"))).isEqualByComparingTo("35");
    assertThat(TgUnit.NG_PER_L.toNgPerMl(new BigDecimal("528.5"))).isEqualByComparingTo("0.5285");
    assertThatThrownBy(() -> TgUnit.parse("pmol/L"))
        .hasMessageContaining("unknown thyroglobulin unit");
  }
}
