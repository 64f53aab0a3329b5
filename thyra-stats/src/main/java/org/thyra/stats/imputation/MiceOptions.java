package org.thyra.stats.imputation;

/**
 * Options of multivariate imputation by chained equations.
 *
 * @param m number of imputed data sets
 * @param maxit iterations of the chained equations per data set
 * @param seed seed of the random stream (commons-rng XO_RO_SHI_RO_128_PP); results are reproducible
 *     in Thyra but differ from R's RNG
 * @param donors number of donors in predictive mean matching (mice: 5)
 * @param ridge ridge penalty factor on the diagonal of X'X for pmm and polyreg (mice: 1e-5); logreg
 *     is fitted unpenalised on augmented data, as mice.impute.logreg
 */
public record MiceOptions(int m, int maxit, long seed, int donors, double ridge) {
  public MiceOptions {
    if (m < 1) {
      throw new IllegalArgumentException("m must be at least 1, got " + m);
    }
    if (maxit < 1) {
      throw new IllegalArgumentException("maxit must be at least 1, got " + maxit);
    }
    if (donors < 1) {
      throw new IllegalArgumentException("donors must be at least 1, got " + donors);
    }
    if (!(ridge >= 0)) {
      throw new IllegalArgumentException("ridge must be non-negative, got " + ridge);
    }
  }

  /**
   * mice's defaults: m = 5, maxit = 5, 5 donors, ridge 1e-5.
   *
   * @param seed random seed
   * @return default options
   */
  public static MiceOptions defaults(long seed) {
    return new MiceOptions(5, 5, seed, 5, 1e-5);
  }
}
