package org.thyra.clinical.course;

import java.time.LocalDate;
import org.thyra.clinical.response.ImagingFinding;
import org.thyra.clinical.response.TgAbTrend;

/**
 * A response assessment visit: what imaging showed and what the reader judged for the RECIST
 * non-target lesions. Target measurements come from {@link LesionMeasurement}s of target lesions on
 * the same date.
 *
 * @param date assessment date
 * @param imaging negative, nonspecific or structural/functional disease (ATA response)
 * @param tgAb TgAb status (ATA response), or {@code null}
 * @param tgRising Tg rising over time at similar TSH (ATA response without RAI or after lobectomy),
 *     or {@code null} when not judged
 * @param newLesions new lesions seen (RECIST)
 * @param nonTargetGone all non-target lesions gone (RECIST), {@code null} when there are none
 * @param nonTargetProgression unequivocal progression of non-target lesions (RECIST)
 * @param recordedCategory the category the clinician recorded, kept for comparison
 */
public record ResponseAssessment(
    LocalDate date,
    ImagingFinding imaging,
    TgAbTrend tgAb,
    Boolean tgRising,
    boolean newLesions,
    Boolean nonTargetGone,
    boolean nonTargetProgression,
    String recordedCategory) {}
