package org.thyra.clinical.staging;

import java.util.Locale;

/** Normalises TNM text as written in records (prefixes c/p/yp/r, suffix (m), spaces). */
final class StagingText {

  private StagingText() {}

  static String normalise(String text, char letter) {
    if (text == null) {
      throw new IllegalArgumentException("no " + letter + " category given");
    }
    String t = text.trim().replace(" ", "").toUpperCase(Locale.ROOT);
    if (t.endsWith("(M)")) {
      t = t.substring(0, t.length() - 3);
    }
    // Prefixes: y (after therapy), r (recurrence), c (clinical), p (pathological), a (autopsy).
    while (t.length() > 1 && "YRCPA".indexOf(t.charAt(0)) >= 0 && t.charAt(0) != letter) {
      t = t.substring(1);
    }
    if (!t.isEmpty() && t.charAt(0) != letter) {
      t = letter + t;
    }
    return t;
  }
}
