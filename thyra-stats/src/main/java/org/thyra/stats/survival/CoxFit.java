package org.thyra.stats.survival;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.Result;

/**
 * Immutable result of a Cox proportional hazards fit ({@link CoxModel#fit}).
 *
 * <p>For coefficient {@code b} with standard error {@code se = sqrt(V_jj)} (V the inverse of the
 * information matrix at the estimate): hazard ratio {@code exp(b)}, Wald interval {@code exp(b ±
 * z_{(1+level)/2} se)}, {@code z = b / se}, two-sided p from the standard normal. An aliased
 * (collinear or constant) column has every per-coefficient value NaN, as R's NA, and its row and
 * column of the variance matrix are 0; it counts in no test's degrees of freedom.
 *
 * <p>Array accessors return copies.
 */
public final class CoxFit implements Result {

  private final List<String> names;
  private final double[] coefficients;
  private final boolean[] aliased;
  private final double[] standardErrors;
  private final double[][] variance;
  private final double[] means;
  private final double loglikNull;
  private final double loglikModel;
  private final int iterations;
  private final boolean converged;
  private final CoxTestResult likelihoodRatio;
  private final CoxTestResult wald;
  private final CoxTestResult score;
  private final int n;
  private final int events;
  private final int strataCount;
  private final double[] linearPredictor;
  private final ConcordanceResult concordance;
  private final List<String> warnings;
  private final CoxOptions options;
  private final String method;
  private final String dataNote;

  CoxFit(
      List<String> names,
      double[] coefficients,
      boolean[] aliased,
      double[][] variance,
      double[] means,
      double loglikNull,
      double loglikModel,
      int iterations,
      boolean converged,
      double scoreStatistic,
      double waldStatistic,
      int n,
      int events,
      int strataCount,
      double[] linearPredictor,
      ConcordanceResult concordance,
      List<String> warnings,
      CoxOptions options) {
    this(
        names,
        coefficients,
        aliased,
        variance,
        means,
        loglikNull,
        loglikModel,
        iterations,
        converged,
        scoreStatistic,
        waldStatistic,
        n,
        events,
        strataCount,
        linearPredictor,
        concordance,
        warnings,
        options,
        null);
  }

  /** As above; {@code dataNote} (e.g. "counting-process data, case weights") leads the method. */
  CoxFit(
      List<String> names,
      double[] coefficients,
      boolean[] aliased,
      double[][] variance,
      double[] means,
      double loglikNull,
      double loglikModel,
      int iterations,
      boolean converged,
      double scoreStatistic,
      double waldStatistic,
      int n,
      int events,
      int strataCount,
      double[] linearPredictor,
      ConcordanceResult concordance,
      List<String> warnings,
      CoxOptions options,
      String dataNote) {
    this.dataNote = dataNote;
    this.names = List.copyOf(names);
    this.coefficients = coefficients;
    this.aliased = aliased;
    this.variance = variance;
    this.means = means;
    this.loglikNull = loglikNull;
    this.loglikModel = loglikModel;
    this.iterations = iterations;
    this.converged = converged;
    this.n = n;
    this.events = events;
    this.strataCount = strataCount;
    this.linearPredictor = linearPredictor;
    this.concordance = concordance;
    this.warnings = List.copyOf(warnings);
    this.options = options;
    final int p = coefficients.length;
    this.standardErrors = new double[p];
    int df = 0;
    for (int j = 0; j < p; j++) {
      standardErrors[j] = aliased[j] ? Double.NaN : Math.sqrt(variance[j][j]);
      if (!aliased[j]) {
        df++;
      }
    }
    final double lr = -2 * (loglikNull - loglikModel);
    this.likelihoodRatio = test(lr, df);
    this.wald = test(waldStatistic, df);
    this.score = test(scoreStatistic, df);
    this.method = (dataNote == null ? "" : dataNote + "; ") + describe(options, strataCount);
  }

  private static CoxTestResult test(double statistic, int df) {
    if (df == 0) {
      return new CoxTestResult(statistic, 0, Double.isNaN(statistic) ? Double.NaN : 1.0);
    }
    final double p =
        Double.isNaN(statistic)
            ? Double.NaN
            : ChiSquaredDistribution.of(df).survivalProbability(statistic);
    return new CoxTestResult(statistic, df, p);
  }

  static String describe(CoxOptions o, int strataCount) {
    return o.ties().label()
        + " ties, Newton–Raphson with step-halving (at most "
        + o.maxIterations()
        + " iterations), convergence |1 - loglik_old/loglik_new| <= "
        + java.math.BigDecimal.valueOf(o.epsilon())
            .stripTrailingZeros()
            .toString()
            .toLowerCase(java.util.Locale.ROOT)
        + ", Wald CI "
        + trim(o.confLevel() * 100)
        + "% exp(b ± z·se)"
        + ", tests: likelihood ratio, Wald, score (df = non-aliased coefficients)"
        + ", aliased columns by Cholesky tolerance "
        + o.tolerChol()
        + (strataCount > 1 ? ", stratified baseline hazard (" + strataCount + " strata)" : "")
        + (o.timeFix() ? ", near-equal times tied (aeqSurv)" : "")
        + ", concordance: Harrell's C of the linear predictor (reverse), IJ SE";
  }

