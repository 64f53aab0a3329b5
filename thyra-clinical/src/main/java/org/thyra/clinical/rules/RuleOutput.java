package org.thyra.clinical.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of applying a rule to one row: named output columns, the reason and the method.
 *
 * @param values output column → value; an empty string is a missing value (undetermined)
 * @param reason which criterion fired and which values decided it
 * @param method the convention, edition and thresholds applied (empty only when the rule was not
 *     applied because a required cell is missing)
 */
public record RuleOutput(Map<String, String> values, String reason, String method) {

  public RuleOutput {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(method, "method");
  }

  /** Every output column missing, with the reason; no method, because the rule was not applied. */
  public static RuleOutput missing(List<String> outputs, String reason) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String o : outputs) {
      v.put(o, "");
    }
    return new RuleOutput(v, reason, "");
  }
}
