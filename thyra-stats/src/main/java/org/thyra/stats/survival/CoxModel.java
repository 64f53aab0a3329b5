package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.thyra.stats.linear.Cholesky;

/**
 * Cox proportional hazards regression for right-censored data, a port of R's survival 3.5 {@code
 * coxph} / {@code coxph.fit} / {@code coxfit6.c}.
 *
 * <p>Maximises the log partial likelihood; with Breslow ties, for an event time with {@code d}
 * events, risk set R and event set D: {@code l(b) = sum [ sum_{i in D} x_i'b - d log sum_{j in R}
 * exp(x_j'b) ]}; with Efron ties the second term becomes {@code sum_{k=0}^{d-1} log( sum_R exp(x'b)
 * - (k/d) sum_D exp(x'b) )}. Strata have separate risk sets. As R does:
 *
 * <ul>
 *   <li>each column is centred on its mean and scaled by {@code n / sum|x - mean|}, except columns
 *       whose values all lie in {-1, 0, 1}, which are used as given;
 *   <li>Newton–Raphson from b = 0; a step that lowers the likelihood (or overflows) is pulled back
 *       towards the last good estimate (step-halving, more aggressively each time);
 *   <li>convergence when {@code |1 - loglik_best / loglik_new| <= epsilon}; the iteration count is
 *       R's ({@code maxIterations + 1} when it runs out);
 *   <li>a column whose Cholesky pivot is below {@code tolerChol * max pivot} is aliased: its
 *       coefficient is NA (NaN), the others are estimated as if it were absent;
 *   <li>the infinite-coefficient warning of {@code coxph.fit}: with {@code u} the final score and
 *       {@code V} the variance, column j is flagged when {@code |u'V|_j > epsilon and |u'V|_j >
 *       tolerInf * |b_j|} (or u_j is not finite).
 * </ul>
 *
 * A note on R's non-converged fits: after running out of iterations, {@code coxfit6} inverts the
 * information matrix without factoring it, which yields {@code 1 / I_jj} on the diagonal and zero
 * covariances. This port reproduces that so that results agree with R; the fit then carries the
 * warning "Ran out of iterations and did not converge" and its standard errors should not be used.
 *
 * <p>Cost: one primitive sort by (stratum, time), then per iteration one backward pass over
 * row-major data, O(n p^2), with no allocation.
 *
 * <p>References: Cox DR (1972) JRSS B 34:187–220; Efron B (1977) JASA 72:557–565; Therneau TM,
 * Grambsch PM (2000) Modeling Survival Data, Springer; survival package source.
 */
public final class CoxModel {

  private CoxModel() {}

  /**
   * Fits a Cox model.
   *
   * @param time follow-up times, finite and >= 0
   * @param status 1 = event, 0 = censored
   * @param columns covariates, column-major: {@code columns[j][i]} is column j of row i
   * @param columnNames one name per column
   * @param strata stratum codes 0..k-1 per row, or null for no strata
   * @param options settings ({@link CoxOptions#defaults()})
   * @return the fit
   * @throws IllegalArgumentException for mismatched lengths, fewer than 2 rows, negative or
   *     non-finite times, status other than 0/1, non-finite covariates or invalid strata
   */
  public static CoxFit fit(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> columnNames,
      int[] strata,
      CoxOptions options) {
    return fit(time, status, columns, columnNames, strata, options, true);
  }

  /**
   * As {@link #fit(double[], int[], double[][], List, int[], CoxOptions)}; without {@code
   * withConcordance} the fit's concordance is null, for a caller that computes it alongside other
   * work ({@link CoxAnalysis}) or does not need it (bootstrap replicates).
   *
   * @param withConcordance whether to compute Harrell's C of the linear predictor
   * @return the fit
   */
  // the overloads repeat the parameter list only: each delegates to the private fit below
  public static CoxFit fit(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> columnNames,
      int[] strata,
      CoxOptions options,
      boolean withConcordance) {
    return fit(time, status, columns, columnNames, strata, options, withConcordance, null);
  }

  /**
   * As above; {@code engineOut[0]} receives the engine (sorted, centred data) so that the PH test
   * can reuse it instead of sorting and copying the data again ({@link CoxAnalysis}). The fit
   * shares no array with the engine, so later passes leave it unchanged.
   */
  static CoxFit fit(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> columnNames,
      int[] strata,
      CoxOptions options,
      boolean withConcordance,
      Engine[] engineOut) {
    return fit(
        time, status, columns, columnNames, strata, options, withConcordance, engineOut, null);
  }

