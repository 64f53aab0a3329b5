package org.thyra.stats.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.thyra.stats.Progress;
import org.thyra.stats.rank.RadixOrder;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.survival.Concordance;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.SortedOutcome;
import org.thyra.stats.survival.Ties;

/**
 * Bootstrap optimism correction of discrimination and calibration indexes (Efron–Gong "optimism"
 * bootstrap, as {@code rms::validate(fit, method = "boot", B)}).
 *
 * <p>For each replicate b the model is refitted on a sample of n rows drawn with replacement;
 * {@code training_b} is its index on that sample and {@code test_b} the index of the same
 * coefficients on the original data. {@code optimism = mean_b(training_b - test_b)}, {@code
 * corrected = apparent - optimism}. Indexes: Somers' Dxy (Cox: {@code 2 (C - ½)} of the linear
 * predictor, C Harrell's concordance with larger lp = shorter survival; logistic: {@code 2 (AUC -
 * ½)}), the calibration slope (Cox: coefficient of the linear predictor refitted as the only
 * covariate; logistic: slope of {@code y ~ lp}), and for logistic models the calibration intercept.
 * Apparent slope and intercept are 1 and 0 by construction.
 *
 * <p>Replicate and slope fits converge as rms's do ({@code eps = 1e-4}, at most 10 iterations); the
 * original fit as coxph ({@code 1e-9}). Each Cox replicate lists its drawn rows in time order
 * (counting against the original order: the same multiset), so its fit and concordance skip
 * sorting. Replicate fits start Newton–Raphson from the full-data coefficients ({@link
 * CoxModel#fitFrom}), which reaches the same maximum (to the convergence criterion) in about half
 * the iterations; each replicate's linear predictor is evaluated on the original data through one
 * {@link SortedOutcome} (C and the calibration slope without sorting the original times again);
 * replicate C values are counted without their standard error ({@link SortedOutcome#harrellC}).
 *
 * <p>Replicate b uses its own generator seeded with the b-th value of a {@code
 * XO_RO_SHI_RO_128_PP(seed)} stream, so the result does not depend on how replicates are shared
 * between threads. Replicates whose fit fails (e.g. one outcome class) are dropped and counted, as
 * rms does.
 *
 * <p>References: Efron B, Gong G (1983) Am Stat 37:36–48; Harrell FE, Lee KL, Mark DB (1996) Stat
 * Med 15:361–387; rms {@code validate.cph} / {@code validate.lrm}.
 */
public final class BootstrapValidation {

  private BootstrapValidation() {}

  /**
   * Validates a Cox model.
   *
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @param columns design columns, column-major
   * @param names column names
   * @param ties tie method
   * @param replicates B >= 1
   * @param seed seed
   * @param threads worker threads >= 1 (the result is the same for any value)
   * @return Dxy, C and Slope rows
   */
  public static ValidationResult cox(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      Ties ties,
      int replicates,
      long seed,
      int threads) {
    return cox(time, status, columns, names, ties, replicates, seed, threads, Progress.NONE);
  }

  // Each public method without Progress repeats the parameter list of the one with it (Java has no
  // default arguments); the body is a one-line delegation.
  /**
   * As {@link #cox(double[], int[], double[][], List, Ties, int, long, int)}, telling {@code
   * progress} of each replicate done (the result is the same whatever listens).
   *
   * @param progress told of each finished replicate, from the worker threads
   */
  public static ValidationResult cox(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      Ties ties,
      int replicates,
      long seed,
      int threads,
      Progress progress) {
    checkCounts(replicates, threads);
    final CoxRefits model = CoxRefits.of(time, status, columns, names, ties);
    final double apparentDxy = coxDxy(time, status, model.lp());
    // every replicate evaluates its linear predictor on the original data: sort that once
    final SortedOutcome original = SortedOutcome.of(time, status);
    final double[][] stats =
        run(
            replicates,
            seed,
            threads,
            time.length,
            progress,
            "bootstrap of the Cox model",
            drawn -> {
              final CoxSample b = model.refit(drawn, 1);
              // C alone (no SE), equal to Concordance.compute(...).c()
              final double dxyTrain =
                  2 * (SortedOutcome.of(b.time(), b.status()).harrellC(b.lpTrain(), true) - 0.5);
              final double dxyTest = 2 * (original.harrellC(b.lpTest(), true) - 0.5);
              final double slopeTest =
                  original.coxCoefficient(
                      b.lpTest(), ties, model.refit().epsilon(), model.refit().maxIterations());
              return new double[] {dxyTrain, dxyTest, 1, slopeTest};
            });
    final List<ValidationIndex> rows = new ArrayList<>();
    final ValidationIndex dxy = row("Dxy", apparentDxy, stats, 0);
    rows.add(dxy);
    rows.add(
        new ValidationIndex(
            "C",
            0.5 + apparentDxy / 2,
            0.5 + dxy.training() / 2,
            0.5 + dxy.test() / 2,
            dxy.optimism() / 2,
            0.5 + dxy.corrected() / 2,
            dxy.optimismSe() / 2));
    rows.add(row("Slope", 1, stats, 2));
    return result(rows, replicates, stats, seed, "Cox (" + ties.label() + " ties)");
  }

