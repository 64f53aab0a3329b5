/**
 * Prediction models built on fitted Cox and logistic models: the baseline hazard and predicted
 * survival as R's {@code survfit.coxph}, nomogram points as {@code rms::nomogram}, time-dependent
 * ROC with inverse-probability-of-censoring weights, and reproducible data splits.
 *
 * <p>Like the rest of {@code thyra-stats} the classes take primitive arrays (a fitted model's
 * coefficients, linear predictors, times) and return immutable results that state their method.
 */
package org.thyra.stats.prediction;
