/**
 * Radioiodine-refractory classification: ATA 2015 four patterns, each reported separately, seed
 * 000's switchable criteria, seed 003 subtypes and seed 004 uptake patterns.
 */
package org.thyra.clinical.refractory;
