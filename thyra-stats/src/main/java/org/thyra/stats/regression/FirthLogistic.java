package org.thyra.stats.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.linear.Cholesky;

/**
 * Firth's bias-reduced (penalised-likelihood) logistic regression, as {@code brglm2::brglmFit(type
 * = "AS_mean")} — for the canonical logit link mean-bias reduction is Firth's (1993) Jeffreys-prior
 * penalty — and {@code logistf}'s point estimates.
 *
 * <p>Maximises {@code l*(b) = l(b) + ½ log det I(b)}, {@code I = X'WX}, {@code W = diag(p(1 − p))},
 * by the modified scoring iteration {@code b ← b + I^{-1} U*}, {@code U*_j = Σ_i (y_i − p_i + h_i(½
 * − p_i)) x_ij}, {@code h} the diagonal of the hat matrix {@code W^½ X I^{-1} X' W^½}; a step that
 * lowers {@code l*} is halved (up to 25 times); convergence when every step is below 1e-10. The
 * estimates are finite under separation (Heinze &amp; Schemper 2002, Stat Med 21:2409).
 *
 * <p>Standard errors are {@code sqrt(diag I^{-1})} at the estimate and the intervals Wald, as
 * {@code summary(brglmFit)}; the reported log-likelihood and AIC are the unpenalised ones at the
 * estimate (as brglm2's {@code logLik}). The likelihood-ratio test is the penalised one of logistf,
 * {@code 2 (l*(b) − l*(b_0))} against the Firth intercept-only fit. Profile penalised-likelihood
 * intervals (logistf's default) are not offered: logistf is not in Debian, so they could not be
 * validated.
 */
public final class FirthLogistic {

  /** Step size below which the iteration stops. */
  static final double TOLERANCE = 1e-10;

  /** Maximum iterations. */
  static final int MAX_ITER = 200;

  private FirthLogistic() {}

  /**
   * A Firth fit and its penalised log-likelihood (what model comparisons of Firth fits use).
   *
   * @param result the fit, in the layout of an ordinary logistic result
   * @param penalizedLogLik {@code l*(b)} at the estimate
   */
  public record Fit(LogisticResult result, double penalizedLogLik) {}

  /**
   * Fits the model with an intercept.
   *
   * @param y01 outcome, each 0 or 1
   * @param columns predictor columns (without intercept)
   * @param names one name per column
   * @param assign model variable of each column
   * @param level confidence level of the Wald intervals
   * @throws IllegalArgumentException for invalid input, one outcome class, collinear columns or
   *     non-convergence
   */
  public static Fit fit(
      double[] y01, double[][] columns, List<String> names, int[] assign, double level) {
    LogisticRegression.validate(y01, columns, names, assign, level);
    int n = y01.length;
    int events = LogisticRegression.requireBothClasses(y01);
    List<String> allNames = new ArrayList<>();
    allNames.add("(Intercept)");
    allNames.addAll(names);
    double[][] x = LogisticRegression.design(columns, n);
    State s = iterate(x, y01, allNames, null);
    double pbar = (double) events / n;
    double logLikNull = events * Math.log(pbar) + (n - events) * Math.log(1 - pbar);
    int p = x.length;
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double q = normal.inverseCumulativeProbability(1 - (1 - level) / 2);
    List<LogisticTerm> terms = new ArrayList<>();
    LogisticTerm intercept = null;
    for (int j = 0; j < p; j++) {
      double c = s.b[j];
      double se = Math.sqrt(s.inverse[j][j]);
      double z = c / se;
      double lo = c - q * se;
      double hi = c + q * se;
      LogisticTerm t =
          new LogisticTerm(
              allNames.get(j),
              j == 0 ? -1 : assign[j - 1],
              c,
              se,
              z,
              2 * normal.survivalProbability(Math.abs(z)),
              lo,
              hi,
              Math.exp(c),
              Math.exp(lo),
              Math.exp(hi),
              false,
              false);
      if (j == 0) {
        intercept = t;
      } else {
        terms.add(t);
      }
    }
    List<String> warnings = new ArrayList<>();
    String method =
        "Firth's penalised-likelihood logistic regression (Jeffreys prior; brglm2 AS_mean),"
            + " modified scoring to steps < 1e-10; SE from the Fisher information at the"
            + " estimate; Wald "
            + level
            + " CIs; log-likelihood and AIC unpenalised at the estimate (as brglm2); no"
            + " likelihood-ratio test (brglm2 gives none; logistf's penalised test is not"
            + " validated here)";
    LogisticResult r =
        new LogisticResult(
            n,
            events,
            intercept,
            terms,
            logLikNull,
            s.loglik,
            p,
            -2 * s.loglik + 2 * p,
            -2 * s.loglik,
            -2 * logLikNull,
            new LikelihoodRatioTest(Double.NaN, p - 1, Double.NaN),
            s.iterations,
            true,
            Separation.NONE,
            ConfidenceIntervalType.WALD,
            level,
            method,
            warnings);
    return new Fit(r, s.penalized);
  }

  /** The converged state of one Firth iteration. */
  private static final class State {
    double[] b;
    double[][] inverse;
    double loglik;
    double penalized;
    int iterations;
  }

