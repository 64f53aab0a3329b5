/** Inference helpers shared by several tests, such as multiplicity adjustment of p-values. */
package org.thyra.stats.inference;
