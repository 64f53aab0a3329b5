package org.thyra.studies.protocol;

import java.util.List;

/**
 * How the report names a column and orders its levels.
 *
 * @param column the column
 * @param label the label printed in tables, e.g. {@code Age (years)}
 * @param levels the level order (first is the reference unless {@code ref} says otherwise)
 * @param ref the reference level of models ({@code --ref VAR=LEVEL})
 * @param unit the unit printed after the label
 */
public record VariableLabel(
    String column, String label, List<String> levels, String ref, String unit) {
  public VariableLabel {
    levels = Lists.copy(levels);
  }
}
