package org.thyra.studies.cohort;

import java.util.List;

/**
 * The cohort's flow: the rows read, then each step with the rows it removed and the rows left (the
 * boxes of a CONSORT-style flow chart).
 *
 * @param source the data source
 * @param read the rows read
 * @param steps each step in order
 * @param included the rows left after the last step
 */
public record CohortFlow(String source, int read, List<Step> steps, int included) {
  public CohortFlow {
    steps = List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param label the step's label
   * @param inclusion whether it is an inclusion (true) or exclusion step
   * @param before rows before the step
   * @param removed rows the step removed
   * @param after rows after the step
   */
  public record Step(String label, boolean inclusion, int before, int removed, int after) {}
}
