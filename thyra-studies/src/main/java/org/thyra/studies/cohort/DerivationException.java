package org.thyra.studies.cohort;

/** A derivation that cannot be applied; {@link #index()} is its position in {@code derive}. */
public final class DerivationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int index;

  public DerivationException(int index, String message) {
    super(message);
    this.index = index;
  }

  /** The derivation's 0-based position in the protocol's {@code derive} list. */
  public int index() {
    return index;
  }
}
