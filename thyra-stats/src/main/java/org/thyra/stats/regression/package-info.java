/**
 * Regression models and model selection: {@link org.thyra.stats.regression.LogisticRegression} (as
 * R's {@code glm(family = binomial)}, Wald or {@code MASS::confint.glm} profile CIs, separation
 * check), {@link org.thyra.stats.regression.UnivariableScreen} and {@link
 * org.thyra.stats.regression.StepwiseSelection} ({@code MASS::stepAIC}), both generic over a {@link
 * org.thyra.stats.regression.ModelFitter} so that Cox models can plug in.
 */
package org.thyra.stats.regression;
