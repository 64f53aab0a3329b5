/**
 * Distant metastases: what seed 002 lists for a tumour board's choice between curative and
 * palliative local treatment ({@link org.thyra.clinical.distant.LocalTreatmentEligibility}). The
 * rules here support a decision and make none.
 */
package org.thyra.clinical.distant;
