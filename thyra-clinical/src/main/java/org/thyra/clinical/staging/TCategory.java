package org.thyra.clinical.staging;

import java.util.Locale;

/** AJCC primary tumour (T) categories for thyroid carcinoma, across the 7th and 8th editions. */
public enum TCategory {
  TX,
  T0,
  T1,
  T1A,
  T1B,
  T2,
  T3,
  T3A,
  T3B,
  T4,
  T4A,
  T4B;

  /** The label as AJCC writes it, e.g. {@code T1a}. */
  public String label() {
    String n = name();
    return n.length() == 3 ? n.substring(0, 2) + n.substring(2).toLowerCase(Locale.ROOT) : n;
  }

  /** True for T1, T1a, T1b. */
  public boolean isT1() {
    return this == T1 || this == T1A || this == T1B;
  }

  /** True for T3, T3a, T3b. */
  public boolean isT3() {
    return this == T3 || this == T3A || this == T3B;
  }

  /**
   * Reads a T category as written in records: {@code T1a}, {@code pT1a}, {@code cT3b}, {@code
   * ypT2}, {@code 1b}, {@code T1a(m)} (the multifocality suffix is ignored), any case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static TCategory parse(String text) {
    String t = StagingText.normalise(text, 'T');
    for (TCategory c : values()) {
      if (c.name().equals(t)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not an AJCC T category (TX, T0, T1, T1a, T1b, T2, T3, T3a, T3b, T4, T4a, T4b)");
  }

  @Override
  public String toString() {
    return label();
  }
}
