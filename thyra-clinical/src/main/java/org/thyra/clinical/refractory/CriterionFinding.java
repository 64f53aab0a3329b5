package org.thyra.clinical.refractory;

/**
 * Whether one RAIR criterion fired, and why.
 *
 * @param criterion the criterion
 * @param fired whether it fired
 * @param detail the scans, lesions, dates or activities that decided it
 */
public record CriterionFinding(RairCriterion criterion, boolean fired, String detail) {}