  private static String trim(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * @return column names, in input order
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return number of coefficients (columns), aliased ones included
   */
  public int size() {
    return coefficients.length;
  }

  /**
   * @return coefficients (log hazard ratios); NaN for aliased columns
   */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /**
   * @return true for each column R reports as NA (collinear or constant, or no events)
   */
  public boolean[] aliased() {
    return aliased.clone();
  }

  /**
   * @return standard errors sqrt(diag(variance)); NaN for aliased columns
   */
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /**
   * @return hazard ratios exp(b)
   */
  public double[] hazardRatios() {
    final double[] hr = new double[coefficients.length];
    for (int j = 0; j < hr.length; j++) {
      hr[j] = Math.exp(coefficients[j]);
    }
    return hr;
  }

  private double zQuantile() {
    return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + options.confLevel()) / 2);
  }

  /**
   * @return lower Wald limits exp(b - z se) of the hazard ratios
   */
  public double[] lower() {
    final double q = zQuantile();
    final double[] r = new double[coefficients.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = Math.exp(coefficients[j] - q * standardErrors[j]);
    }
    return r;
  }

  /**
   * @return upper Wald limits exp(b + z se) of the hazard ratios
   */
  public double[] upper() {
    final double q = zQuantile();
    final double[] r = new double[coefficients.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = Math.exp(coefficients[j] + q * standardErrors[j]);
    }
    return r;
  }

  /**
   * @return Wald z statistics b / se
   */
  public double[] z() {
    final double[] r = new double[coefficients.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = coefficients[j] / standardErrors[j];
    }
    return r;
  }

  /**
   * @return two-sided Wald p-values, 2 (1 - Phi(|z|))
   */
  public double[] p() {
    final NormalDistribution normal = NormalDistribution.of(0, 1);
    final double[] r = new double[coefficients.length];
    for (int j = 0; j < r.length; j++) {
      final double zj = coefficients[j] / standardErrors[j];
      r[j] = Double.isNaN(zj) ? Double.NaN : 2 * normal.survivalProbability(Math.abs(zj));
    }
    return r;
  }

  /**
   * @return confidence level of the intervals
   */
  public double confLevel() {
    return options.confLevel();
  }

  /**
   * @return variance matrix (inverse information); zero rows/columns for aliased columns
   */
  public double[][] variance() {
    final double[][] v = new double[variance.length][];
    for (int i = 0; i < v.length; i++) {
      v[i] = variance[i].clone();
    }
    return v;
  }

  /**
   * Centring values used for the linear predictor, as {@code fit$means}: the column mean, or 0 for
   * a column whose values all lie in {-1, 0, 1} (R's {@code nocenter}).
   *
   * @return means
   */
  public double[] means() {
    return means.clone();
  }

  // Accessors below: one per quantity with its Javadoc, in the style of Commons Statistics results;
  // they share their shape by nature (duplicates lists them).

  /**
   * @return log partial likelihood at beta = 0
   */
  public double loglikNull() {
    return loglikNull;
  }

  /**
   * @return log partial likelihood at the estimate
   */
  public double loglikModel() {
    return loglikModel;
  }

  /**
   * @return Newton–Raphson iterations, as {@code fit$iter} (maxIterations + 1 when not converged)
   */
  public int iterations() {
    return iterations;
  }

  /**
   * @return whether the convergence criterion was met
   */
  public boolean converged() {
    return converged;
  }

  /**
   * @return likelihood-ratio test -2 (loglik_null - loglik_model)
   */
  public CoxTestResult likelihoodRatioTest() {
    return likelihoodRatio;
  }

  /**
   * @return Wald test b' V^-1 b over non-aliased coefficients
   */
  public CoxTestResult waldTest() {
    return wald;
  }

  /**
   * @return score (log-rank type) test at beta = 0
   */
  public CoxTestResult scoreTest() {
    return score;
  }

  /**
   * @return number of observations
   */
  public int n() {
    return n;
  }

  /**
   * @return number of events
   */
  public int events() {
    return events;
  }

  /**
   * @return number of strata (1 when unstratified)
   */
  public int strataCount() {
    return strataCount;
  }

  /**
   * Linear predictor per observation, in input order, as R's {@code predict(fit, type = "lp")}:
   * {@code x'b - means'b} (aliased coefficients count as 0).
   *
   * @return linear predictor
   */
  public double[] linearPredictor() {
    return linearPredictor.clone();
  }

  /**
   * @return Harrell's C of the linear predictor, as {@code fit$concordance}
   */
  public ConcordanceResult concordance() {
    return concordance;
  }

  /**
   * @return warnings (non-convergence, infinite coefficients, aliasing, no events)
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * @return the tie method
   */
  public Ties ties() {
    return options.ties();
  }

  /**
   * @return the settings used
   */
  public CoxOptions options() {
    return options;
  }

  /**
   * @return the conventions used, for reports
   */
  public String method() {
    return method;
  }

  /** This fit with its concordance, which {@link CoxAnalysis} computes beside the PH test. */
  CoxFit withConcordance(ConcordanceResult c) {
    return new CoxFit(
        names,
        coefficients,
        aliased,
        variance,
        means,
        loglikNull,
        loglikModel,
        iterations,
        converged,
        score.statistic(),
        wald.statistic(),
        n,
        events,
        strataCount,
        linearPredictor,
        c,
        warnings,
        options,
        dataNote);
  }

  double[] linearPredictorView() {
    return linearPredictor;
  }

  double[] coefficientsView() {
    return coefficients;
  }

  boolean[] aliasedView() {
    return aliased;
  }
}
