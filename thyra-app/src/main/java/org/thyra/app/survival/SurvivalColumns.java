package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.thyra.analysis.survival.GroupedSurvival;
import org.thyra.app.InputOptions;
import org.thyra.report.survival.SurvivalJson;
import picocli.CommandLine.Option;

/**
 * {@code --time} and {@code --event}: the survival outcome of the commands that take no formula.
 */
public final class SurvivalColumns {
  @Option(names = "--time", required = true, description = "Follow-up time column.")
  String time;

  @Option(
      names = "--event",
      required = true,
      description = "Event column: 0/1, 1/2, TRUE/FALSE or yes/no.")
  String event;

  public String time() {
    return time;
  }

  public String event() {
    return event;
  }

  /** Reads the outcome with an optional grouping column and strata. */
  GroupedSurvival read(InputOptions input, String group, List<String> strata) {
    return GroupedSurvival.read(input.file(), time, event, group, strata);
  }

  /** The fields every survival result names its input by: data, time, event, event coding. */
  void describe(ObjectNode root, InputOptions input, GroupedSurvival data) {
    SurvivalJson.describe(root, input.source(), time, event, data);
  }
}
