package org.thyra.stats.prediction;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random split of rows into a development (training) and a validation set ({@code
 * --split 0.7 --seed S}).
 *
 * <p>A Fisher–Yates shuffle of 0..n-1 driven by {@code XO_RO_SHI_RO_128_PP} seeded with S
 * (commons-rng); the first {@code round(fraction n)} shuffled rows form the training set. Both id
 * lists are reported ascending. The same (n, fraction, seed) always gives the same split, on every
 * platform.
 *
 * <p>Reference: Knuth DE, The Art of Computer Programming Vol. 2, §3.4.2 (Algorithm P).
 */
public final class DataSplit {

  private DataSplit() {}

  /**
   * Splits rows 0..n-1.
   *
   * @param n number of rows, >= 2
   * @param fraction training fraction in (0, 1)
   * @param seed seed
   * @return the split
   * @throws IllegalArgumentException when either set would be empty
   */
  public static SplitResult split(int n, double fraction, long seed) {
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 rows to split, got " + n);
    }
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction);
    }
    final int nTrain = (int) Math.round(fraction * n);
    if (nTrain == 0 || nTrain == n) {
      throw new IllegalArgumentException(
          "split "
              + fraction
              + " of "
              + n
              + " rows leaves an empty "
              + (nTrain == 0 ? "training" : "validation")
              + " set");
    }
    final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    final int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      final int j = rng.nextInt(i + 1);
      final int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    final int[] train = Arrays.copyOf(perm, nTrain);
    final int[] valid = Arrays.copyOfRange(perm, nTrain, n);
    Arrays.sort(train);
    Arrays.sort(valid);
    return new SplitResult(
        train,
        valid,
        fraction,
        seed,
        "Fisher-Yates shuffle, XO_RO_SHI_RO_128_PP(seed), training = first round(fraction n) rows");
  }
}
