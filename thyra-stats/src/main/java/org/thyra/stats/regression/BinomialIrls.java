package org.thyra.stats.regression;

import java.util.Arrays;

/**
 * Iteratively reweighted least squares for the binomial logit model, step for step as R's {@code
 * glm.fit}: start {@code mu = (y + 0.5) / 2}, weighted QR ({@link PivotedQr}, tolerance {@code
 * min(1e-7, epsilon / 1000)}) each iteration, convergence when {@code |dev - devold| / (|dev| +
 * 0.1) < epsilon}, at most {@code maxit} iterations. The logit inverse link and its derivative are
 * thresholded at |eta| = 30 as R's C code does.
 *
 * <p>Reference: McCullagh and Nelder (1989) Generalized Linear Models, 2nd ed., §2.5; R {@code
 * stats::glm.fit} and {@code src/library/stats/src/family.c}.
 */
final class BinomialIrls {
  static final double EPSILON = 1e-8;
  static final int MAXIT = 25;
  private static final double DBL_EPSILON = Math.ulp(1.0);
  private static final double THRESH = 30;
  private static final double INVEPS = 1 / DBL_EPSILON;

  /** Result of one IRLS fit; {@code coef} holds NaN for aliased columns. */
  record Fit(
      double[] coef,
      boolean[] aliased,
      int rank,
      double deviance,
      int iterations,
      boolean converged,
      double[] eta,
      double[] mu,
      double[][] unscaledCovariance) {}

  private BinomialIrls() {}

  static double linkinv(double eta) {
    double x = eta < -THRESH ? DBL_EPSILON : (eta > THRESH ? INVEPS : Math.exp(eta));
    return x / (1 + x);
  }

  static double muEta(double eta) {
    double opexp = 1 + Math.exp(eta);
    return (eta > THRESH || eta < -THRESH) ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
  }

  /** Binomial deviance residual contribution (R's {@code binomial_dev_resids}, weight 1). */
  static double devResid(double y, double mu) {
    return 2 * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
  }

  private static double yLogY(double y, double mu) {
    return y != 0 ? y * Math.log(y / mu) : 0;
  }

  static double deviance(double[] y, double[] mu) {
    return deviance(y, mu, null);
  }

