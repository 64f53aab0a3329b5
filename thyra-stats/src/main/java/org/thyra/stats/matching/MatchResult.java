package org.thyra.stats.matching;

import java.util.List;
import org.thyra.stats.Result;

/**
 * Result of nearest-neighbour matching.
 *
 * @param treatedRows 0-based data rows of the treated units, in data order
 * @param matches for each treated unit (same order), its matched control rows (0-based) by round;
 *     -1 where no control was found (MatchIt's NA)
 * @param caliperAbsolute the caliper on the distance scale ({@code caliper * sd(distance)} for a
 *     standardised caliper), NaN without caliper
 * @param nTreated number of treated units
 * @param nControl number of control units
 * @param matchedTreated treated units with at least one match
 * @param matchedControl distinct controls used
 * @param weights matching weights per data row as MatchIt's ATT weights: 1 for a matched treated
 *     unit, for a control the sum over its treated units of 1/(their number of matches), rescaled
 *     so the control weights sum to the number of matched controls; 0 for unmatched units
 * @param method the conventions used (distance scale, caliper scale, order, ratio, replacement)
 * @param warnings e.g. fewer controls than treated units, unmatched treated units
 */
public record MatchResult(
    int[] treatedRows,
    int[][] matches,
    double caliperAbsolute,
    int nTreated,
    int nControl,
    int matchedTreated,
    int matchedControl,
    double[] weights,
    String method,
    List<String> warnings)
    implements Result {
  public MatchResult {
    warnings = List.copyOf(warnings);
  }

  /**
   * Matched pairs as (treated row, control row, pair id) triples, pair id = 1-based index of the
   * treated unit among matched treated units (a subclass id as MatchIt's without replacement).
   *
   * @return one row {treated, control, pairId} per match
   */
  public int[][] pairs() {
    int count = 0;
    for (int[] m : matches) {
      for (int c : m) {
        count += c >= 0 ? 1 : 0;
      }
    }
    int[][] out = new int[count][];
    int k = 0;
    int id = 0;
    for (int t = 0; t < matches.length; t++) {
      boolean any = false;
      for (int c : matches[t]) {
        if (c >= 0) {
          if (!any) {
            id++;
            any = true;
          }
          out[k++] = new int[] {treatedRows[t], c, id};
        }
      }
    }
    return out;
  }
}
