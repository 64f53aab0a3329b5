package org.thyra.clinical.course;

import java.time.LocalDate;

/**
 * A documented progression.
 *
 * @param date date of first evidence
 * @param type kind of progression
 * @param lesionId the lesion concerned, if any
 * @param note free text (e.g. how confirmed)
 */
public record ProgressionEvent(
    LocalDate date, ProgressionType type, String lesionId, String note) {}
