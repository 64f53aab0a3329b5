package org.thyra.clinical;

import java.util.List;
import java.util.Objects;

/**
 * A value a rule derived, with the reason (which criterion fired and which values decided it) and
 * the method (which convention, edition and thresholds the rule applied).
 *
 * <p>A {@code null} value means the rule could not decide (an input it needs is missing or a
 * category is too coarse, e.g. T4 without a/b); the reason then says what is missing.
 *
 * @param value the derived value, or {@code null} when undetermined
 * @param reason which criterion fired and the values that decided it
 * @param warnings caveats that do not change the value (e.g. "TgAb not recorded")
 * @param method the convention, edition and thresholds used (e.g. "AJCC 8th ed.; age cut-off ≥ 55
 *     years"); every public rule entry point sets it, an empty string only inside a rule
 * @param <T> the value type
 */
public record Derived<T>(T value, String reason, List<String> warnings, String method) {

  public Derived {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(method, "method");
    warnings = List.copyOf(warnings);
  }

  /** A result whose method the rule's entry point adds with {@link #withMethod(String)}. */
  public Derived(T value, String reason, List<String> warnings) {
    this(value, reason, warnings, "");
  }

  /** A decided value with its reason. */
  public static <T> Derived<T> of(T value, String reason) {
    return new Derived<>(Objects.requireNonNull(value, "value"), reason, List.of(), "");
  }

  /** A value that could not be decided, with the reason why. */
  public static <T> Derived<T> undetermined(String reason) {
    return new Derived<>(null, reason, List.of(), "");
  }

  /** This result with an added warning. */
  public Derived<T> withWarning(String warning) {
    List<String> w = new java.util.ArrayList<>(warnings);
    w.add(warning);
    return new Derived<>(value, reason, w, method);
  }

  /**
   * This result stating the method (convention, edition, thresholds) that produced it.
   *
   * <p>Every rule's public entry point is {@code return xDecided(...).withMethod(METHOD);} over a
   * private {@code xDecided} that returns the value and reason: the method text is attached in one
   * place per rule, whichever branch decided. The duplicates tool pairs these entry points by shape
   * (e.g. RecistNonTarget / RecistOverall / TechnicalSuccess / MetastasisTiming); they differ in
   * every argument and are kept as the one pattern of the package.
   */
  public Derived<T> withMethod(String method) {
    return new Derived<>(value, reason, warnings, method);
  }

  /**
   * This result with its value as a lower-case code ({@code HIGH} → {@code high}), as tables and
   * findings write coded values; reason, warnings and method unchanged.
   */
  public Derived<String> lowerCase() {
    return new Derived<>(
        value == null ? null : value.toString().toLowerCase(java.util.Locale.ROOT),
        reason,
        warnings,
        method);
  }

  /** True when a value was derived. */
  public boolean isDetermined() {
    return value != null;
  }
}
