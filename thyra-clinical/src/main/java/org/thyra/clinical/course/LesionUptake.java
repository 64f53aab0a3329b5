package org.thyra.clinical.course;

/**
 * Whether one lesion concentrated radioiodine on a post-therapy whole-body scan (Rx-WBS, with
 * SPECT/CT where done).
 *
 * @param lesionId the lesion (a {@link Metastasis#lesionId()}, or a site label)
 * @param avid true if the lesion concentrated RAI
 */
public record LesionUptake(String lesionId, boolean avid) {}
