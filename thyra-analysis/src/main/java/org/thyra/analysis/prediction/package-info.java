/**
 * Prediction workflows: a Cox or logistic model fitted on development data and applied unchanged
 * elsewhere ({@link org.thyra.analysis.prediction.DevelopmentModel}), its nomogram ({@link
 * org.thyra.analysis.prediction.NomogramAnalysis}, the model {@link
 * org.thyra.analysis.prediction.NomogramModel} the web calculator shares), internal / split /
 * external validation with risk groups ({@link org.thyra.analysis.prediction.ValidateAnalysis}) and
 * the time-dependent AUC ({@link org.thyra.analysis.prediction.TdrocAnalysis}).
 */
package org.thyra.analysis.prediction;
