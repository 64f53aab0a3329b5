package org.thyra.analysis.weighting;

import java.util.List;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.weighting.PropensityWeights;
import org.thyra.stats.weighting.WeightedBalance;

/**
 * The result of {@link IptwAnalysis}: per analysed row (the frame's rows) its treatment, propensity
 * score and weight; the propensity model; the balance table.
 *
 * @param source the data file's name
 * @param request the options
 * @param frame the propensity model's frame (rows with a missing value dropped and counted)
 * @param treated treatment indicator per kept row
 * @param model the propensity model
 * @param propensity propensity score per kept row
 * @param weights the weights and their summaries
 * @param balance SMDs before and after weighting
 * @param warnings model, data and weight warnings
 */
public record IptwReport(
    String source,
    IptwAnalysis.Request request,
    ModelFrame frame,
    boolean[] treated,
    LogisticResult model,
    double[] propensity,
    PropensityWeights weights,
    WeightedBalance balance,
    List<String> warnings) {
  public IptwReport {
    warnings = List.copyOf(warnings);
  }

  /** The treatment coding, e.g. "1 = level 2 (reference 1)". */
  public String treatedCoding() {
    return frame.binaryResponseCoding();
  }

  /** Number of treated rows. */
  public int nTreated() {
    int k = 0;
    for (boolean t : treated) {
      k += t ? 1 : 0;
    }
    return k;
  }
}
