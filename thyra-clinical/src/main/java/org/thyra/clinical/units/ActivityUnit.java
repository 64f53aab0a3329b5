package org.thyra.clinical.units;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Units of administered radioactivity.
 *
 * <p>1 mCi = 37 MBq exactly (1 Ci = 3.7 × 10<sup>10</sup> Bq by definition); 1 GBq = 1000 MBq.
 * Conversions to MBq are multiplications by an integer, so they are exact in decimal arithmetic.
 */
public enum ActivityUnit {
  /** Megabecquerel, the canonical unit. */
  MBQ("MBq", BigDecimal.ONE),
  /** Gigabecquerel: 1 GBq = 1000 MBq. */
  GBQ("GBq", BigDecimal.valueOf(1000)),
  /** Millicurie: 1 mCi = 37 MBq exactly. */
  MCI("mCi", BigDecimal.valueOf(37));

  private final String symbol;
  private final BigDecimal megabecquerelPerUnit;

  ActivityUnit(String symbol, BigDecimal megabecquerelPerUnit) {
    this.symbol = symbol;
    this.megabecquerelPerUnit = megabecquerelPerUnit;
  }

  /** The usual symbol ({@code MBq}, {@code GBq}, {@code mCi}). */
  public String symbol() {
    return symbol;
  }

  /** How many MBq one of this unit is (exact). */
  public BigDecimal megabecquerelPerUnit() {
    return megabecquerelPerUnit;
  }

  /**
   * Parses a unit symbol, case-insensitively ({@code mci}, {@code MBq}, {@code gbq}).
   *
   * @throws IllegalArgumentException naming the unknown unit and the accepted ones
   */
  public static ActivityUnit parse(String text) {
    if (text != null) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      for (ActivityUnit u : values()) {
        if (u.symbol.toLowerCase(Locale.ROOT).equals(t)) {
          return u;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown activity unit '" + text + "': expected one of MBq, GBq, mCi");
  }
}
