package org.thyra.clinical.staging;

/**
 * AJCC distant metastasis (M) categories. MX is not a category in the 7th or 8th edition (it was
 * removed in the 7th); a record saying MX is rejected with a message rather than guessed.
 */
public enum MCategory {
  M0,
  M1;

  /** Reads {@code M0}, {@code cM0}, {@code pM1}, {@code 1}, any case; MX is rejected. */
  public static MCategory parse(String text) {
    String t = StagingText.normalise(text, 'M');
    if (t.equals("MX")) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "': MX is not an AJCC 7th/8th edition category; record M0 when no distant metastasis is known");
    }
    for (MCategory c : values()) {
      if (c.name().equals(t)) {
        return c;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not an AJCC M category (M0, M1)");
  }
}