  /**
   * Fits the model starting Newton–Raphson from {@code initial} instead of 0, as {@code coxph(...,
   * init = initial)}: the maximum is the same (to the convergence criterion), reached in fewer
   * iterations when the start is close, e.g. a bootstrap replicate started from the coefficients of
   * the full data. As in R, {@link CoxFit#loglikNull()} and the score test are then evaluated at
   * {@code initial}.
   *
   * @param initial starting coefficients, one per column (a non-finite value counts as 0)
   * @param withConcordance whether to compute Harrell's C of the linear predictor
   * @return the fit
   * @throws IllegalArgumentException as {@link #fit(double[], int[], double[][], List, int[],
   *     CoxOptions)}, or when {@code initial} has the wrong length
   */
  public static CoxFit fitFrom(
      double[] initial,
      double[] time,
      int[] status,
      double[][] columns,
      List<String> columnNames,
      int[] strata,
      CoxOptions options,
      boolean withConcordance) {
    if (initial == null || columns == null || initial.length != columns.length) {
      throw new IllegalArgumentException(
          "initial coefficients: need one per column ("
              + (columns == null ? 0 : columns.length)
              + "), got "
              + (initial == null ? "null" : initial.length));
    }
    return fit(time, status, columns, columnNames, strata, options, withConcordance, null, initial);
  }

