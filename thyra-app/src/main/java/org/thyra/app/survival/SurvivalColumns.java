package org.thyra.app.survival;

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
}
