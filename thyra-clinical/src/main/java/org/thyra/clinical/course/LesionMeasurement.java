package org.thyra.clinical.course;

import java.time.LocalDate;

/**
 * One measurement of a lesion on imaging. Diameters are in mm: a the maximum diameter, b and c the
 * two perpendicular diameters (for the ellipsoid volume), shortAxis for lymph nodes (RECIST).
 *
 * @param lesionId the lesion
 * @param date imaging date
 * @param modality "US", "CEUS", "CT", ...
 * @param aMm maximum diameter, mm
 * @param bMm second diameter, mm
 * @param cMm third diameter, mm
 * @param shortAxisMm short axis (nodes), mm
 * @param disappeared the lesion is no longer visible
 */
public record LesionMeasurement(
    String lesionId,
    LocalDate date,
    String modality,
    Double aMm,
    Double bMm,
    Double cMm,
    Double shortAxisMm,
    boolean disappeared) {}
