/**
 * Model formulas ({@code Surv(T, E) ~ age + factor(stage) + strata(centre)}, {@code y ~ x}) and the
 * model frame built from a formula and a table: kept rows, response, design matrix, strata.
 */
package org.thyra.frame.formula;
