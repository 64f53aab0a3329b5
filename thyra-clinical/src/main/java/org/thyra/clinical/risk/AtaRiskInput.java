package org.thyra.clinical.risk;

import java.util.Objects;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.Histology;

/**
 * What the ATA 2015 initial risk table looks at, for one patient after initial surgery.
 *
 * @param histology histology of the primary
 * @param aggressiveVariant tall cell, hobnail or columnar cell variant (ATA "aggressive histology")
 * @param extension extrathyroidal extension
 * @param completeResection whether all macroscopic tumour was resected ({@code null} = not
 *     recorded, read as complete)
 * @param distantMetastasis distant metastases known
 * @param tgSuggestsDistantMetastasis postoperative serum Tg suggestive of distant metastases
 * @param clinicalN1 clinically apparent nodal disease (cN1)
 * @param pathologicN1Count number of pathologically involved nodes (0 if pN0 / none removed)
 * @param largestNodeCm largest dimension of the largest involved node, cm ({@code null} unknown)
 * @param vascularInvasionFoci foci of vascular invasion (0 none, {@code null} not recorded)
 * @param raiAvidNeckFociOnFirstScan RAI-avid metastatic foci in the neck outside the thyroid bed on
 *     the first post-treatment whole-body scan
 */
public record AtaRiskInput(
    Histology histology,
    boolean aggressiveVariant,
    ExtrathyroidalExtension extension,
    Boolean completeResection,
    boolean distantMetastasis,
    boolean tgSuggestsDistantMetastasis,
    boolean clinicalN1,
    int pathologicN1Count,
    Double largestNodeCm,
    Integer vascularInvasionFoci,
    boolean raiAvidNeckFociOnFirstScan) {

  public AtaRiskInput {
    Objects.requireNonNull(histology, "histology");
    if (extension == null) {
      extension = ExtrathyroidalExtension.NONE;
    }
    if (pathologicN1Count < 0) {
      throw new IllegalArgumentException(
          "number of involved nodes must not be negative: " + pathologicN1Count);
    }
    if (largestNodeCm != null && !(largestNodeCm >= 0)) {
      throw new IllegalArgumentException(
          "largest node size must be a non-negative number of cm: " + largestNodeCm);
    }
    if (vascularInvasionFoci != null && vascularInvasionFoci < 0) {
      throw new IllegalArgumentException(
          "foci of vascular invasion must not be negative: " + vascularInvasionFoci);
    }
  }
}
