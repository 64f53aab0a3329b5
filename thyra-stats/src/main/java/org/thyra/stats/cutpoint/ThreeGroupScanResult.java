package org.thyra.stats.cutpoint;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of the X-tile-style three-group scan.
 *
 * @param lowCut upper bound of the low group (x &lt;= lowCut)
 * @param highCut upper bound of the middle group (lowCut &lt; x &lt;= highCut); x &gt; highCut is
 *     high
 * @param statistic maximal 3-group log-rank chi-square (2 df)
 * @param pNaive chi-square(2) p of the maximal statistic, NOT adjusted for the search
 * @param groupSizes observations in the low, middle and high group
 * @param pairsEvaluated number of (lowCut, highCut) pairs scanned
 * @param candidateCuts number of candidate cut values considered
 * @param method conventions used, including the multiple-testing caveat
 * @param warnings warnings, never null (always includes the multiple-testing caveat)
 */
public record ThreeGroupScanResult(
    double lowCut,
    double highCut,
    double statistic,
    double pNaive,
    int[] groupSizes,
    long pairsEvaluated,
    int candidateCuts,
    String method,
    List<String> warnings)
    implements Result {
  public ThreeGroupScanResult {
    groupSizes = groupSizes.clone();
    warnings = List.copyOf(warnings);
  }

  /** A copy of the group sizes. */
  @Override
  public int[] groupSizes() {
    return groupSizes.clone();
  }
}
