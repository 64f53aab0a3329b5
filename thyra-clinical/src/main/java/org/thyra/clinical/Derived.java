package org.thyra.clinical;

import java.util.List;
import java.util.Objects;

/**
 * A value a rule derived, with the reason: which criterion fired and which values decided it.
 *
 * <p>A {@code null} value means the rule could not decide (an input it needs is missing or a
 * category is too coarse, e.g. T4 without a/b); the reason then says what is missing.
 *
 * @param value the derived value, or {@code null} when undetermined
 * @param reason which criterion fired and the values that decided it
 * @param warnings caveats that do not change the value (e.g. "TgAb not recorded")
 * @param <T> the value type
 */
public record Derived<T>(T value, String reason, List<String> warnings) {

  public Derived {
    Objects.requireNonNull(reason, "reason");
    warnings = List.copyOf(warnings);
  }

  /** A decided value with its reason. */
  public static <T> Derived<T> of(T value, String reason) {
    return new Derived<>(Objects.requireNonNull(value, "value"), reason, List.of());
  }

  /** A value that could not be decided, with the reason why. */
  public static <T> Derived<T> undetermined(String reason) {
    return new Derived<>(null, reason, List.of());
  }

  /** This result with an added warning. */
  public Derived<T> withWarning(String warning) {
    List<String> w = new java.util.ArrayList<>(warnings);
    w.add(warning);
    return new Derived<>(value, reason, w);
  }

  /** True when a value was derived. */
  public boolean isDetermined() {
    return value != null;
  }
}
