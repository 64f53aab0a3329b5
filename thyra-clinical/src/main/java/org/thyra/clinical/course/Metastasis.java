package org.thyra.clinical.course;

import java.time.LocalDate;

/**
 * A known lesion (metastasis or locoregional disease), followed over time by its measurements.
 *
 * @param lesionId identifier, unique within the course
 * @param site where it lies
 * @param detected date of first detection
 * @param biopsyConfirmed confirmed by cytology or histology
 * @param recistTarget chosen as a RECIST target lesion
 */
public record Metastasis(
    String lesionId,
    LesionSite site,
    LocalDate detected,
    boolean biopsyConfirmed,
    boolean recistTarget) {}
