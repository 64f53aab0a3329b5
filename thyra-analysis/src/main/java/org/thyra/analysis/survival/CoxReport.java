package org.thyra.analysis.survival;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Result;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxRobustResult;
import org.thyra.stats.survival.CoxTestResult;
import org.thyra.stats.survival.CoxZphResult;

/**
 * A Cox model of a file, ready to present. With a robust variance ({@code cluster()}, or case
 * weights that are not whole numbers) the inference of each term ({@link #z}, {@link #p}, {@link
 * #lower}, {@link #upper}) and the Wald test use it, as R's {@code summary(coxph)} does.
 *
 * @param source the data's name
 * @param request what was asked
 * @param formula the model formula as parsed
 * @param frame the model frame (after a landmark's selection)
 * @param fit the fit (model-based variance)
 * @param zph the proportional-hazards test, or null when it could not be computed (see warnings)
 * @param robust the robust variance and tests, or null when inference is model-based
 * @param variance which variance inference uses and why, or null for the plain model-based one
 * @param varianceShown whether the text names the variance under the counts (weighted and
 *     counting-process fits, whose variance depends on the data)
 * @param concordanceSe the concordance SE to report (coxph's), NaN when not given (with {@code
 *     cluster()} coxph's is clustered and Thyra's jackknife is not)
 * @param droppedMissing rows dropped for a missing value (formula variables and weight column)
 * @param landmarkExcluded rows left out by the landmark (time at or before it)
 * @param warnings the frame's, the fit's and the PH test's
 */
public record CoxReport(
    String source,
    CoxAnalysis.Request request,
    Formula formula,
    ModelFrame frame,
    CoxFit fit,
    CoxZphResult zph,
    CoxRobustResult robust,
    String variance,
    boolean varianceShown,
    double concordanceSe,
    int droppedMissing,
    int landmarkExcluded,
    List<String> warnings)
    implements Result {
  public CoxReport {
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return fit.method();
  }

  /** The standard error inference uses: the robust one when there is one, as R. */
  public double se(int j) {
    return robust == null ? fit.standardErrors()[j] : robust.standardErrors()[j];
  }

  /** Wald z of term j. */
  public double z(int j) {
    return robust == null ? fit.z()[j] : fit.coefficients()[j] / se(j);
  }

  /** Two-sided normal p of term j. */
  public double p(int j) {
    return robust == null
        ? fit.p()[j]
        : 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z(j)));
  }

  /** Lower Wald limit of the hazard ratio of term j, {@code exp(b - z·se)}. */
  public double lower(int j) {
    return robust == null ? fit.lower()[j] : Math.exp(fit.coefficients()[j] - q() * se(j));
  }

  /** Upper Wald limit of the hazard ratio of term j. */
  public double upper(int j) {
    return robust == null ? fit.upper()[j] : Math.exp(fit.coefficients()[j] + q() * se(j));
  }

  /** The Wald test inference uses: the robust one when there is one. */
  public CoxTestResult wald() {
    return robust == null ? fit.waldTest() : robust.wald();
  }

  private double q() {
    return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + request.confLevel()) / 2);
  }
}
