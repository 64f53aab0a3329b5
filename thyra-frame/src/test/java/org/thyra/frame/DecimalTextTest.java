package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {
  @ParameterizedTest
  @CsvSource({
    "1,1",
    "-1,-1",
    "+2.5,2.5",
    ".5,0.5",
    "5.,5",
    "1e3,1000",
    "1E-3,0.001",
    "0,0",
    "-0.0,-0.0",
    "123456789012345678901234,1.2345678901234568E23",
    "0.1,0.1",
    "1e400,Infinity"
  })
  void parsesDecimals(String text, double expected) {
    assertThat(DecimalText.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "+", "-", ".", "e5", "1e", "1e+", "1,5", "0x10", "NaN", "Inf", "1d", "1f", "1 2", "abc",
        "1.2.3", "--1"
      })
  void rejectsNonDecimals(String text) {
    assertThat(DecimalText.parse(text)).isNaN();
  }

  @Test
  void agreesWithJavaParsingOnRandomDecimals() {
    SplittableRandom rng = new SplittableRandom(20261122L);
    for (int i = 0; i < 20000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> rng.nextDouble() * 1000;
            case 1 -> Math.round(rng.nextDouble() * 1e6) / 100.0;
            case 2 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-30, 30));
            default -> rng.nextInt(-100000, 100000);
          };
      String text = Double.toString(v);
      assertThat(DecimalText.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
      String fixed = String.format(java.util.Locale.ROOT, "%.6f", v);
      assertThat(DecimalText.parse(fixed)).as(fixed).isEqualTo(Double.parseDouble(fixed));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1,1",
    "0.5,0.5",
    "100000,1e+05",
    "0.0001,1e-04",
    "123456.7,123456.7",
    "-3,-3",
    "0.333333333333333314829616256247,0.333333333333333",
    "1e-20,1e-20",
    "123456,123456",
    "1.5e15,1.5e+15",
    "0,0",
    "2.5,2.5"
  })
  void formatsAsR(double value, String expected) {
    // expected values printed by R 4.2: levels(factor(value))
    assertThat(DecimalText.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    // fixed range: R 4.2's signif(x, 4); outside it: sprintf("%.3e", x) (Java's exponent digits)
    "0.000123456, 0.0001235",
    "1234567.891, 1235000",
    "3.14159265, 3.142",
    "0.30000000000000004, 0.3",
    "99.99999, 100",
    "-2.5e-7, -2.500e-07",
    "1e15, 1.000e+15",
    "0, 0",
    "NaN, NA",
    "Infinity, Inf",
    "-Infinity, -Inf"
  })
  void signifKeepsFourSignificantDigitsAsR(double value, String expected) {
    assertThat(DecimalText.signif(value, 4)).isEqualTo(expected);
  }
}