  /**
   * Deviance with prior weights ({@code sum w_i d_i}; null = all 1), as {@code
   * binomial()$dev.resids}.
   */
  static double deviance(double[] y, double[] mu, double[] weights) {
    double dev = 0;
    for (int i = 0; i < y.length; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w != 0) {
        dev += w * devResid(y[i], mu[i]);
      }
    }
    return dev;
  }

  /**
   * Fits the model.
   *
   * @param x column-major design including the intercept column if any; not modified
   * @param y 0/1 responses
   * @param offset offset or null
   * @param etastart starting linear predictor (including offset) or null for R's default start
   * @param maxit maximum iterations
   * @param epsilon convergence tolerance; a negative value runs exactly {@code maxit} iterations
   */
  static Fit fit(
      double[][] x, double[] y, double[] offset, double[] etastart, int maxit, double epsilon) {
    return fit(x, y, null, offset, etastart, maxit, epsilon);
  }

  /**
   * Fits the model with prior weights, as {@code glm.fit(x, y, weights, family = binomial())}: the
   * start is {@code mustart = (w y + 0.5) / (w + 1)}, the working weights are {@code w mu.eta^2 /
   * (mu (1 - mu))} and the deviance is {@code sum w d_i}. A row of weight 0 contributes nothing (R
   * drops it from the QR; here its row of the weighted design is 0, which gives the same
   * factorisation).
   *
   * @param x column-major design including the intercept column if any; not modified
   * @param y responses in [0, 1]
   * @param weights prior weights, each finite and {@code >= 0}, or null for all 1
   * @param offset offset or null
   * @param etastart starting linear predictor (including offset) or null for R's default start
   * @param maxit maximum iterations
   * @param epsilon convergence tolerance; a negative value runs exactly {@code maxit} iterations
   */
  static Fit fit(
      double[][] x,
      double[] y,
      double[] weights,
      double[] offset,
      double[] etastart,
      int maxit,
      double epsilon) {
    int n = y.length;
    int p = x.length;
    double[] eta = new double[n];
    double[] mu = new double[n];
    if (etastart != null) {
      System.arraycopy(etastart, 0, eta, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        double pw = weights == null ? 1 : weights[i];
        // binomial()$initialize: y of a zero-weight row counts as 0
        double m = ((pw == 0 ? 0 : pw * y[i]) + 0.5) / (pw + 1);
        eta[i] = Math.log(m / (1 - m));
      }
    }
    for (int i = 0; i < n; i++) {
      mu[i] = linkinv(eta[i]);
    }
    double devold = deviance(y, mu, weights);
    double dev = devold;
    double tol = Math.min(1e-7, Math.abs(epsilon) / 1000);
    double[][] work = new double[p][n];
    double[] z = new double[n];
    double[] weight = new double[n];
    double[] start = new double[p];
    PivotedQr qr = null;
    boolean converged = false;
    int iter = 0;
    for (iter = 1; iter <= maxit; iter++) {
      for (int i = 0; i < n; i++) {
        double me = muEta(eta[i]);
        double off = offset == null ? 0 : offset[i];
        double pw = weights == null ? 1 : weights[i];
        double w = Math.sqrt(pw * me * me / (mu[i] * (1 - mu[i])));
        weight[i] = w;
        z[i] = ((eta[i] - off) + (y[i] - mu[i]) / me) * w;
      }
      for (int j = 0; j < p; j++) { // column-wise: contiguous memory
        double[] xj = x[j];
        double[] wj = work[j];
        for (int i = 0; i < n; i++) {
          wj[i] = xj[i] * weight[i];
        }
      }
      double[][] cols = work.clone(); // PivotedQr permutes the column references
      qr = PivotedQr.decompose(cols, n, tol);
      start = qr.solve(z);
      for (double c : start) {
        if (!Double.isFinite(c)) {
          throw new ArithmeticException("non-finite coefficients at iteration " + iter);
        }
      }
      // eta = x %*% start + offset, accumulated column by column as BLAS dgemv
      if (offset == null) {
        java.util.Arrays.fill(eta, 0.0);
      } else {
        System.arraycopy(offset, 0, eta, 0, n);
      }
      for (int j = 0; j < p; j++) {
        double b = start[j];
        if (b == 0) {
          continue;
        }
        double[] xj = x[j];
        for (int i = 0; i < n; i++) {
          eta[i] += xj[i] * b;
        }
      }
      for (int i = 0; i < n; i++) {
        mu[i] = linkinv(eta[i]);
      }
      dev = deviance(y, mu, weights);
      // binomial/logit: dev is always finite and mu always valid, so glm.fit's step halving never
      // triggers
      if (epsilon >= 0 && Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
        converged = true;
        break;
      }
      devold = dev;
    }
    if (iter > maxit) {
      iter = maxit;
    }
    int rank = qr == null ? 0 : qr.rank();
    boolean[] aliased = new boolean[p];
    double[] coef = start.clone();
    if (qr != null) {
      for (int j = rank; j < p; j++) {
        aliased[qr.pivot(j)] = true;
        coef[qr.pivot(j)] = Double.NaN;
      }
    }
    double[][] cov = qr == null ? new double[0][0] : qr.unscaledCovariance();
    return new Fit(coef, aliased, rank, dev, iter, converged, eta, mu, cov);
  }

  /** Fills NaN (aliased) coefficients with 0 for computing a linear predictor. */
  static double[] zeroAliased(double[] coef) {
    double[] c = Arrays.copyOf(coef, coef.length);
    for (int j = 0; j < c.length; j++) {
      if (Double.isNaN(c[j])) {
        c[j] = 0;
      }
    }
    return c;
  }
}