  private static CoxFit fit(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> columnNames,
      int[] strata,
      CoxOptions options,
      boolean withConcordance,
      Engine[] engineOut,
      double[] initial) {
    validate(time, status, columns, columnNames);
    final CoxOptions opts = options == null ? CoxOptions.defaults() : options;
    final int n = time.length;
    final int p = columns.length;
    final int nStrata = CoxOrdering.strataCount(strata, n);
    final CoxTimeFix.Ranked times = CoxTimeFix.ranked(time, opts.timeFix());
    int events = 0;
    for (int s : status) {
      events += s;
    }
    if (events == 0) {
      return noEvents(columns, columnNames, n, nStrata, opts);
    }

    final Engine engine = new Engine(times, status, columns, strata, nStrata, opts);
    if (initial != null) {
      engine.start(initial);
    }
    engine.run();
    if (engineOut != null) {
      engineOut[0] = engine;
    }

    // coxph.fit: linear predictor, singular columns, infinite-coefficient check
    final double[] coef = engine.beta.clone();
    final double[][] var = new double[p][];
    for (int j = 0; j < p; j++) {
      var[j] = engine.imat[j].clone();
    }
    final double[] means = engine.means;
    final double[] lp = linearPredictor(columns, n, coef, means, strata, nStrata);
    final boolean[] aliased = new boolean[p];
    // as coxph.fit, a singular column becomes NA only when iterations were allowed
    if (engine.flag < p && opts.maxIterations() > 0) {
      for (int j = 0; j < p; j++) {
        aliased[j] = var[j][j] == 0;
      }
    }
    final List<String> warnings = new ArrayList<>();
    final int maxIter = opts.maxIterations();
    if (maxIter > 1) {
      final double[] infs = new double[p];
      boolean anyNonFinite = false;
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int i = 0; i < p; i++) {
          s += engine.u[i] * var[i][j];
        }
        infs[j] = Math.abs(s);
        anyNonFinite |= !Double.isFinite(infs[j]);
      }
      if (engine.flag == Engine.NOT_CONVERGED) {
        warnings.add("Ran out of iterations and did not converge");
        if (maxLinearPredictor(columns, n, coef, means) > 500 || anyNonFinite) {
          warnings.add("one or more coefficients may be infinite");
        }
      } else {
        final StringBuilder which = new StringBuilder();
        for (int j = 0; j < p; j++) {
          final boolean inf =
              !Double.isFinite(engine.u[j])
                  || (infs[j] > opts.epsilon() && infs[j] > opts.tolerInf() * Math.abs(coef[j]));
          if (inf) {
            which.append(which.length() == 0 ? "" : ",").append(columnNames.get(j));
          }
        }
        if (which.length() > 0) {
          warnings.add(
              "Loglik converged before variable  " + which + " ; coefficient may be infinite.");
        }
      }
    }
    final double[] coefficients = coef.clone();
    final StringBuilder aliasedNames = new StringBuilder();
    for (int j = 0; j < p; j++) {
      if (aliased[j]) {
        coefficients[j] = Double.NaN;
        aliasedNames.append(aliasedNames.length() == 0 ? "" : ", ").append(columnNames.get(j));
      }
    }
    if (aliasedNames.length() > 0) {
      warnings.add("X matrix deemed to be singular; coefficient NA (aliased) for: " + aliasedNames);
    }

    // coxph: Wald test over the non-aliased coefficients, as coxph.wtest
    final double wald = waldStatistic(coefficients, aliased, var, opts.tolerChol());
    final ConcordanceResult concordance =
        withConcordance
            ? Concordance.computeFixed(times.time(), times.ranks(), status, lp, strata, true)
            : null;
    return new CoxFit(
        columnNames,
        coefficients,
        aliased,
        var,
        means,
        engine.loglik0,
        engine.loglik1,
        engine.iter,
        engine.flag != Engine.NOT_CONVERGED,
        engine.sctest,
        wald,
        n,
        events,
        nStrata,
        lp,
        concordance,
        warnings,
        opts);
  }

  /** Largest {@code x'b - means'b}, the linear predictor coxph.fit checks for overflow. */
  private static double maxLinearPredictor(
      double[][] columns, int n, double[] coef, double[] means) {
    double centre = 0;
    for (int j = 0; j < coef.length; j++) {
      centre += coef[j] * means[j];
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < coef.length; j++) {
        s += columns[j][i] * coef[j];
      }
      max = Math.max(max, s - centre);
    }
    return max;
  }

  /**
   * R's {@code predict(fit, type = "lp")} on the fitted data: {@code x'b - means'b} without strata;
   * with strata, columns are centred on their stratum means (reference "strata").
   */
  private static double[] linearPredictor(
      double[][] columns, int n, double[] coef, double[] means, int[] strata, int nStrata) {
    final int p = columns.length;
    final double[] lp = new double[n];
    if (strata == null || nStrata == 1) {
      double centre = 0;
      for (int j = 0; j < p; j++) {
        centre += coef[j] * means[j];
      }
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += columns[j][i] * coef[j];
        }
        lp[i] = s - centre;
      }
      return lp;
    }
    final double[] count = new double[nStrata];
    for (int s : strata) {
      count[s]++;
    }
    final double[][] stratumMean = new double[p][nStrata];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        stratumMean[j][strata[i]] += columns[j][i];
      }
      for (int s = 0; s < nStrata; s++) {
        stratumMean[j][s] /= count[s];
      }
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += (columns[j][i] - stratumMean[j][strata[i]]) * coef[j];
      }
      lp[i] = s;
    }
    return lp;
  }

  private static double waldStatistic(
      double[] coef, boolean[] aliased, double[][] var, double toler) {
    // as NonAliasedTest, but also NaN for a non-finite variance, and b^2 / v for one coefficient
    // (the model-based Wald statistic has always been computed so; kept for identical output)
    final int[] keep = NonAliasedTest.kept(aliased);
    final int k = keep.length;
    if (k == 0) {
      return 0;
    }
    final double[] b = NonAliasedTest.vector(coef, keep);
    final double[][] v = NonAliasedTest.matrix(var, keep);
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(b[i])) {
        return Double.NaN;
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(v[i][j])) {
          return Double.NaN;
        }
      }
    }
    if (k == 1) {
      return b[0] * b[0] / v[0][0];
    }
    return Cholesky.quadraticFormInverse(v, b, toler);
  }

  /**
   * An engine on validated data, with the fit's time fix, for the PH test.
   *
   * @return the engine (sorted, centred and scaled data)
   */
  static Engine engine(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      int[] strata,
      CoxOptions opts) {
    validate(time, status, columns, names);
    final int nStrata = CoxOrdering.strataCount(strata, time.length);
    return new Engine(
        CoxTimeFix.ranked(time, opts.timeFix()), status, columns, strata, nStrata, opts);
  }

  /** As coxph without events: every coefficient NA, likelihoods 0. */
  private static CoxFit noEvents(
      double[][] columns, List<String> names, int n, int nStrata, CoxOptions opts) {
    final int p = columns.length;
    final double[] coef = new double[p];
    Arrays.fill(coef, Double.NaN);
    final boolean[] aliased = new boolean[p];
    Arrays.fill(aliased, true);
    final double[] means = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (double v : columns[j]) {
        s += v;
      }
      means[j] = s / n;
    }
    final ConcordanceResult conc =
        new ConcordanceResult(
            Double.NaN, Double.NaN, 0, 0, 0, 0, 0, "Harrell's C: undefined without events");
    return new CoxFit(
        names,
        coef,
        aliased,
        new double[p][p],
        means,
        0,
        0,
        0,
        false,
        0,
        0,
        n,
        0,
        nStrata,
        new double[n],
        conc,
        List.of("No events: the Cox model cannot be estimated, all coefficients are NA"),
        opts);
  }

  private static void validate(
      double[] time, int[] status, double[][] columns, List<String> names) {
    if (time == null || status == null || columns == null || names == null) {
      throw new IllegalArgumentException("time, status, columns and columnNames must not be null");
    }
    final int n = time.length;
    if (status.length != n) {
      throw new IllegalArgumentException(
          "status has length " + status.length + " but time has length " + n);
    }
    if (n < 2) {
      throw new IllegalArgumentException("a Cox model needs at least 2 observations, got " + n);
    }
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(
          "columnNames has "
              + names.size()
              + " names but there are "
              + columns.length
              + " columns");
    }
    SurvivalInput.checkValues(time, status);
    for (int j = 0; j < columns.length; j++) {
      final double[] c = columns[j];
      if (c == null || c.length != n) {
        throw new IllegalArgumentException(
            "column "
                + names.get(j)
                + " has length "
                + (c == null ? 0 : c.length)
                + " but time has length "
                + n);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(c[i])) {
          throw new IllegalArgumentException(
              "column " + names.get(j) + " has a non-finite value " + c[i] + " at row " + i);
        }
      }
    }
  }

  /**
   * The Newton–Raphson fit on sorted, centred and scaled data (coxfit6.c). Work arrays are
   * allocated once; the per-iteration pass allocates nothing.
   */
  static final class Engine {
    static final int NOT_CONVERGED = 1000;

    private final int n;
    private final int p;
    private final boolean efron;
    private final int maxIter;
    private final double eps;
    private final double toler;
    private final double[] time;

    /** The input's times (after the time fix) and their ranks, in input order. */
    final CoxTimeFix.Ranked inputTimes;

    private final boolean[] dead;
    private final boolean[] lastInStratum;
    private final boolean[] severalEvents; // at the first row visited of each tie group
    private final int[] order; // sorted position -> input row
    private final double[] x; // row-major, sorted, centred and scaled
    private final double[] scale;
    final double[] means;

    final double[] beta;
    final double[] u;
    final double[][] imat;
    private final double[] a; // work vector of Newton-Raphson steps
    private final double[] info; // packed information, unpacked into imat per pass
    private final Slice[] slices; // who computes which rows of info
    // optional time weights g(t) for the PH test: score and information of theta in
    // b + g(t) theta are accumulated beside the model's (null when fitting)
    private double[] timeWeight;
    private double[] uG;
    private double[] infoG;
    private double[] infoGG;
    private final double[] newbeta;

    double loglik0;
    double loglik1;
    double sctest;
    int iter;
    int flag;

    Engine(
        CoxTimeFix.Ranked times,
        int[] status,
        double[][] columns,
        int[] strata,
        int nStrata,
        CoxOptions o) {
      final double[] t = times.time();
      final int[] timeOrder = times.ranks().order();
      inputTimes = times;
      n = t.length;
      p = columns.length;
      efron = o.ties() == Ties.EFRON;
      maxIter = o.maxIterations();
      eps = o.epsilon();
      toler = o.tolerChol();
      order = CoxOrdering.byStratumThenTime(timeOrder, strata, nStrata);
      time = new double[n];
      dead = new boolean[n];
      lastInStratum = new boolean[n];
      x = new double[n * p];
      // scatter each input row to its sorted position: the columns are read sequentially
      // and each row is written once (a gather would miss the cache on every element)
      final int[] position = new int[n];
      for (int k = 0; k < n; k++) {
        final int i = order[k];
        position[i] = k;
        time[k] = t[i];
        dead[k] = status[i] == 1;
        lastInStratum[k] = k == n - 1 || (strata != null && strata[i] != strata[order[k + 1]]);
      }
      final int rowBlock = 4096;
      for (int ib = 0; ib < n; ib += rowBlock) {
        final int ie = Math.min(n, ib + rowBlock);
        for (int j = 0; j < p; j++) {
          final double[] col = columns[j];
          for (int i = ib; i < ie; i++) {
            x[position[i] * p + j] = col[i];
          }
        }
      }
      // tie groups (same time, same stratum) with several events: only these need the
      // events' sums kept apart for Efron's approximation
      severalEvents = new boolean[n];
      for (int k = n - 1; k >= 0; ) {
        final int top = k;
        int events = 0;
        do {
          events += dead[k] ? 1 : 0;
          k--;
        } while (k >= 0 && time[k] == time[top] && !lastInStratum[k]);
        severalEvents[top] = events > 1;
      }
      // centre and scale as coxfit6, except columns with values in {-1, 0, 1} (nocenter)
      means = new double[p];
      scale = new double[p];
      final boolean[] zeroOne = new boolean[p];
      Arrays.fill(zeroOne, true);
      final double[] sum = new double[p];
      for (int k = 0, base = 0; k < n; k++, base += p) {
        for (int j = 0; j < p; j++) {
          final double v = x[base + j];
          sum[j] += v;
          if (zeroOne[j] && !(v == 0 || v == 1 || v == -1)) {
            zeroOne[j] = false;
          }
        }
      }
      final double[] abs = new double[p];
      for (int j = 0; j < p; j++) {
        means[j] = zeroOne[j] ? 0 : sum[j] / n;
      }
      for (int k = 0, base = 0; k < n; k++, base += p) {
        for (int j = 0; j < p; j++) {
          final double v = x[base + j] - means[j];
          x[base + j] = v;
          abs[j] += Math.abs(v);
        }
      }
      for (int j = 0; j < p; j++) {
        scale[j] = zeroOne[j] || !(abs[j] > 0) ? 1.0 : n / abs[j];
      }
      for (int k = 0, base = 0; k < n; k++, base += p) {
        for (int j = 0; j < p; j++) {
          x[base + j] *= scale[j];
        }
      }
      beta = new double[p];
      u = new double[p];
      imat = new double[p][p];
      a = new double[p];
      info = new double[p * (p + 1) / 2];
      slices = slices(n);
      newbeta = new double[p];
    }

    void run() {
      iter = 0;
      loglik0 = pass(beta);
      loglik1 = loglik0;
      System.arraycopy(u, 0, a, 0, p);
      flag = Cholesky.decompose(imat, toler);
      Cholesky.solve(imat, a);
      double temp = 0;
      for (int i = 0; i < p; i++) {
        temp += u[i] * a[i];
      }
      sctest = temp;
      if (maxIter == 0 || p == 0 || !Double.isFinite(loglik0)) { // p == 0: null model
        Cholesky.invert(imat);
        rescale(beta);
        return;
      }
      for (int i = 0; i < p; i++) {
        newbeta[i] = beta[i] + a[i];
      }
      int halving = 0;
      // coxfit6's Newton-Raphson with step-halving; CoxCounting.Engine.run repeats its shape
      // (agfit4's is the same loop) but keeps beta unscaled and its own end state, so the two
      // loops are kept separate rather than bent into one driver
      for (iter = 1; iter <= maxIter; iter++) {
        final double newlk = pass(newbeta);
        flag = Cholesky.decompose(imat, toler);
        boolean notFinite = !Double.isFinite(newlk);
        for (int i = 0; i < p && !notFinite; i++) {
          notFinite = !Double.isFinite(u[i]);
          for (int j = 0; j < p && !notFinite; j++) {
            notFinite = !Double.isFinite(imat[i][j]);
          }
        }
        if (!notFinite && Math.abs(1 - (loglik1 / newlk)) <= eps) {
          loglik1 = newlk;
          Cholesky.invert(imat);
          rescale(newbeta);
          if (halving > 0) {
            flag = -2;
          }
          return;
        }
        if (notFinite || newlk < loglik1) {
          halving++;
          for (int i = 0; i < p; i++) {
            newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1.0);
          }
        } else {
          halving = 0;
          loglik1 = newlk;
          Cholesky.solve(imat, u);
          for (int i = 0; i < p; i++) {
            beta[i] = newbeta[i];
            newbeta[i] = newbeta[i] + u[i];
          }
        }
      }
      // out of iterations: R recomputes score and information at the last good beta and
      // inverts without factoring (see the class comment)
      if (maxIter > 1) {
        loglik1 = pass(beta);
      }
      Cholesky.invert(imat);
      rescale(beta);
      flag = NOT_CONVERGED;
    }

    /**
     * Score and information of (b, theta) for the model {@code b + g(t) theta} at the given b and
     * theta = 0, in the engine's centred and scaled coordinates (a diagonal reparametrisation,
     * which leaves score tests unchanged). Used by {@link CoxZph}.
     *
     * @param coefficients b on the original scale (NaN read as 0, as an aliased column)
     * @param g g(t) per input row
     * @return u (2p) and the 2p x 2p information matrix
     */
    double[][] timeWeightedScore(double[] coefficients, double[] g) {
      final double[] b = new double[p];
      for (int i = 0; i < p; i++) {
        b[i] = Double.isNaN(coefficients[i]) ? 0 : coefficients[i] / scale[i];
      }
      timeWeight = new double[n];
      for (int k = 0; k < n; k++) {
        timeWeight[k] = g[order[k]];
      }
      uG = new double[p];
      infoG = new double[info.length];
      infoGG = new double[info.length];
      pass(b);
      final double[][] result = new double[2 * p + 1][];
      final double[] score = new double[2 * p];
      System.arraycopy(u, 0, score, 0, p);
      System.arraycopy(uG, 0, score, p, p);
      final double[][] im = new double[2 * p][2 * p];
      for (int i = 0, t = 0; i < p; i++) {
        for (int j = 0; j <= i; j++, t++) {
          im[i][j] = info[t];
          im[j][i] = info[t];
          im[i][j + p] = infoG[t];
          im[j][i + p] = infoG[t];
          im[i + p][j] = infoG[t];
          im[j + p][i] = infoG[t];
          im[i + p][j + p] = infoGG[t];
          im[j + p][i + p] = infoGG[t];
        }
      }
      result[0] = score;
      System.arraycopy(im, 0, result, 1, 2 * p);
      return result;
    }

    /** Back to the original scale: beta, score and variance; variance made symmetric. */
    /** Starts from coefficients on the original scale (the engine's are scaled, see rescale). */
    void start(double[] initial) {
      for (int i = 0; i < p; i++) {
        beta[i] = Double.isFinite(initial[i]) ? initial[i] / scale[i] : 0;
      }
    }

    private void rescale(double[] b) {
      for (int i = 0; i < p; i++) {
        beta[i] = b[i] * scale[i];
        u[i] /= scale[i];
        imat[i][i] *= scale[i] * scale[i];
        for (int j = 0; j < i; j++) {
          imat[j][i] *= scale[i] * scale[j];
          imat[i][j] = imat[j][i];
        }
      }
    }

    /**
     * One pass from the last time backwards: log partial likelihood at {@code b}, score {@code u}
     * and information (upper triangle of {@code imat}, lower triangle 0), as coxfit6_iter. Sums
     * over a risk set are cumulative; matrices are packed lower triangles.
     *
     * <p>On large data the information matrix is split by rows of its lower triangle between two
     * {@link Slice}s that walk the rows concurrently; each slice owns its entries, so the result is
     * the same, to the last bit, as one slice computing all of them.
     */
    double pass(double[] b) {
      Arrays.fill(u, 0);
      Arrays.fill(info, 0);
      if (timeWeight != null) {
        Arrays.fill(uG, 0);
        Arrays.fill(infoG, 0);
        Arrays.fill(infoGG, 0);
      }
      final double loglik;
      if (slices.length == 1) {
        loglik = slices[0].pass(b);
      } else {
        final Slice helper = slices[1];
        final AtomicBoolean claimed = new AtomicBoolean();
        final Runnable second =
            () -> {
              if (claimed.compareAndSet(false, true)) {
                helper.pass(b);
              }
            };
        final ForkJoinTask<?> task = ForkJoinPool.commonPool().submit(second);
        loglik = slices[0].pass(b);
        if (claimed.compareAndSet(false, true)) {
          helper.pass(b); // the pool was busy: do the second slice here
        } else {
          task.join();
        }
      }
      final double[][] imat = this.imat;
      for (int i = 0, t = 0; i < p; i++) {
        for (int j = 0; j <= i; j++, t++) {
          imat[j][i] = info[t];
          if (j < i) {
            imat[i][j] = 0;
          }
        }
      }
      return loglik;
    }

    /**
     * Rows from which a pass is split between two threads: below it the split costs more than it
     * saves. Not final so that tests can run the split on small golden data.
     */
    static volatile int parallelMinRows = 50_000;

    private Slice[] slices(int rows) {
      final int total = p * (p + 1) / 2;
      if (rows < parallelMinRows
          || p < 2
          || ForkJoinPool.getCommonPoolParallelism() < 1
          || Runtime.getRuntime().availableProcessors() < 2) {
        return new Slice[] {new Slice(0, p)};
      }
      // rows [0, r) of the triangle to the first slice (which also sums loglik and u),
      // [r, p) to the second, with about half the entries each
      int r = 1;
      while (r < p - 1 && (r + 1) * (r + 2) / 2 <= total / 2) {
        r++;
      }
      return new Slice[] {new Slice(0, r), new Slice(r, p)};
    }

    /**
     * The entries of rows [lo, hi) of the packed information matrix (and, for the PH test, of infoG
     * and infoGG). Every slice keeps the full first-moment sums (a, a2: p values per row, cheap);
     * the slice with lo == 0 also sums the log-likelihood and the scores.
     */
    private final class Slice {
      private final int lo;
      private final int hi;
      private final boolean primary;
      private final double[] a = new double[p];
      private final double[] a2 = new double[p];
      private final double[] cmat = new double[p * (p + 1) / 2];
      private final double[] cmat2 = new double[p * (p + 1) / 2];

      Slice(int lo, int hi) {
        this.lo = lo;
        this.hi = hi;
        this.primary = lo == 0;
      }

      double pass(double[] b) {
        final int p = Engine.this.p;
        final double[] x = Engine.this.x;
        final double[] a = this.a;
        final double[] cmat = this.cmat;
        final double[] info = Engine.this.info;
        final double[] u = Engine.this.u;
        final boolean primary = this.primary;
        final int lo = this.lo;
        final int hi = this.hi;
        final int tLo = lo * (lo + 1) / 2;
        Arrays.fill(a2, 0);
        Arrays.fill(cmat2, 0);
        double loglik = 0;
        double denom = 0;
        int person = n - 1;
        while (person >= 0) {
          if (lastInStratum[person]) {
            denom = 0;
            Arrays.fill(a, 0);
            Arrays.fill(cmat, 0);
          }
          final double dtime = time[person];
          final double gt = timeWeight == null ? 0 : timeWeight[person];
          // Efron with several events keeps the events' sums apart (a2, cmat2);
          // otherwise events go straight into the risk set sums, as Breslow adds them
          final boolean split = efron && severalEvents[person];
          int ndead = 0;
          double denom2 = 0;
          while (person >= 0 && time[person] == dtime) {
            final int base = person * p;
            double zbeta = 0;
            for (int i = 0; i < p; i++) {
              zbeta += b[i] * x[base + i];
            }
            final double risk = Math.exp(zbeta);
            if (!dead[person]) {
              denom += risk;
              accumulate(a, cmat, risk, x, base, p, lo, hi);
            } else {
              ndead++;
              if (primary) {
                loglik += zbeta;
                for (int i = 0; i < p; i++) {
                  u[i] += x[base + i];
                }
                if (timeWeight != null) {
                  for (int i = 0; i < p; i++) {
                    uG[i] += gt * x[base + i];
                  }
                }
              }
              if (split) {
                denom2 += risk;
                accumulate(a2, cmat2, risk, x, base, p, lo, hi);
              } else {
                denom += risk;
                accumulate(a, cmat, risk, x, base, p, lo, hi);
              }
            }
            person--;
            if (person >= 0 && lastInStratum[person]) {
              break; // ties do not cross strata
            }
          }
          if (ndead == 0) {
            continue;
          }
          final double deadwt = ndead;
          if (!split) {
            loglik -= deadwt * Math.log(denom);
            final double inv = 1 / denom;
            final double weight = deadwt * inv; // one division per event time
            if (primary) {
              for (int i = 0; i < p; i++) {
                u[i] -= deadwt * (a[i] * inv);
              }
            }
            int t = tLo;
            for (int i = lo; i < hi; i++) {
              final double mean = a[i] * inv;
              for (int j = 0; j <= i; j++, t++) {
                info[t] += weight * (cmat[t] - mean * a[j]);
              }
            }
            if (timeWeight != null) {
              if (primary) {
                for (int i = 0; i < p; i++) {
                  uG[i] -= gt * deadwt * (a[i] * inv);
                }
              }
              t = tLo;
              for (int i = lo; i < hi; i++) {
                final double mean = a[i] * inv;
                for (int j = 0; j <= i; j++, t++) {
                  final double incr = weight * (cmat[t] - mean * a[j]);
                  infoG[t] += gt * incr;
                  infoGG[t] += gt * gt * incr;
                }
              }
            }
          } else {
            loglik -= efronGroup(ndead, denom, denom2, gt);
            denom += denom2;
            Arrays.fill(a2, 0);
            Arrays.fill(cmat2, 0);
          }
        }
        return loglik;
      }

      /**
       * Efron terms of one tied group of d events: the k-th of d terms (k = 0..d-1) uses the risk
       * set sums with fraction f_k = (k + 1) / d of the events' own sums added, e.g. denominator
       * D_k = D0 + f_k D2. Instead of d passes over the p x p sums (coxfit6), the d scalar weights
       * are summed first: {@code sum_k (C_k - A_k A_k' / D_k) / D_k = C0 S1 + C2 S1f - [A0 A0' S2 +
       * (A0 A2' + A2 A0') S2f + A2 A2' S2ff]} with {@code S1 = sum 1/D_k, S1f = sum f_k/D_k, S2 =
       * sum 1/D_k^2} etc. Leaves the event sums merged into the risk set sums.
       *
       * @return {@code sum_k log D_k}, the group's log-likelihood denominator term
       */
      private double efronGroup(int d, double denom0, double denom2, double gt) {
        double s1 = 0;
        double s1f = 0;
        double s2 = 0;
        double s2f = 0;
        double s2ff = 0;
        double logSum = 0;
        for (int k = 0; k < d; k++) {
          final double f = (k + 1.0) / d;
          final double den = denom0 + f * denom2;
          logSum += Math.log(den);
          final double inv = 1 / den;
          final double inv2 = inv * inv;
          s1 += inv;
          s1f += f * inv;
          s2 += inv2;
          s2f += f * inv2;
          s2ff += f * f * inv2;
        }
        final double[] a = this.a;
        final double[] a2 = this.a2;
        final double[] cmat = this.cmat;
        final double[] cmat2 = this.cmat2;
        final double[] info = Engine.this.info;
        final boolean weighted = timeWeight != null;
        if (primary) {
          final double[] u = Engine.this.u;
          for (int i = 0; i < p; i++) {
            final double du = a[i] * s1 + a2[i] * s1f;
            u[i] -= du;
            if (weighted) {
              uG[i] -= gt * du;
            }
          }
        }
        for (int i = lo, t = lo * (lo + 1) / 2; i < hi; i++) {
          final double ai = a[i];
          final double a2i = a2[i];
          for (int j = 0; j <= i; j++, t++) {
            final double aj = a[j];
            final double a2j = a2[j];
            final double incr =
                cmat[t] * s1
                    + cmat2[t] * s1f
                    - (ai * aj * s2 + (ai * a2j + a2i * aj) * s2f + a2i * a2j * s2ff);
            info[t] += incr;
            if (weighted) {
              infoG[t] += gt * incr;
              infoGG[t] += gt * gt * incr;
            }
          }
        }
        for (int i = 0; i < p; i++) {
          a[i] += a2[i];
        }
        for (int t = lo * (lo + 1) / 2, tHi = hi * (hi + 1) / 2; t < tHi; t++) {
          cmat[t] += cmat2[t];
        }
        return logSum;
      }
    }

    /**
     * Adds {@code risk * x} to {@code sum} (all p) and {@code risk * x x'} to rows [lo, hi) of the
     * packed {@code cross}.
     */
    private static void accumulate(
        double[] sum, double[] cross, double risk, double[] x, int base, int p, int lo, int hi) {
      for (int i = 0; i < lo; i++) {
        sum[i] += risk * x[base + i];
      }
      for (int i = lo; i < hi; i++) {
        final double rx = risk * x[base + i];
        sum[i] += rx;
        final int off = i * (i + 1) / 2;
        for (int j = 0; j <= i; j++) {
          cross[off + j] += rx * x[base + j];
        }
      }
      for (int i = hi; i < p; i++) {
        sum[i] += risk * x[base + i];
      }
    }
  }
}
