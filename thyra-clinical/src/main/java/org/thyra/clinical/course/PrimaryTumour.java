package org.thyra.clinical.course;

/**
 * The primary thyroid tumour as the pathology report describes it.
 *
 * @param histology histology
 * @param variant variant as written (e.g. "classic", "tall cell", "follicular variant")
 * @param sizeCm greatest dimension of the largest focus, cm
 * @param extension extrathyroidal extension
 * @param multifocal more than one focus
 * @param vascularInvasionFoci foci of vascular invasion (0 none, {@code null} not recorded)
 * @param completeResection all macroscopic tumour removed ({@code null} not recorded)
 * @param nodes regional nodes
 * @param tgSuggestsDistantMetastasis postoperative Tg suggestive of distant metastases
 */
public record PrimaryTumour(
    Histology histology,
    String variant,
    Double sizeCm,
    ExtrathyroidalExtension extension,
    Boolean multifocal,
    Integer vascularInvasionFoci,
    Boolean completeResection,
    NodalDisease nodes,
    boolean tgSuggestsDistantMetastasis) {

  public PrimaryTumour {
    if (extension == null) {
      extension = ExtrathyroidalExtension.NONE;
    }
  }
}
