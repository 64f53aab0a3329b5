package org.thyra.clinical.staging;

import java.util.Locale;

/** AJCC regional lymph node (N) categories for thyroid carcinoma (7th and 8th editions). */
public enum NCategory {
  NX,
  N0,
  N0A,
  N0B,
  N1,
  N1A,
  N1B;

  /** The label as AJCC writes it, e.g. {@code N1b}. */
  public String label() {
    String n = name();
    return n.length() == 3 ? n.substring(0, 2) + n.substring(2).toLowerCase(Locale.ROOT) : n;
  }

  /** True for N0, N0a, N0b. */
  public boolean isN0() {
    return this == N0 || this == N0A || this == N0B;
  }

  /** True for N1, N1a, N1b. */
  public boolean isN1() {
    return this == N1 || this == N1A || this == N1B;
  }

  /** Reads {@code N1b}, {@code pN1a}, {@code cN0}, {@code 1b}, any case. */
  public static NCategory parse(String text) {
    String t = StagingText.normalise(text, 'N');
    for (NCategory c : values()) {
      if (c.name().equals(t)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not an AJCC N category (NX, N0, N0a, N0b, N1, N1a, N1b)");
  }

  @Override
  public String toString() {
    return label();
  }
}
