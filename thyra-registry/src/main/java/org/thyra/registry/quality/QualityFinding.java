package org.thyra.registry.quality;

/**
 * One data-quality finding.
 *
 * @param patientId the patient
 * @param entry the entry ({@code labs[2] (2019-03-01)}, {@code primaryTumour}, ...)
 * @param rule which rule ({@code lab-range}, {@code date-order}, {@code missing}, {@code
 *     recorded-vs-derived})
 * @param reason what is wrong, with the values
 */
public record QualityFinding(String patientId, String entry, String rule, String reason) {}
