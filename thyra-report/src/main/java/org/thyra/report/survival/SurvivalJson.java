package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.thyra.analysis.survival.GroupedSurvival;

/** The JSON fields every survival result names its input by. */
public final class SurvivalJson {
  private SurvivalJson() {}

  /** {@code data, time, event, event_coding}. */
  public static void describe(
      ObjectNode root, String source, String time, String event, GroupedSurvival data) {
    root.put("data", source);
    root.put("time", time);
    root.put("event", event);
    root.put("event_coding", data.frame().eventCoding().description());
  }
}
