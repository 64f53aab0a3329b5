package org.thyra.clinical;

import java.util.List;
import java.util.Objects;

/**
 * One status derived from a patient's course, as {@code thyra classify} prints it.
 *
 * @param rule the rule's name (as in {@code thyra derive --list} where the rule is also a table
 *     rule)
 * @param subject what it is about: "patient", a date, a lesion, a course
 * @param value the derived value (empty when undetermined)
 * @param reason which criterion fired and which values decided it
 * @param warnings caveats
 * @param method the convention, edition and thresholds the rule used
 */
public record Finding(
    String rule,
    String subject,
    String value,
    String reason,
    List<String> warnings,
    String method) {

  public Finding {
    Objects.requireNonNull(method, "method");
    warnings = List.copyOf(warnings);
  }

  public static Finding of(String rule, String subject, Derived<?> d) {
    return new Finding(
        rule,
        subject,
        d.value() == null ? "" : String.valueOf(d.value()),
        d.reason(),
        d.warnings(),
        d.method());
  }
}
