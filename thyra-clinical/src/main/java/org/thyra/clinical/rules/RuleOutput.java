package org.thyra.clinical.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of applying a rule to one row: named output columns and the reason.
 *
 * @param values output column → value; an empty string is a missing value (undetermined)
 * @param reason which criterion fired and which values decided it
 */
public record RuleOutput(Map<String, String> values, String reason) {

  public RuleOutput {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Every output column missing, with the reason. */
  public static RuleOutput missing(List<String> outputs, String reason) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String o : outputs) {
      v.put(o, "");
    }
    return new RuleOutput(v, reason);
  }
}
