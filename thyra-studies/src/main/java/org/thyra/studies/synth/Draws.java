package org.thyra.studies.synth;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The draws the generators need, from one seeded stream ({@code XO_RO_SHI_RO_128_PP}). Draw order
 * is fixed by the generator's code, so a seed gives the same cohort on every run and platform.
 */
final class Draws {
  private final UniformRandomProvider rng;
  private final ZigguratSampler.NormalizedGaussian gauss;

  Draws(long seed) {
    rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    gauss = ZigguratSampler.NormalizedGaussian.of(rng);
  }

  double uniform() {
    return rng.nextDouble();
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  boolean bernoulli(double p) {
    return rng.nextDouble() < p;
  }

  /** Normal(mean, sd) truncated to [lo, hi] by rejection. */
  double normal(double mean, double sd, double lo, double hi) {
    for (int i = 0; i < 10_000; i++) {
      double x = mean + sd * gauss.sample();
      if (x >= lo && x <= hi) {
        return x;
      }
    }
    return Math.min(hi, Math.max(lo, mean));
  }

  /**
   * Log-normal from a median and an interquartile range: sdlog = ln(Q3/Q1) / (2·0.6745), truncated
   * to [lo, hi].
   */
  double logNormalIqr(double median, double q1, double q3, double lo, double hi) {
    double sdlog = Math.log(q3 / q1) / (2 * 0.6744897501960817);
    for (int i = 0; i < 10_000; i++) {
      double x = median * Math.exp(sdlog * gauss.sample());
      if (x >= lo && x <= hi) {
        return x;
      }
    }
    return median;
  }

  /**
   * Log-normal with this arithmetic mean and SD (as a paper's mean ± SD of a skewed value): σ² =
   * ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
   */
  double logNormalMeanSd(double mean, double sd) {
    double s2 = Math.log(1 + sd * sd / (mean * mean));
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * gauss.sample());
  }

  /** A level index drawn with these probabilities (normalised). */
  int pick(double... p) {
    double total = 0;
    for (double x : p) {
      total += x;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < p.length; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** An exponential event time with this hazard rate: −ln(U)/rate. */
  double exponential(double rate) {
    return -Math.log(1 - rng.nextDouble()) / rate;
  }

  /** Poisson count by inversion (small means). */
  int poisson(double mean) {
    double l = Math.exp(-mean);
    double p = rng.nextDouble();
    int k = 0;
    double term = l;
    double cum = l;
    while (p > cum && k < 1000) {
      k++;
      term *= mean / k;
      cum += term;
    }
    return k;
  }

  /**
   * Rounds to the decimals the file is written with, so a value on the file's side of a cut-point
   * (age 55, ps-Tg 528.5) is on the same side in the outcome model.
   */
  static double round(double x, int decimals) {
    return new java.math.BigDecimal(x)
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }
}
