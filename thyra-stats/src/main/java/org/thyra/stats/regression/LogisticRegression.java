package org.thyra.stats.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Binary logistic regression, {@code logit P(y = 1) = b0 + x'b}, fitted by IRLS exactly as R's
 * {@code glm(family = binomial)} (see {@link BinomialIrls}): same start, same QR with aliasing
 * ({@code NA} coefficients), same convergence rule, so estimates, standard errors (from the last
 * iteration's weights, as {@code summary.glm}) and iteration counts agree with R.
 *
 * <p>Confidence intervals: Wald {@code coef +- qnorm(1 - alpha/2) se} (default, as {@code
 * confint.default} and SPSS) or profile likelihood exactly as {@code MASS::confint.glm}. The
 * likelihood-ratio test compares with the intercept-only model (closed form {@code loglik0 = e
 * log(e/n) + (n-e) log(1 - e/n)}).
 *
 * <p><b>Separation</b> (Albert and Anderson, 1984) is detected by a documented heuristic, an
 * <i>IRLS continuation test</i>: when R's fit did not converge or some fitted linear predictor
 * exceeds 10 in absolute value (fitted probability below 4.5e-5 or above 1 - 4.5e-5), IRLS is
 * continued for 10 more iterations without a convergence test. If the MLE exists, the coefficients
 * do not move; under separation the Newton steps keep pushing the separated observations' linear
 * predictors outward by about one unit per iteration. A coefficient whose change times max|x|
 * exceeds 1 is reported as diverging (its odds ratio and limits become NaN instead of an absurd
 * value); the separation is <i>complete</i> when every observation's linear predictor moved by more
 * than 1 towards its own outcome, otherwise <i>quasi-complete</i>. This is a heuristic, not the
 * linear-programming certificate of {@code detectseparation}.
 */
public final class LogisticRegression {
  /**
   * |eta| above which the continuation test is run. R's IRLS often stops on its deviance rule
   * before |eta| reaches 15 under quasi-complete separation (birthwt {@code low ~ lwt +
   * factor(ftv)}: the single ftv = 6 row has no event, glm converges in 13 iterations at |eta| =
   * 14.6), so the trigger is lower; when the MLE exists the extra iterations do not move it, so a
   * low trigger costs time, never a false report.
   */
  static final double EXTREME_ETA = 10;

  /** Extra IRLS iterations of the continuation test. */
  static final int CONTINUATION_STEPS = 10;

  private LogisticRegression() {}

  /** Fits with Wald 95% confidence intervals. */
  public static LogisticResult fit(
      double[] y01, double[][] columns, List<String> names, int[] assign) {
    return fit(y01, columns, names, assign, ConfidenceIntervalType.WALD, 0.95);
  }

  /**
   * Fits the model with an intercept.
   *
   * @param y01 outcome, each 0 or 1
   * @param columns predictor columns (without intercept), each of length n
   * @param names term names, one per column
   * @param assign index of the model variable each column belongs to (a categorical variable with k
   *     levels has k - 1 columns with the same index)
   * @param ciType Wald or profile-likelihood intervals
   * @param level confidence level in (0, 1)
   * @return the immutable result
   * @throws IllegalArgumentException for invalid input (lengths, non-0/1 outcome, non-finite
   *     values, one outcome class only)
   */
  public static LogisticResult fit(
      double[] y01,
      double[][] columns,
      List<String> names,
      int[] assign,
      ConfidenceIntervalType ciType,
      double level) {
    validate(y01, columns, names, assign, level);
    if (ciType == null) {
      throw new IllegalArgumentException("ciType must not be null");
    }
    int n = y01.length;
    int k = columns.length;
    int events = requireBothClasses(y01);
    double[][] x = design(columns, n);
    List<String> warnings = new ArrayList<>();
    BinomialIrls.Fit fit =
        BinomialIrls.fit(x, y01, null, null, BinomialIrls.MAXIT, BinomialIrls.EPSILON);
    if (!fit.converged()) {
      warnings.add("IRLS did not converge in " + BinomialIrls.MAXIT + " iterations");
    }
    double eps10 = 10 * Math.ulp(1.0);
    for (double m : fit.mu()) {
      if (m > 1 - eps10 || m < eps10) {
        warnings.add("fitted probabilities numerically 0 or 1 occurred");
        break;
      }
    }
    List<String> allNames = new ArrayList<>();
    allNames.add("(Intercept)");
    allNames.addAll(names);
    for (int j = 0; j <= k; j++) {
      if (fit.aliased()[j]) {
        warnings.add(
            "term "
                + allNames.get(j)
                + " is aliased (linearly dependent on earlier columns); coefficient NA");
      }
    }
    boolean[] diverging = new boolean[k + 1];
    Separation separation = detectSeparation(x, y01, fit, diverging);
    if (separation != Separation.NONE) {
      List<String> div = new ArrayList<>();
      for (int j = 0; j <= k; j++) {
        if (diverging[j]) {
          div.add(allNames.get(j));
        }
      }
      warnings.add(
          (separation == Separation.COMPLETE ? "complete" : "quasi-complete")
              + " separation detected (IRLS continuation test): coefficients diverging: "
              + String.join(", ", div)
              + "; their odds ratios and limits are not reported");
    }

    double[] se = new double[k + 1];
    for (int j = 0; j <= k; j++) {
      se[j] = fit.aliased()[j] ? Double.NaN : Math.sqrt(fit.unscaledCovariance()[j][j]);
    }
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double q = normal.inverseCumulativeProbability(1 - (1 - level) / 2);
    double[][] limits;
    if (ciType == ConfidenceIntervalType.PROFILE) {
      limits =
          ProfileLikelihood.limits(
              x, y01, fit.coef(), se, fit.deviance(), level, warnings, allNames);
      for (int j = 0; j <= k; j++) {
        if (!fit.aliased()[j]
            && !diverging[j]
            && (Double.isNaN(limits[j][0]) || Double.isNaN(limits[j][1]))) {
          warnings.add(
              "profile likelihood of "
                  + allNames.get(j)
                  + " did not reach the "
                  + level
                  + " cutoff within MASS's 9 steps on one side; that limit is NA");
        }
      }
    } else {
      limits = new double[k + 1][];
      for (int j = 0; j <= k; j++) {
        double c = fit.coef()[j];
        limits[j] = new double[] {c - q * se[j], c + q * se[j]};
      }
    }
    List<LogisticTerm> terms = new ArrayList<>(k);
    LogisticTerm intercept = null;
    for (int j = 0; j <= k; j++) {
      double c = fit.coef()[j];
      double z = c / se[j];
      double p = 2 * normal.survivalProbability(Math.abs(z));
      boolean hide = fit.aliased()[j] || diverging[j];
      LogisticTerm t =
          new LogisticTerm(
              allNames.get(j),
              j == 0 ? -1 : assign[j - 1],
              c,
              se[j],
              z,
              p,
              limits[j][0],
              limits[j][1],
              hide ? Double.NaN : Math.exp(c),
              hide ? Double.NaN : Math.exp(limits[j][0]),
              hide ? Double.NaN : Math.exp(limits[j][1]),
              fit.aliased()[j],
              diverging[j]);
      if (j == 0) {
        intercept = t;
      } else {
        terms.add(t);
      }
    }
    double logLik = 0;
    for (int i = 0; i < n; i++) {
      logLik += y01[i] == 1 ? Math.log(fit.mu()[i]) : Math.log(1 - fit.mu()[i]);
    }
    double pbar = (double) events / n;
    double logLikNull = events * Math.log(pbar) + (n - events) * Math.log(1 - pbar);
    double nullDeviance = -2 * logLikNull;
    int df = fit.rank();
    double lr = nullDeviance - fit.deviance();
    int lrDf = df - 1;
    double lrP = lrDf > 0 ? ChiSquaredDistribution.of(lrDf).survivalProbability(lr) : Double.NaN;
    String method =
        "logistic regression (binomial, logit link), IRLS as R glm.fit (|dev - devold|/(|dev| + 0.1) < 1e-8, maxit 25, "
            + "QR aliasing tolerance 1e-11); SE from the expected information; "
            + (ciType == ConfidenceIntervalType.WALD
                ? "Wald"
                : "profile-likelihood (MASS::confint.glm)")
            + " "
            + level
            + " CIs; LR test vs intercept-only model; separation by IRLS continuation test";
    return new LogisticResult(
        n,
        events,
        intercept,
        terms,
        logLikNull,
        logLik,
        df,
        -2 * logLik + 2 * df,
        fit.deviance(),
        nullDeviance,
        new LikelihoodRatioTest(lr, lrDf, lrP),
        fit.iterations(),
        fit.converged(),
        separation,
        ciType,
        level,
        method,
        warnings);
  }

  /**
   * Fits {@code logit E(y) = b0 + x'b} with prior weights exactly as R's {@code glm.fit(cbind(1,
   * x), y, weights = w, family = binomial())} (or {@code quasibinomial()}: same estimates and
   * unscaled covariance): IRLS maximising {@code sum w_i [y_i log mu_i + (1 - y_i) log(1 - mu_i)]},
   * started at {@code mu = (w y + 0.5) / (w + 1)}, with R's QR, aliasing and convergence rule. Only
   * the coefficients and {@code (X'WX)^-1} are returned: with non-integer weights the binomial
   * log-likelihood, AIC and LR test of {@link #fit} have no meaning.
   *
   * @param y responses in [0, 1]
   * @param columns predictor columns (without intercept), each of length n
   * @param weights prior weights, finite and {@code >= 0}, at least one positive
   * @return coefficients, unscaled covariance, convergence
   * @throws IllegalArgumentException for invalid input (lengths, y outside [0, 1], non-finite
   *     values, negative weights)
   */
  public static WeightedLogisticFit fitWeighted(double[] y, double[][] columns, double[] weights) {
    if (y == null || columns == null || weights == null) {
      throw new IllegalArgumentException("y, columns and weights must not be null");
    }
    int n = y.length;
    if (weights.length != n) {
      throw new IllegalArgumentException(
          "weights has length " + weights.length + ", expected " + n);
    }
    boolean positive = false;
    for (int i = 0; i < n; i++) {
      if (!(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            "outcome must be in [0, 1]; observation " + (i + 1) + " is " + y[i]);
      }
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            "weights must be finite and >= 0; observation " + (i + 1) + " has " + weights[i]);
      }
      positive |= weights[i] > 0;
    }
    if (!positive) {
      throw new IllegalArgumentException("every weight is 0: nothing to fit");
    }
    for (int j = 0; j < columns.length; j++) {
      checkColumn(columns[j], n, String.valueOf(j + 1));
    }
    double[][] x = design(columns, n);
    BinomialIrls.Fit fit =
        BinomialIrls.fit(x, y, weights, null, null, BinomialIrls.MAXIT, BinomialIrls.EPSILON);
    List<String> warnings = new ArrayList<>();
    if (!fit.converged()) {
      warnings.add("IRLS did not converge in " + BinomialIrls.MAXIT + " iterations");
    }
    double eps10 = 10 * Math.ulp(1.0);
    for (int i = 0; i < n; i++) {
      double m = fit.mu()[i];
      if (weights[i] > 0 && (m > 1 - eps10 || m < eps10)) {
        warnings.add("fitted probabilities numerically 0 or 1 occurred");
        break;
      }
    }
    for (int j = 0; j < x.length; j++) {
      if (fit.aliased()[j]) {
        warnings.add(
            (j == 0 ? "the intercept" : "column " + j)
                + " is aliased (linearly dependent on earlier columns); coefficient NA");
      }
    }
    return new WeightedLogisticFit(
        fit.coef(),
        fit.unscaledCovariance(),
        fit.aliased(),
        fit.deviance(),
        fit.iterations(),
        fit.converged(),
        "logistic regression with prior weights (binomial, logit link), IRLS as R glm.fit "
            + "(|dev - devold|/(|dev| + 0.1) < 1e-8, maxit 25, QR aliasing tolerance 1e-11); "
            + "unscaled covariance (X'WX)^-1",
        warnings);
  }

  static double[][] design(double[][] columns, int n) {
    double[][] x = new double[columns.length + 1][];
    x[0] = new double[n];
    java.util.Arrays.fill(x[0], 1.0);
    System.arraycopy(columns, 0, x, 1, columns.length);
    return x;
  }

  /** IRLS continuation test; fills {@code diverging} and returns the separation status. */
  static Separation detectSeparation(
      double[][] x, double[] y, BinomialIrls.Fit fit, boolean[] diverging) {
    double maxEta = 0;
    for (double e : fit.eta()) {
      maxEta = Math.max(maxEta, Math.abs(e));
    }
    if (fit.converged() && maxEta <= EXTREME_ETA) {
      return Separation.NONE;
    }
    int p = x.length;
    int n = y.length;
    // continue on the non-aliased columns only
    List<double[]> cols = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (!fit.aliased()[j]) {
        cols.add(x[j]);
        index.add(j);
      }
    }
    BinomialIrls.Fit more =
        BinomialIrls.fit(cols.toArray(new double[0][]), y, null, fit.eta(), CONTINUATION_STEPS, -1);
    boolean any = false;
    for (int c = 0; c < index.size(); c++) {
      int j = index.get(c);
      double maxAbsX = 0;
      for (double v : x[j]) {
        maxAbsX = Math.max(maxAbsX, Math.abs(v));
      }
      double change = Math.abs(more.coef()[c] - fit.coef()[j]) * maxAbsX;
      if (change > 1 || !Double.isFinite(change)) {
        diverging[j] = true;
        any = true;
      }
    }
    if (!any) {
      return Separation.NONE;
    }
    int separated = 0;
    for (int i = 0; i < n; i++) {
      double d = more.eta()[i] - fit.eta()[i];
      if ((y[i] == 1 ? d : -d) > 1) {
        separated++;
      }
    }
    return separated == n ? Separation.COMPLETE : Separation.QUASI_COMPLETE;
  }

  /**
   * @return the number of events (outcome 1)
   * @throws IllegalArgumentException when every outcome is 0 or every outcome is 1 (the model has
   *     no maximum-likelihood estimate and Firth's has no contrast to estimate)
   */
  static int requireBothClasses(double[] y01) {
    int n = y01.length;
    int events = 0;
    for (double v : y01) {
      events += (int) v;
    }
    if (events == 0 || events == n) {
      throw new IllegalArgumentException(
          "outcome has one class only ("
              + (events == 0 ? "all 0" : "all 1")
              + " in "
              + n
              + " observations): logistic regression is undefined");
    }
    return events;
  }

  /** A predictor column of length n with finite values, else a message naming it. */
  private static void checkColumn(double[] column, int n, String name) {
    if (column == null || column.length != n) {
      throw new IllegalArgumentException(
          "column "
              + name
              + " has length "
              + (column == null ? "null" : column.length)
              + ", expected "
              + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(column[i])) {
        throw new IllegalArgumentException(
            "column "
                + name
                + " has a missing or non-finite value at observation "
                + (i + 1)
                + " (remove missing rows before fitting)");
      }
    }
  }

  static void validate(
      double[] y, double[][] columns, List<String> names, int[] assign, double level) {
    if (y == null || columns == null || names == null || assign == null) {
      throw new IllegalArgumentException("y, columns, names and assign must not be null");
    }
    int n = y.length;
    if (n == 0) {
      throw new IllegalArgumentException("no observations");
    }
    CandidateColumns.checkLengths(columns, names, assign);
    for (int i = 0; i < n; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException(
            "outcome must be 0 or 1; observation " + (i + 1) + " is " + y[i]);
      }
    }
    for (int j = 0; j < columns.length; j++) {
      checkColumn(columns[j], n, names.get(j));
      if (assign[j] < 0) {
        throw new IllegalArgumentException(
            "assign must be >= 0, got " + assign[j] + " for " + names.get(j));
      }
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }
}