  /**
   * The penalised log-likelihood maximised with the columns of the given variables held at 0, the
   * penalty {@code ½ log det I(b)} still that of the full design: the null model of logistf's
   * penalised likelihood-ratio test of those variables (Heinze &amp; Schemper 2002), which, unlike
   * a fit without the columns, does not change when a covariate is rescaled.
   *
   * @param y01 outcome 0/1
   * @param columns design columns (no intercept)
   * @param names column names
   * @param assign variable of each column
   * @param fixedVariables variables whose coefficients are held at 0
   * @return the constrained maximum of l*
   */
  public static double constrainedPenalizedLogLik(
      double[] y01, double[][] columns, List<String> names, int[] assign, int[] fixedVariables) {
    LogisticRegression.validate(y01, columns, names, assign, 0.95);
    List<String> allNames = new ArrayList<>();
    allNames.add("(Intercept)");
    allNames.addAll(names);
    double[][] x = LogisticRegression.design(columns, y01.length);
    boolean[] free = new boolean[x.length];
    java.util.Arrays.fill(free, true);
    for (int j = 0; j < assign.length; j++) {
      for (int v : fixedVariables) {
        if (assign[j] == v) {
          free[j + 1] = false;
        }
      }
    }
    return iterate(x, y01, allNames, free).penalized;
  }

  private static State iterate(double[][] x, double[] y, List<String> names, boolean[] free) {
    int p = x.length;
    Evaluation cur = evaluate(x, y, new double[p], names, free);
    for (int it = 1; it <= MAX_ITER; it++) {
      double size = 1;
      Evaluation next = null;
      for (int h = 0; h <= 25; h++) {
        double[] bn = new double[p];
        for (int j = 0; j < p; j++) {
          bn[j] = cur.b[j] + size * cur.stepDirection[j];
        }
        Evaluation cand = evaluate(x, y, bn, names, free);
        if (cand.penalized >= cur.penalized - 1e-12 * Math.abs(cur.penalized)) {
          next = cand;
          break;
        }
        size /= 2;
      }
      if (next == null) {
        throw new IllegalArgumentException(
            "Firth's penalised likelihood could not be increased (step-halving failed)");
      }
      double max = 0;
      for (int j = 0; j < p; j++) {
        max = Math.max(max, Math.abs(next.b[j] - cur.b[j]));
      }
      cur = next;
      if (max < TOLERANCE) {
        cur.state.iterations = it;
        return cur.state;
      }
    }
    throw new IllegalArgumentException(
        "Firth's logistic regression did not converge in " + MAX_ITER + " iterations");
  }

  /** Values at one b: the state, and the next modified-scoring direction. */
  private static final class Evaluation {
    State state;
    double[] b;
    double penalized;
    double[] stepDirection;
  }

  private static Evaluation evaluate(
      double[][] x, double[] y, double[] b, List<String> names, boolean[] free) {
    int p = x.length;
    int n = y.length;
    double[] mu = new double[n];
    double[] w = new double[n];
    double loglik = 0;
    for (int i = 0; i < n; i++) {
      double eta = 0;
      for (int j = 0; j < p; j++) {
        eta += x[j][i] * b[j];
      }
      // log p and log(1 − p) without cancellation
      double logP = -Math.log1p(Math.exp(-eta));
      double log1mP = -Math.log1p(Math.exp(eta));
      if (eta < -30) {
        logP = eta - Math.log1p(Math.exp(eta));
      } else if (eta > 30) {
        log1mP = -eta - Math.log1p(Math.exp(-eta));
      }
      mu[i] = Math.exp(logP);
      w[i] = mu[i] * (1 - mu[i]);
      loglik += y[i] == 1 ? logP : log1mP;
    }
    double[][] info = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += x[j][i] * w[i] * x[k][i];
        }
        info[j][k] = s;
        info[k][j] = s;
      }
    }
    double[][] chol = new double[p][];
    for (int j = 0; j < p; j++) {
      chol[j] = info[j].clone();
    }
    Cholesky.decompose(chol, 1e-12);
    double logDet = 0;
    for (int j = 0; j < p; j++) {
      if (!(chol[j][j] > 0)) {
        throw new IllegalArgumentException(
            "term " + names.get(j) + " is collinear with earlier columns (or constant)");
      }
      logDet += Math.log(chol[j][j]);
    }
    Cholesky.invert(chol);
    Cholesky.symmetrize(chol);
    double[] ustar = new double[p];
    double[] xi = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        xi[j] = x[j][i];
      }
      double h = 0;
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          s += chol[j][k] * xi[k];
        }
        h += xi[j] * s;
      }
      h *= w[i];
      double r = y[i] - mu[i] + h * (0.5 - mu[i]);
      for (int j = 0; j < p; j++) {
        ustar[j] += r * xi[j];
      }
    }
    double[] step = new double[p];
    if (free == null) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          s += chol[j][k] * ustar[k];
        }
        step[j] = s;
      }
    } else {
      // constrained: move the free coefficients only, I_ff d = U*_f (U* is the gradient of l*)
      int[] f = java.util.stream.IntStream.range(0, p).filter(j -> free[j]).toArray();
      double[][] sub = new double[f.length][f.length];
      double[] rhs = new double[f.length];
      for (int a = 0; a < f.length; a++) {
        rhs[a] = ustar[f[a]];
        for (int c = 0; c < f.length; c++) {
          sub[a][c] = info[f[a]][f[c]];
        }
      }
      Cholesky.decompose(sub, 1e-12);
      Cholesky.solve(sub, rhs);
      for (int a = 0; a < f.length; a++) {
        step[f[a]] = rhs[a];
      }
    }
    Evaluation e = new Evaluation();
    e.b = b;
    e.penalized = loglik + 0.5 * logDet;
    e.stepDirection = step;
    State st = new State();
    st.b = b;
    st.inverse = chol;
    st.loglik = loglik;
    st.penalized = e.penalized;
    e.state = st;
    return e;
  }
}
