package org.thyra.analysis.competing;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.competing.CumulativeIncidence;
import org.thyra.stats.competing.GrayTestResult;
import org.thyra.stats.competing.IncidenceCurve;

/**
 * Cumulative incidence curves and Gray's tests of a file, ready to present.
 *
 * @param source the data file's name
 * @param request what was asked
 * @param data the competing-risks outcome (causes in sorted order)
 * @param levels the group levels ({@code all} without a group)
 * @param present indices into {@code levels} of the levels that have rows, in order
 * @param curves per cause (as {@code data.causes()}), per level: the curve, null for a level
 *     without rows
 * @param gray per cause: Gray's test, null with fewer than two groups present
 * @param warnings the model frame's, then causes without failures in a group and singular tests
 */
public record CumincReport(
    String source,
    CumincAnalysis.Request request,
    CompetingOutcome data,
    List<String> levels,
    List<Integer> present,
    List<List<IncidenceCurve>> curves,
    List<GrayTestResult> gray,
    List<String> warnings)
    implements Result {
  public CumincReport {
    levels = List.copyOf(levels);
    present = List.copyOf(present);
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return "Aalen-Johansen cumulative incidence with Gray's variance (cmprsk::cuminc);"
        + " log(-log) confidence limits; NA beyond a group's last follow-up";
  }

  /** A level as text and tables name it: {@code all} without a group, else {@code group=level}. */
  public String label(int level) {
    return label(request.group(), levels, level);
  }

  static String label(String group, List<String> levels, int level) {
    return group == null ? "all" : group + "=" + levels.get(level);
  }

  /**
   * The log(-log) limits of an incidence with its variance at this report's level, as tidycmprsk.
   */
  public double[] interval(double estimate, double variance) {
    return CumulativeIncidence.logLogInterval(estimate, variance, request.confLevel());
  }
}
