package org.thyra.clinical.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.thyra.clinical.Derived;

/**
 * A {@link Rule} made of its metadata and a function over a {@link Row}; the registry's rules are
 * all of this kind. Checks role and parameter names, and turns missing required cells into empty
 * outputs with the reason.
 *
 * <p>The rule adapters' {@code new TableRule(...)} blocks (and their small shared-derivation
 * methods) look alike to a duplicate finder: each is one rule's own metadata (name, roles,
 * parameters, outputs) and body, alike in shape only, so they are left as they are.
 */
record TableRule(
    String name,
    String description,
    String source,
    List<Role> roles,
    List<Parameter> parameters,
    List<String> outputs,
    BiFunction<Row, Map<String, String>, RuleOutput> body)
    implements Rule {

  TableRule {
    roles = List.copyOf(roles);
    parameters = List.copyOf(parameters);
    outputs = List.copyOf(outputs);
  }

  @Override
  public RuleOutput apply(Map<String, String> cells, Map<String, String> params) {
    for (String r : cells.keySet()) {
      if (roles.stream().noneMatch(x -> x.name().equals(r))) {
        throw new IllegalArgumentException(
            "rule "
                + name
                + " has no role '"
                + r
                + "' (roles: "
                + String.join(", ", roles.stream().map(Role::name).toList())
                + ")");
      }
    }
    Map<String, String> p = new HashMap<>();
    for (Parameter x : parameters) {
      p.put(x.name(), x.defaultValue());
    }
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!p.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "rule "
                + name
                + " has no parameter '"
                + e.getKey()
                + "'"
                + (parameters.isEmpty()
                    ? ""
                    : " (parameters: "
                        + String.join(", ", parameters.stream().map(Parameter::name).toList())
                        + ")"));
      }
      p.put(e.getKey(), e.getValue());
    }
    Row row = new Row(cells);
    for (Role r : roles) {
      if (r.required() && !row.has(r.name())) {
        return RuleOutput.missing(outputs, r.name() + " missing");
      }
    }
    try {
      return body.apply(row, p);
    } catch (RuleInputException | RuleParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // a guideline class rejected a combination of cells (e.g. a 7th edition stage with T3a): name
      // every bound role
      List<String> bound = roles.stream().map(Role::name).filter(row::has).toList();
      throw new RuleInputException(
          String.join("/", bound),
          String.join("/", bound.stream().map(row::text).toList()),
          "rejected: " + e.getMessage());
    }
  }

  /** One output column from a derived value (empty when undetermined), reason with warnings. */
  static RuleOutput single(String column, Derived<?> d) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(column, d.value() == null ? "" : String.valueOf(d.value()));
    return new RuleOutput(v, reason(d), d.method());
  }

  static String reason(Derived<?> d) {
    return d.warnings().isEmpty()
        ? d.reason()
        : d.reason() + " [warning: " + String.join("; ", d.warnings()) + "]";
  }
}
