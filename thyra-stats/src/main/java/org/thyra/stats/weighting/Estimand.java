package org.thyra.stats.weighting;

/** The population an inverse-probability weight targets. */
public enum Estimand {
  /** Average treatment effect in the whole sample: w = t/e + (1 - t)/(1 - e). */
  ATE,
  /** Average treatment effect in the treated: w = t + (1 - t) e/(1 - e). */
  ATT
}
