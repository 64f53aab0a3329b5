/** Comorbidity and performance: age-adjusted Charlson index, ECOG (with Karnofsky conversion). */
package org.thyra.clinical.comorbidity;
