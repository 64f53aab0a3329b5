package org.thyra.stats.survival;

import java.util.Objects;

/**
 * Settings of a Cox model fit, with the defaults of R's {@code coxph.control()}.
 *
 * @param ties tie handling (default {@link Ties#EFRON})
 * @param maxIterations maximum Newton–Raphson iterations ({@code iter.max}, default 20)
 * @param epsilon convergence criterion: stop when {@code |1 - loglik_old / loglik_new| <= epsilon}
 *     (default 1e-9)
 * @param tolerChol relative pivot tolerance of the Cholesky decomposition used to detect aliased
 *     columns ({@code toler.chol}, default {@code 2^-52^0.75})
 * @param tolerInf tolerance of the infinite-coefficient check ({@code toler.inf}, default {@code
 *     sqrt(epsilon)})
 * @param confLevel confidence level of the Wald intervals (default 0.95)
 * @param timeFix treat event times that differ only by floating-point noise as tied, as {@code
 *     coxph.control(timefix = TRUE)} does via {@code aeqSurv} (default true)
 */
public record CoxOptions(
    Ties ties,
    int maxIterations,
    double epsilon,
    double tolerChol,
    double tolerInf,
    double confLevel,
    boolean timeFix) {

  /** R's {@code .Machine$double.eps^0.75}. */
  public static final double DEFAULT_TOLER_CHOL = Math.pow(Math.ulp(1.0), 0.75);

  /** Default convergence criterion. */
  public static final double DEFAULT_EPSILON = 1e-9;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException for a negative iteration count, a non-positive tolerance or a
   *     confidence level outside (0, 1)
   */
  public CoxOptions {
    Objects.requireNonNull(ties, "ties");
    if (maxIterations < 0) {
      throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
    if (!(tolerChol > 0)) {
      throw new IllegalArgumentException("tolerChol must be > 0, got " + tolerChol);
    }
    if (!(tolerInf > 0)) {
      throw new IllegalArgumentException("tolerInf must be > 0, got " + tolerInf);
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confLevel must be in (0, 1), got " + confLevel);
    }
  }

  /**
   * Settings with R's defaults except for the items given.
   *
   * @param ties tie handling
   * @param maxIterations maximum iterations
   * @param epsilon convergence criterion
   * @param tolerChol Cholesky tolerance
   * @param tolerInf infinite-coefficient tolerance
   * @param confLevel confidence level
   */
  public CoxOptions(
      Ties ties,
      int maxIterations,
      double epsilon,
      double tolerChol,
      double tolerInf,
      double confLevel) {
    this(ties, maxIterations, epsilon, tolerChol, tolerInf, confLevel, true);
  }

  /**
   * R's defaults: Efron ties, 20 iterations, epsilon 1e-9, Wald 95% intervals.
   *
   * @return default settings
   */
  public static CoxOptions defaults() {
    return of(Ties.EFRON);
  }

  /**
   * R's defaults with the given tie method.
   *
   * @param ties tie handling
   * @return settings
   */
  public static CoxOptions of(Ties ties) {
    return new CoxOptions(
        ties, 20, DEFAULT_EPSILON, DEFAULT_TOLER_CHOL, Math.sqrt(DEFAULT_EPSILON), 0.95, true);
  }

  /**
   * Copy with another iteration limit.
   *
   * @param iterations maximum iterations
   * @return settings
   */
  public CoxOptions withMaxIterations(int iterations) {
    return new CoxOptions(ties, iterations, epsilon, tolerChol, tolerInf, confLevel, timeFix);
  }

  /**
   * Copy with another confidence level.
   *
   * @param level confidence level
   * @return settings
   */
  public CoxOptions withConfLevel(double level) {
    return new CoxOptions(ties, maxIterations, epsilon, tolerChol, tolerInf, level, timeFix);
  }
}
