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
 * @param fdgAvid 18F-FDG uptake on PET ({@code null}: not assessed)
 * @param symptomatic the lesion causes symptoms (pain, neurological deficit, ...; {@code null}: not
 *     recorded)
 * @param miliary part of a miliary pattern (diffuse micronodular lung disease) rather than a
 *     macronodular lesion ({@code null}: not recorded)
 */
public record Metastasis(
    String lesionId,
    LesionSite site,
    LocalDate detected,
    boolean biopsyConfirmed,
    boolean recistTarget,
    Boolean fdgAvid,
    Boolean symptomatic,
    Boolean miliary) {

  /** A lesion without the local-treatment fields (FDG, symptoms, miliary pattern not recorded). */
  public Metastasis(
      String lesionId,
      LesionSite site,
      LocalDate detected,
      boolean biopsyConfirmed,
      boolean recistTarget) {
    this(lesionId, site, detected, biopsyConfirmed, recistTarget, null, null, null);
  }
}
