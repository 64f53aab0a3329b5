package org.thyra.clinical.rules;

import java.util.List;
import java.util.Map;

/**
 * A clinical rule applied to one row of a table (SPEC §5, {@code thyra derive}).
 *
 * <p>Each rule binds its input roles to cells, reads them, applies the guideline logic of its
 * concept class (e.g. {@link org.thyra.clinical.staging.Ajcc8Staging}) and returns named output
 * columns with the reason. A missing value in a required role gives empty outputs (undetermined),
 * never an error; an unreadable value throws {@link RuleInputException}.
 */
public interface Rule {

  /** The rule's name, e.g. {@code ajcc8-stage}. */
  String name();

  /** One line saying what the rule derives. */
  String description();

  /** The guideline or paper the rule implements. */
  String source();

  /** The input roles. */
  List<Role> roles();

  /** Parameters (same for every row) with their defaults. */
  List<Parameter> parameters();

  /** The output columns the rule appends, e.g. {@code ajcc8_stage}. */
  List<String> outputs();

  /**
   * Applies the rule to one row.
   *
   * @param cells role → cell text (absent, empty, {@code NA} or {@code .} are missing)
   * @param parameters parameter → value; absent parameters take their defaults
   * @throws RuleInputException when a cell or parameter cannot be read
   */
  RuleOutput apply(Map<String, String> cells, Map<String, String> parameters);
}
