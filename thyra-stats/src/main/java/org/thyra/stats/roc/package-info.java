/**
 * Discrimination of a binary outcome by a continuous marker, as pROC 1.18: {@link
 * org.thyra.stats.roc.RocCurve} (AUC, DeLong CI, Youden thresholds, performance at a threshold) and
 * {@link org.thyra.stats.roc.DeLongTest} (two paired markers).
 */
package org.thyra.stats.roc;
