/** Thermal ablation: technical success, complication grades (SIR, CIRSE) and major/minor class. */
package org.thyra.clinical.ablation;
