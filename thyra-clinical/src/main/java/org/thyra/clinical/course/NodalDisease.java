package org.thyra.clinical.course;

import java.util.Set;

/**
 * Regional lymph node findings at initial treatment.
 *
 * @param assessed whether regional nodes were assessed (false → NX)
 * @param clinicallyEvident clinically apparent nodal disease (cN1)
 * @param pathologicPositive number of pathologically involved nodes
 * @param examined number of nodes examined ({@code null} if unknown)
 * @param largestNodeCm largest dimension of the largest involved node, cm
 * @param regions regions with involved nodes (empty for none)
 */
public record NodalDisease(
    boolean assessed,
    boolean clinicallyEvident,
    int pathologicPositive,
    Integer examined,
    Double largestNodeCm,
    Set<NodeRegion> regions) {

  public NodalDisease {
    regions = regions == null ? Set.of() : Set.copyOf(regions);
  }
}
