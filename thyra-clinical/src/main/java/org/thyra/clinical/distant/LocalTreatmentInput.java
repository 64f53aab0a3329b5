package org.thyra.clinical.distant;

import java.math.BigDecimal;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.ProgressionRate;

/**
 * What seed 002 looks at for one distant lesion (or the patient's distant disease). Every field but
 * the site may be {@code null} = not recorded, which makes the criteria that need it "not
 * assessable".
 *
 * @param site where the lesion lies (required; must be a distant site)
 * @param sizeCm largest diameter, cm
 * @param distantLesions number of distant lesions the patient has
 * @param symptomatic the lesion causes symptoms
 * @param raiAvid the lesion takes up radioiodine on the latest post-therapy scan showing it
 * @param cumulativeActivityMci cumulative administered 131I activity, mCi
 * @param fdgAvid 18F-FDG uptake on PET
 * @param miliary part of a miliary pattern
 * @param lifeExpectancyMonths the team's estimate of life expectancy, months
 * @param progressionRate slow-evolving or rapidly progressing disease
 */
public record LocalTreatmentInput(
    LesionSite site,
    Double sizeCm,
    Integer distantLesions,
    Boolean symptomatic,
    Boolean raiAvid,
    BigDecimal cumulativeActivityMci,
    Boolean fdgAvid,
    Boolean miliary,
    Integer lifeExpectancyMonths,
    ProgressionRate progressionRate) {

  public LocalTreatmentInput {
    if (site == null) {
      throw new IllegalArgumentException("the site of the lesion is required");
    }
    if (!site.isDistant()) {
      throw new IllegalArgumentException(
          "site " + site + " is not a distant site (lung, bone, liver, brain, other)");
    }
    if (sizeCm != null && !(sizeCm >= 0)) {
      throw new IllegalArgumentException("size must be a non-negative number of cm: " + sizeCm);
    }
    if (distantLesions != null && distantLesions < 1) {
      throw new IllegalArgumentException(
          "the number of distant lesions must be at least 1 (this one): " + distantLesions);
    }
    if (cumulativeActivityMci != null && cumulativeActivityMci.signum() < 0) {
      throw new IllegalArgumentException(
          "cumulative activity must not be negative: " + cumulativeActivityMci);
    }
    if (lifeExpectancyMonths != null && lifeExpectancyMonths < 0) {
      throw new IllegalArgumentException(
          "life expectancy must be 0 or more months: " + lifeExpectancyMonths);
    }
  }
}
