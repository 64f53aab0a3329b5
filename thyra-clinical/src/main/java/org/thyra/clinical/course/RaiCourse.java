package org.thyra.clinical.course;

import java.time.LocalDate;
import java.util.List;
import org.thyra.clinical.units.Activity;

/**
 * One radioiodine (<sup>131</sup>I) course with its post-therapy scan.
 *
 * @param date date of administration
 * @param activity administered activity with its unit ({@code null} if not recorded)
 * @param preparation withdrawal or rhTSH
 * @param tshMiuPerL TSH at administration, mIU/L
 * @param scanUptake uptake per lesion on the post-therapy scan (empty when no known lesion outside
 *     the thyroid bed, or no scan)
 */
public record RaiCourse(
    LocalDate date,
    Activity activity,
    RaiPreparation preparation,
    Double tshMiuPerL,
    List<LesionUptake> scanUptake) {

  public RaiCourse {
    scanUptake = scanUptake == null ? List.of() : List.copyOf(scanUptake);
  }
}
