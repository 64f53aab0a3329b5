package org.thyra.stats.survival;

/**
 * Approximation of the Cox partial likelihood for tied event times.
 *
 * <p>Reference: Efron B (1977) JASA 72:557–565; Breslow NE (1974) Biometrics 30:89–99.
 */
public enum Ties {
  /** Efron's approximation (R's default for {@code coxph}). */
  EFRON("Efron"),
  /** Breslow's approximation. */
  BRESLOW("Breslow");

  private final String label;

  Ties(String label) {
    this.label = label;
  }

  /**
   * Human-readable name used in {@code method()} descriptions.
   *
   * @return "Efron" or "Breslow"
   */
  public String label() {
    return label;
  }
}
