package org.thyra.clinical.response;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One target lesion's RECIST 1.1 measurement: the longest diameter of a non-nodal lesion, or the
 * short axis of a lymph node, in mm. 0 means the lesion disappeared.
 *
 * @param lesionId lesion identifier
 * @param nodal whether the lesion is a lymph node (measured by short axis)
 * @param diameterMm the diameter in mm, not negative
 */
public record TargetLesionDiameter(String lesionId, boolean nodal, BigDecimal diameterMm) {

  public TargetLesionDiameter {
    Objects.requireNonNull(lesionId, "lesionId");
    Objects.requireNonNull(diameterMm, "diameterMm");
    if (diameterMm.signum() < 0) {
      throw new IllegalArgumentException(
          "lesion " + lesionId + ": diameter must not be negative: " + diameterMm + " mm");
    }
  }

  public static TargetLesionDiameter of(String lesionId, boolean nodal, double diameterMm) {
    return new TargetLesionDiameter(lesionId, nodal, BigDecimal.valueOf(diameterMm));
  }

  /** RECIST 1.1: a node is pathological from a short axis of 10 mm; &lt; 10 mm is normal. */
  public boolean isNormalOrGone() {
    return nodal ? diameterMm.compareTo(BigDecimal.TEN) < 0 : diameterMm.signum() == 0;
  }
}
