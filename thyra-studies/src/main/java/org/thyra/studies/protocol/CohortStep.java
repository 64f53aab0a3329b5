package org.thyra.studies.protocol;

import java.util.List;

/**
 * One labelled inclusion or exclusion step; its count goes into the flow chart.
 *
 * <p>An {@code include} step keeps the rows whose {@code column} meets the condition, an {@code
 * exclude} step drops them. A row with a missing value in the column does not meet a condition (so
 * an include step drops it), except {@code missing: true}, which matches exactly the missing rows.
 * Bounds: {@code at-least} (≥), {@code above} (&gt;), {@code at-most} (≤), {@code below} (&lt;);
 * {@code is} lists levels.
 *
 * @param include the label of an inclusion step (either this or {@code exclude})
 * @param exclude the label of an exclusion step
 * @param column the column the condition reads
 * @param is levels that meet the condition
 * @param atLeast lower bound, inclusive
 * @param above lower bound, exclusive
 * @param atMost upper bound, inclusive
 * @param below upper bound, exclusive
 * @param missing true: the condition is "value missing"
 * @param source the seed section the step comes from
 */
public record CohortStep(
    String include,
    String exclude,
    String column,
    List<String> is,
    Double atLeast,
    Double above,
    Double atMost,
    Double below,
    Boolean missing,
    String source) {

  public CohortStep {
    is = Lists.copy(is);
  }

  /** Whether the step keeps (true) or drops (false) the rows meeting its condition. */
  public boolean isInclusion() {
    return include != null;
  }

  /** The step's label. */
  public String label() {
    return include != null ? include : exclude;
  }
}
