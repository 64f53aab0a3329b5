package org.thyra.clinical.units;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Units of serum thyroglobulin concentration.
 *
 * <p>ng/mL and µg/L are the same quantity (1 ng/mL = 1 µg/L: 10<sup>-9</sup> g / 10<sup>-3</sup> L
 * = 10<sup>-6</sup> g / 1 L); 1 ng/mL = 1000 ng/L. Both the micro sign (U+00B5) and the Greek mu
 * (U+03BC), and "u" for either, are accepted when parsing.
 */
public enum TgUnit {
  /** Nanograms per millilitre, the canonical unit. */
  NG_PER_ML("ng/mL", BigDecimal.ONE),
  /** Micrograms per litre: identical to ng/mL. */
  UG_PER_L("µg/L", BigDecimal.ONE),
  /** Nanograms per litre: 1000 ng/L = 1 ng/mL. */
  NG_PER_L("ng/L", new BigDecimal("0.001"));

  private final String symbol;
  private final BigDecimal ngPerMlPerUnit;

  TgUnit(String symbol, BigDecimal ngPerMlPerUnit) {
    this.symbol = symbol;
    this.ngPerMlPerUnit = ngPerMlPerUnit;
  }

  public String symbol() {
    return symbol;
  }

  /** How many ng/mL one of this unit is (exact). */
  public BigDecimal ngPerMlPerUnit() {
    return ngPerMlPerUnit;
  }

  /** Converts a value in this unit to ng/mL, exactly. */
  public BigDecimal toNgPerMl(BigDecimal value) {
    return value.multiply(ngPerMlPerUnit);
  }

  /**
   * Parses a unit symbol case-insensitively: {@code ng/mL}, {@code µg/L}, {@code μg/L}, {@code
   * ug/L}, {@code ng/L}.
   */
  public static TgUnit parse(String text) {
    if (text != null) {
      String t = text.trim().replace('\u00b5', 'u').replace('\u03bc', 'u').toLowerCase(Locale.ROOT);
      switch (t) {
        case "ng/ml":
          return NG_PER_ML;
        case "ug/l":
          return UG_PER_L;
        case "ng/l":
          return NG_PER_L;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "unknown thyroglobulin unit '" + text + "': expected one of ng/mL, µg/L (= ng/mL), ng/L");
  }
}
