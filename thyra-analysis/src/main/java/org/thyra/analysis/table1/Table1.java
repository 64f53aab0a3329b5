package org.thyra.analysis.table1;

import java.util.List;
import org.thyra.stats.descriptive.TablePreset;

/**
 * A baseline table ("Table 1"): variables summarised overall and by group, with tests and SMDs.
 *
 * @param by grouping column
 * @param groups group labels in table order (sorted as SPEC §5 sorts levels)
 * @param groupN rows per group
 * @param n rows with a group
 * @param droppedMissing rows without a group (missing value in {@code by}), left out of the table
 * @param preset whose test choices the table follows
 * @param variables the variables in the order asked for
 * @param warnings conditions worth reporting, each naming its variable
 */
public record Table1(
    String by,
    List<String> groups,
    int[] groupN,
    int n,
    int droppedMissing,
    TablePreset preset,
    List<Table1Variable> variables,
    List<String> warnings) {
  public Table1 {
    groups = List.copyOf(groups);
    groupN = groupN.clone();
    variables = List.copyOf(variables);
    warnings = List.copyOf(warnings);
  }
}
