package org.thyra.studies.protocol;

import java.util.List;
import java.util.Map;

/**
 * One derived column set, applied in protocol order (a later derivation may read an earlier one's
 * output). Exactly one of {@code rule}, {@code cut}, {@code split}, {@code composite}, {@code
 * competing} is given.
 *
 * <ul>
 *   <li>{@code rule}: any rule of {@code thyra derive --list}, with {@code columns} (role → column)
 *       and {@code params}, as {@code thyra derive --rule R --column role=COL --param name=value};
 *       appends the rule's output columns.
 *   <li>{@code cut}: a numeric column cut at {@code at} into {@code labels} (one more label than
 *       cut-points); a value equal to a cut-point goes to the lower group (≤, as SPEC §4's
 *       cut-points) unless {@code closed: left}, which puts it in the upper group (≥).
 *   <li>{@code split}: a seeded random split into {@code labels} with {@code proportions} (seed
 *       004: 70/30 training/validation), written to column {@code name}.
 *   <li>{@code composite}: an endpoint: event = any of {@code events} is an event (1), else 0; time
 *       = {@code time}.
 * </ul>
 *
 * @param name the output column ({@code cut}, {@code split}, {@code composite})
 * @param rule a clinical rule name
 * @param columns role → column for a rule
 * @param params parameter → value for a rule
 * @param cut the numeric column to cut
 * @param at cut-points, increasing
 * @param closed {@code right} (default: value = cut-point in the lower group) or {@code left}
 * @param labels the group labels
 * @param split true for a seeded random split
 * @param proportions the split's proportions (sum 1)
 * @param seed the split's seed
 * @param composite true for a composite endpoint
 * @param events the event columns of a composite endpoint (0/1)
 * @param time the composite endpoint's time column
 * @param source the seed section the derivation comes from
 */
public record Derivation(
    String name,
    String rule,
    Map<String, String> columns,
    Map<String, String> params,
    String cut,
    List<Double> at,
    String closed,
    List<String> labels,
    Boolean split,
    List<Double> proportions,
    Long seed,
    Boolean composite,
    List<String> events,
    String time,
    Boolean competing,
    List<String> times,
    String source) {

  public Derivation {
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    params = params == null ? Map.of() : Map.copyOf(params);
    at = Lists.copy(at);
    labels = Lists.copy(labels);
    proportions = Lists.copy(proportions);
    events = Lists.copy(events);
    times = Lists.copy(times);
  }

  /** The kind of derivation, or null when none or several kinds are given. */
  public String kind() {
    int n = 0;
    String k = null;
    if (rule != null) {
      n++;
      k = "rule";
    }
    if (cut != null) {
      n++;
      k = "cut";
    }
    if (Boolean.TRUE.equals(split)) {
      n++;
      k = "split";
    }
    if (Boolean.TRUE.equals(composite)) {
      n++;
      k = "composite";
    }
    if (Boolean.TRUE.equals(competing)) {
      n++;
      k = "competing";
    }
    return n == 1 ? k : null;
  }
}