  /**
   * Bootstrap-corrected calibration of a Cox model's predicted survival at horizon u against
   * Kaplan–Meier in groups, as {@code rms::calibrate(fit, cmethod = "KM", u, m, B)}: the index per
   * group is {@code KM - mean predicted} with the original cuts ({@link KmCalibration#atHorizon});
   * each replicate refits the model and its baseline on the bootstrap sample (a replicate with
   * fewer than 5 events or whose sample ends before u is dropped, as rms), and {@code KM.corrected
   * = KM - mean(training - test)}.
   *
   * @param time follow-up times
   * @param status 1 = event, 0 = censored
   * @param columns design columns, column-major
   * @param names column names
   * @param ties tie method
   * @param u horizon (not beyond the last follow-up)
   * @param m subjects per group
   * @param replicates B >= 1
   * @param seed seed
   * @param threads worker threads >= 1
   * @return one row per group
   */
  public static CalibrationValidationResult coxCalibration(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      Ties ties,
      double u,
      int m,
      int replicates,
      long seed,
      int threads) {
    return coxCalibration(
        time, status, columns, names, ties, u, m, replicates, seed, threads, Progress.NONE);
  }

  /**
   * As {@link #coxCalibration(double[], int[], double[][], List, Ties, double, int, int, long,
   * int)}, telling {@code progress} of each replicate done (the result is the same whatever
   * listens).
   *
   * @param progress told of each finished replicate, from the worker threads
   */
  public static CalibrationValidationResult coxCalibration(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      Ties ties,
      double u,
      int m,
      int replicates,
      long seed,
      int threads,
      Progress progress) {
    checkCounts(replicates, threads);
    final CoxRefits model = CoxRefits.of(time, status, columns, names, ties);
    final double[] lp = model.lp();
    final BaselineHazard h = BaselineSurvival.estimate(time, status, lp, null, ties);
    final double[] pred = new double[lp.length];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = h.survival(0, u, lp[i]);
    }
    final KmCalibrationResult apparent = KmCalibration.atHorizon(time, status, pred, u, m);
    final double[] cuts = KmCalibration.calibrateCuts(pred, m);
    final int groups = apparent.groups().size();
    final int n = time.length;
    final double[][] stats =
        run(
            replicates,
            seed,
            threads,
            n,
            progress,
            "bootstrap calibration at " + horizonText(u),
            drawn -> {
              final CoxSample b =
                  model.refit(drawn, 5); // rms drops replicates with fewer than 5 events
              final double[] bt = b.time();
              final int[] bs = b.status();
              final double[] lpTrain = b.lpTrain();
              final double[] lpTest = b.lpTest();
              final BaselineHazard hb = BaselineSurvival.estimate(bt, bs, lpTrain, null, ties);
              final double[] pTrain = new double[n];
              final double[] pTest = new double[n];
              for (int i = 0; i < n; i++) {
                pTrain[i] = hb.survival(0, u, lpTrain[i]);
                pTest[i] = hb.survival(0, u, lpTest[i]);
              }
              final List<KmCalibrationGroup> train =
                  KmCalibration.withCuts(bt, bs, pTrain, cuts, u, m).groups();
              final List<KmCalibrationGroup> test =
                  KmCalibration.withCuts(time, status, pTest, cuts, u, m).groups();
              final double[] out = new double[2 * groups];
              for (int k = 0; k < groups; k++) {
                out[2 * k] = train.get(k).observed() - train.get(k).meanPredicted();
                out[2 * k + 1] = test.get(k).observed() - test.get(k).meanPredicted();
              }
              return out;
            });
    final List<CalibrationValidationGroup> rows = new ArrayList<>();
    for (int k = 0; k < groups; k++) {
      final KmCalibrationGroup a = apparent.groups().get(k);
      double sum = 0;
      int used = 0;
      for (double[] s : stats) {
        if (s != null && Double.isFinite(s[2 * k]) && Double.isFinite(s[2 * k + 1])) {
          sum += s[2 * k] - s[2 * k + 1];
          used++;
        }
      }
      final double opt = used > 0 ? sum / used : Double.NaN;
      double ss = 0;
      for (double[] s : stats) {
        if (s != null && Double.isFinite(s[2 * k]) && Double.isFinite(s[2 * k + 1])) {
          final double d = s[2 * k] - s[2 * k + 1] - opt;
          ss += d * d;
        }
      }
      rows.add(
          new CalibrationValidationGroup(
              a.meanPredicted(),
              a.observed(),
              a.observed() - a.meanPredicted(),
              opt,
              a.observed() - opt,
              used > 1 ? Math.sqrt(ss / (used - 1) / used) : Double.NaN,
              used));
    }
    int ok = 0;
    for (double[] s : stats) {
      if (s != null) {
        ok++;
      }
    }
    final List<String> warnings = new ArrayList<>(apparent.warnings());
    if (ok < replicates) {
      warnings.add(
          (replicates - ok)
              + " of "
              + replicates
              + " bootstrap replicates could not be fitted"
              + " (fewer than 5 events, no follow-up to u, or no convergence) and were dropped");
    }
    return new CalibrationValidationResult(
        u,
        m,
        rows,
        replicates,
        ok,
        seed,
        "bootstrap-corrected KM calibration as rms::calibrate(cmethod = \"KM\"), "
            + ties.label()
            + " ties, original cuts, B = "
            + replicates
            + ", replicate seeds from XO_RO_SHI_RO_128_PP("
            + seed
            + ")",
        warnings);
  }

  /**
   * Validates a logistic model.
   *
   * @param y01 outcomes 0/1
   * @param columns design columns (without intercept), column-major
   * @param names column names
   * @param replicates B >= 1
   * @param seed seed
   * @param threads worker threads >= 1
   * @return Dxy, Intercept and Slope rows
   */
  public static ValidationResult logistic(
      double[] y01,
      double[][] columns,
      List<String> names,
      int replicates,
      long seed,
      int threads) {
    return logistic(y01, columns, names, replicates, seed, threads, Progress.NONE);
  }

  /**
   * As {@link #logistic(double[], double[][], List, int, long, int)}, telling {@code progress} of
   * each replicate done (the result is the same whatever listens).
   *
   * @param progress told of each finished replicate, from the worker threads
   */
  public static ValidationResult logistic(
      double[] y01,
      double[][] columns,
      List<String> names,
      int replicates,
      long seed,
      int threads,
      Progress progress) {
    checkCounts(replicates, threads);
    final int[] assign = new int[columns.length];
    for (int j = 0; j < assign.length; j++) {
      assign[j] = j;
    }
    final double[] lp =
        logisticPredictor(LogisticRegression.fit(y01, columns, names, assign), columns);
    final double apparentDxy = LogisticCalibration.somersDxy(y01, lp);
    final int n = y01.length;
    final double[][] stats =
        run(
            replicates,
            seed,
            threads,
            n,
            progress,
            "bootstrap of the logistic model",
            idx -> {
              final double[] by = new double[n];
              for (int i = 0; i < n; i++) {
                by[i] = y01[idx[i]];
              }
              final double[][] bx = resample(columns, idx);
              final LogisticResult fit = LogisticRegression.fit(by, bx, names, assign);
              if (!fit.converged()) {
                throw new IllegalArgumentException("replicate fit failed");
              }
              final double[] lpTrain = logisticPredictor(fit, bx);
              final double[] lpTest = logisticPredictor(fit, columns);
              final double[] cal = LogisticCalibration.interceptSlope(y01, lpTest);
              return new double[] {
                LogisticCalibration.somersDxy(by, lpTrain),
                LogisticCalibration.somersDxy(y01, lpTest),
                0,
                cal[0],
                1,
                cal[1]
              };
            });
    final List<ValidationIndex> rows = new ArrayList<>();
    rows.add(row("Dxy", apparentDxy, stats, 0));
    rows.add(row("Intercept", 0, stats, 2));
    rows.add(row("Slope", 1, stats, 4));
    return result(rows, replicates, stats, seed, "logistic");
  }

  /**
   * A Cox model fitted on the original data, ready to be refitted on bootstrap samples: the
   * original linear predictor, and replicate fits started from the original coefficients with rms's
   * replicate settings ({@link #replicateOptions}).
   */
  private record CoxRefits(
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      double[] start,
      double[] lp,
      int[] byTime,
      CoxOptions refit) {

    static CoxRefits of(
        double[] time, int[] status, double[][] columns, List<String> names, Ties ties) {
      final CoxOptions options = CoxOptions.of(ties);
      final CoxFit full = CoxModel.fit(time, status, columns, names, null, options);
      final double[] start = coefficients(full.coefficients());
      return new CoxRefits(
          time,
          status,
          columns,
          names,
          start,
          linear(columns, start, null),
          RadixOrder.order(time),
          replicateOptions(options));
    }

    /**
     * The drawn rows in time order, refitted ({@link #inTimeOrder}; started from the original
     * coefficients: same maximum, about half the Newton steps).
     *
     * @throws IllegalArgumentException when the sample has fewer than {@code minEvents} events or
     *     the fit does not converge (the replicate is dropped)
     */
    CoxSample refit(int[] drawn, int minEvents) {
      final int n = time.length;
      final int[] idx = inTimeOrder(drawn, byTime);
      final double[] bt = new double[n];
      final int[] bs = new int[n];
      int events = 0;
      for (int i = 0; i < n; i++) {
        bt[i] = time[idx[i]];
        bs[i] = status[idx[i]];
        events += bs[i];
      }
      if (events < minEvents) {
        throw new IllegalArgumentException("fewer than " + minEvents + " events");
      }
      final double[][] bx = resample(columns, idx);
      final CoxFit fit = CoxModel.fitFrom(start, bt, bs, bx, names, null, refit, false);
      if (!fit.converged()) {
        throw new IllegalArgumentException("replicate fit failed");
      }
      final double[] beta = coefficients(fit.coefficients());
      return new CoxSample(bt, bs, linear(bx, beta, null), linear(columns, beta, null));
    }
  }

  /**
   * A bootstrap sample's outcome and the replicate's linear predictor on it and on the original
   * data.
   */
  private record CoxSample(double[] time, int[] status, double[] lpTrain, double[] lpTest) {}

  /** One replicate: the row indices of the bootstrap sample to (train, test) pairs of indexes. */
  private interface Replicate {
    double[] apply(int[] rows);
  }

  private static double[][] run(
      int replicates,
      long seed,
      int threads,
      int n,
      Progress progress,
      String task,
      Replicate replicate) {
    final long[] seeds = new long[replicates];
    final UniformRandomProvider master = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    for (int b = 0; b < replicates; b++) {
      seeds[b] = master.nextLong();
    }
    final double[][] out = new double[replicates][];
    final AtomicLong finished = new AtomicLong();
    progress.update(task, 0, replicates);
    final int workers = Math.min(threads, replicates);
    final ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      final List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        final int first = w;
        // a fixed interleaved share of replicates per worker; each replicate has its own seed
        futures.add(
            pool.submit(
                () -> {
                  final int[] rows = new int[n];
                  for (int b = first; b < replicates; b += workers) {
                    final UniformRandomProvider rng =
                        RandomSource.XO_RO_SHI_RO_128_PP.create(seeds[b]);
                    for (int i = 0; i < n; i++) {
                      rows[i] = rng.nextInt(n);
                    }
                    try {
                      out[b] = replicate.apply(rows);
                    } catch (IllegalArgumentException | ArithmeticException e) {
                      out[b] = null;
                    }
                    progress.update(task, finished.incrementAndGet(), replicates);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bootstrap interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("bootstrap replicate failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    return out;
  }

  private static ValidationIndex row(String name, double apparent, double[][] stats, int col) {
    double train = 0;
    double test = 0;
    int m = 0;
    for (double[] s : stats) {
      if (s != null) {
        train += s[col];
        test += s[col + 1];
        m++;
      }
    }
    if (m == 0) {
      return new ValidationIndex(
          name, apparent, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    train /= m;
    test /= m;
    final double opt = train - test;
    double ss = 0;
    for (double[] s : stats) {
      if (s != null) {
        final double d = s[col] - s[col + 1] - opt;
        ss += d * d;
      }
    }
    final double se = m > 1 ? Math.sqrt(ss / (m - 1) / m) : Double.NaN;
    return new ValidationIndex(name, apparent, train, test, opt, apparent - opt, se);
  }

  private static ValidationResult result(
      List<ValidationIndex> rows, int replicates, double[][] stats, long seed, String model) {
    int ok = 0;
    for (double[] s : stats) {
      if (s != null) {
        ok++;
      }
    }
    final List<String> warnings = new ArrayList<>();
    if (ok < replicates) {
      warnings.add(
          (replicates - ok)
              + " of "
              + replicates
              + " bootstrap replicates could not be fitted and"
              + " were dropped");
    }
    return new ValidationResult(
        rows,
        replicates,
        ok,
        seed,
        "optimism bootstrap as rms::validate, "
            + model
            + ", B = "
            + replicates
            + ", replicate seeds from XO_RO_SHI_RO_128_PP("
            + seed
            + ")",
        warnings);
  }

  private static double coxDxy(double[] time, int[] status, double[] lp) {
    return 2 * (Concordance.compute(time, status, lp, null, true).c() - 0.5);
  }

  private static double[] logisticPredictor(LogisticResult fit, double[][] columns) {
    final double[] beta = new double[columns.length];
    for (int j = 0; j < beta.length; j++) {
      final double c = fit.terms().get(j).coef();
      beta[j] = Double.isFinite(c) ? c : 0;
    }
    final double b0 = fit.intercept().coef();
    return linear(columns, beta, b0);
  }

  private static double[] coefficients(double[] coef) {
    final double[] c = coef.clone();
    for (int j = 0; j < c.length; j++) {
      if (!Double.isFinite(c[j])) {
        c[j] = 0; // aliased
      }
    }
    return c;
  }

  private static double[] linear(double[][] columns, double[] beta, Double intercept) {
    final int n = columns.length == 0 ? 0 : columns[0].length;
    final double[] lp = new double[n];
    if (intercept != null) {
      java.util.Arrays.fill(lp, intercept);
    }
    for (int j = 0; j < columns.length; j++) {
      final double b = beta[j];
      final double[] col = columns[j];
      for (int i = 0; i < n; i++) {
        lp[i] += b * col[i];
      }
    }
    return lp;
  }

  /**
   * The settings of rms's replicate and slope fits ({@code coxphFit(iter.max = 10, eps = 1e-4)} in
   * {@code validate.cph}; {@code cph}'s default eps in {@code calibrate.cph}); the original fit
   * keeps coxph's 1e-9, so the apparent indexes are coxph's.
   */
  static CoxOptions replicateOptions(CoxOptions options) {
    return new CoxOptions(
        options.ties(),
        REPLICATE_MAX_ITERATIONS,
        REPLICATE_EPSILON,
        options.tolerChol(),
        options.tolerInf(),
        options.confLevel(),
        options.timeFix());
  }

  /**
   * rms's convergence criterion for replicate fits (relative change in the log partial likelihood).
   */
  static final double REPLICATE_EPSILON = 1e-4;

  /** rms's iteration limit for replicate fits. */
  static final int REPLICATE_MAX_ITERATIONS = 10;

  /**
   * The drawn rows listed in time order, by counting how often each row was drawn and walking the
   * rows once in time order: the same sample (a bootstrap replicate is a multiset), so every
   * statistic is unchanged, but the replicate's fit and C find their times already sorted.
   */
  private static int[] inTimeOrder(int[] drawn, int[] byTime) {
    final int n = drawn.length;
    final int[] count = new int[byTime.length];
    for (int r : drawn) {
      count[r]++;
    }
    final int[] rows = new int[n];
    int k = 0;
    for (int i : byTime) {
      for (int c = count[i]; c > 0; c--) {
        rows[k++] = i;
      }
    }
    return rows;
  }

  private static double[][] resample(double[][] columns, int[] rows) {
    final double[][] out = new double[columns.length][rows.length];
    for (int j = 0; j < columns.length; j++) {
      final double[] src = columns[j];
      final double[] dst = out[j];
      for (int i = 0; i < rows.length; i++) {
        dst[i] = src[rows[i]];
      }
    }
    return out;
  }

  private static String horizonText(double u) {
    return u == Math.rint(u) && Math.abs(u) < 1e15 ? Long.toString((long) u) : Double.toString(u);
  }

  private static void checkCounts(int replicates, int threads) {
    if (replicates < 1) {
      throw new IllegalArgumentException("bootstrap replicates must be >= 1, got " + replicates);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }
}
