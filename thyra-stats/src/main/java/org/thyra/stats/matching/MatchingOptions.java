package org.thyra.stats.matching;

/**
 * Options of greedy nearest-neighbour matching (MatchIt {@code method = "nearest"}, ATT).
 *
 * @param ratio number of controls per treated unit (k in 1:k), ≥ 1
 * @param caliper caliper width, or NaN for none
 * @param caliperScale scale of {@code caliper}
 * @param order order in which treated units are matched
 * @param replace whether a control may be matched to several treated units
 * @param seed seed of the permutation for {@link MatchOrder#RANDOM}
 * @param distanceScale the scale the distance is on (recorded in the method description)
 * @param comparison distance comparison rule; {@link DistanceComparison#EXACT} unless reproducing
 *     MatchIt 4.5.1's truncation
 */
public record MatchingOptions(
    int ratio,
    double caliper,
    CaliperScale caliperScale,
    MatchOrder order,
    boolean replace,
    long seed,
    DistanceScale distanceScale,
    DistanceComparison comparison) {

  public MatchingOptions {
    if (ratio < 1) {
      throw new IllegalArgumentException("ratio must be at least 1, got " + ratio);
    }
    if (!Double.isNaN(caliper) && !(caliper > 0 && Double.isFinite(caliper))) {
      throw new IllegalArgumentException(
          "caliper must be a positive finite number, got " + caliper);
    }
    if (caliperScale == null || order == null || distanceScale == null || comparison == null) {
      throw new IllegalArgumentException(
          "caliperScale, order, distanceScale and comparison must be given");
    }
  }

  /**
   * MatchIt's defaults: 1:1, no caliper, largest first, without replacement, probability distance.
   *
   * @return default options
   */
  public static MatchingOptions defaults() {
    return new MatchingOptions(
        1,
        Double.NaN,
        CaliperScale.STANDARD_DEVIATIONS,
        MatchOrder.LARGEST,
        false,
        0,
        DistanceScale.PROBABILITY,
        DistanceComparison.EXACT);
  }

  // Record "withers": each repeats the canonical constructor's argument list with one value
  // replaced (Java records have no copy-with); kept as plain code rather than a builder.
  public MatchingOptions withRatio(int k) {
    return new MatchingOptions(
        k, caliper, caliperScale, order, replace, seed, distanceScale, comparison);
  }

  public MatchingOptions withCaliper(double width, CaliperScale scale) {
    return new MatchingOptions(
        ratio, width, scale, order, replace, seed, distanceScale, comparison);
  }

  public MatchingOptions withOrder(MatchOrder o) {
    return new MatchingOptions(
        ratio, caliper, caliperScale, o, replace, seed, distanceScale, comparison);
  }

  public MatchingOptions withReplacement(boolean r) {
    return new MatchingOptions(
        ratio, caliper, caliperScale, order, r, seed, distanceScale, comparison);
  }

  public MatchingOptions withSeed(long s) {
    return new MatchingOptions(
        ratio, caliper, caliperScale, order, replace, s, distanceScale, comparison);
  }

  public MatchingOptions withDistanceScale(DistanceScale d) {
    return new MatchingOptions(ratio, caliper, caliperScale, order, replace, seed, d, comparison);
  }

  public MatchingOptions withComparison(DistanceComparison c) {
    return new MatchingOptions(
        ratio, caliper, caliperScale, order, replace, seed, distanceScale, c);
  }

  /**
   * @return whether a caliper is set
   */
  public boolean hasCaliper() {
    return !Double.isNaN(caliper);
  }
}
