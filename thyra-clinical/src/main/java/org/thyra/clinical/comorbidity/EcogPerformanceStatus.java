package org.thyra.clinical.comorbidity;

import org.thyra.clinical.Derived;

/**
 * ECOG performance status (Oken MM et al., Am J Clin Oncol 1982;5:649–655), and its conversion from
 * the Karnofsky performance status.
 *
 * <p>Karnofsky → ECOG (the usual correspondence, e.g. Oken 1982; Buccheri 1996): 100–90 → 0, 80–70
 * → 1, 60–50 → 2, 40–30 → 3, 20–10 → 4, 0 → 5. Karnofsky scores are multiples of 10; others are
 * rejected. <em>Karnofsky 80 is ECOG 1, 90 is ECOG 0.</em>
 */
public enum EcogPerformanceStatus {
  ECOG_0("fully active, able to carry on all pre-disease performance without restriction"),
  ECOG_1(
      "restricted in physically strenuous activity but ambulatory and able to carry out light work"),
  ECOG_2(
      "ambulatory and capable of all self-care but unable to work; up and about more than 50 % of waking hours"),
  ECOG_3(
      "capable of only limited self-care; confined to bed or chair more than 50 % of waking hours"),
  ECOG_4("completely disabled; cannot carry on any self-care; totally confined to bed or chair"),
  ECOG_5("dead");

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String KARNOFSKY_METHOD =
      "ECOG from Karnofsky (Oken 1982; Buccheri 1996): 90–100 → 0, 70–80 → 1, 50–60 → 2, 30–40 → 3, 10–20 → 4, 0 → 5";

  private final String description;

  EcogPerformanceStatus(String description) {
    this.description = description;
  }

  /** The grade, 0–5. */
  public int grade() {
    return ordinal();
  }

  /** The ECOG description of the grade. */
  public String description() {
    return description;
  }

  /** The status for a grade 0–5. */
  public static EcogPerformanceStatus of(int grade) {
    if (grade < 0 || grade > 5) {
      throw new IllegalArgumentException(
          "ECOG performance status must be an integer 0–5, got " + grade);
    }
    return values()[grade];
  }

  /** Converts a Karnofsky score (0–100, multiple of 10). */
  public static Derived<EcogPerformanceStatus> fromKarnofsky(int karnofsky) {
    return fromKarnofskyDecided(karnofsky).withMethod(KARNOFSKY_METHOD);
  }

  private static Derived<EcogPerformanceStatus> fromKarnofskyDecided(int karnofsky) {
    if (karnofsky < 0 || karnofsky > 100 || karnofsky % 10 != 0) {
      throw new IllegalArgumentException(
          "Karnofsky performance status must be 0, 10, ..., 100, got " + karnofsky);
    }
    int ecog = karnofsky == 100 ? 0 : karnofsky == 0 ? 5 : 4 - (karnofsky - 10) / 20;
    EcogPerformanceStatus s = of(ecog);
    return Derived.of(s, "Karnofsky " + karnofsky + " → ECOG " + ecog + " (" + s.description + ")");
  }
}
