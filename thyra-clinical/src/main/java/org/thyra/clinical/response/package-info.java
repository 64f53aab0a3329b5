/**
 * Response to therapy: ATA 2015 response categories, RECIST 1.1 (target, non-target, overall, with
 * nadir tracking) and the thyroglobulin ΔTg response with its threshold as a parameter.
 */
package org.thyra.clinical.response;
