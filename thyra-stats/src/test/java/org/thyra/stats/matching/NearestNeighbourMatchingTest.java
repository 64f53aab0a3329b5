package org.thyra.stats.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge cases and a seeded comparison of the fast algorithm with a brute-force greedy matcher. */
class NearestNeighbourMatchingTest {

  /** Brute force: every treated unit scans every control (O(n_t n_c) per round). */
  private static int[][] bruteForce(
      double[] d, boolean[] treated, int[] stratum, MatchingOptions o) {
    int n = d.length;
    int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> treated[i]).toArray();
    double caliper =
        o.hasCaliper()
            ? (o.caliperScale() == CaliperScale.RAW
                ? o.caliper()
                : o.caliper() * NearestNeighbourMatching.standardDeviation(d))
            : Double.POSITIVE_INFINITY;
    int[] visit =
        NearestNeighbourMatching.treatedOrder(
            d, rows, o.replace() ? MatchOrder.DATA : o.order(), o.seed());
    int[][] mm = new int[rows.length][o.ratio()];
    for (int[] r : mm) {
      Arrays.fill(r, -1);
    }
    boolean[] used = new boolean[n];
    for (int round = 0; round < o.ratio(); round++) {
      for (int v : visit) {
        int t = rows[v];
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
          if (treated[c] || stratum[c] != stratum[t] || (!o.replace() && used[c])) {
            continue;
          }
          boolean already = false;
          for (int q = 0; q < round; q++) {
            already |= mm[v][q] == c;
          }
          double dist = Math.abs(d[t] - d[c]);
          if (already || dist > caliper) {
            continue;
          }
          if (dist < bestD) { // strict: ties keep the lowest row
            bestD = dist;
            best = c;
          }
        }
        if (best >= 0) {
          mm[v][round] = best;
          used[best] = true;
        }
      }
    }
    return mm;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void fastAlgorithmEqualsBruteForce(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 20 + rng.nextInt(300);
    double[] d = new double[n];
    boolean[] treated = new boolean[n];
    int[] stratum = new int[n];
    boolean coarse = rng.nextBoolean(); // many ties when coarse
    int strata = 1 + rng.nextInt(3);
    for (int i = 0; i < n; i++) {
      d[i] = coarse ? Math.floor(rng.nextDouble() * 12) / 12 : rng.nextDouble();
      treated[i] = rng.nextDouble() < 0.2 + 0.5 * rng.nextDouble();
      stratum[i] = rng.nextInt(strata);
    }
    treated[0] = true;
    treated[1] = false;
    MatchingOptions o =
        MatchingOptions.defaults()
            .withRatio(1 + rng.nextInt(3))
            .withOrder(MatchOrder.values()[rng.nextInt(4)])
            .withSeed(seed)
            .withReplacement(rng.nextInt(4) == 0);
    if (rng.nextBoolean()) {
      o = o.withCaliper(0.05 + rng.nextDouble() * 0.5, CaliperScale.STANDARD_DEVIATIONS);
    }
    MatchResult r = NearestNeighbourMatching.match(d, treated, stratum, o);
    int[][] expected = bruteForce(d, treated, stratum, o);
    if (o.replace()) {
      // with replacement the k nearest are taken at once: compare as sorted sets of distances
      for (int t = 0; t < expected.length; t++) {
        assertThat(r.matches()[t]).as("seed %d treated %d", seed, t).containsExactly(expected[t]);
      }
    } else {
      assertThat(r.matches()).as("seed %d, %s", seed, o).isDeepEqualTo(expected);
    }
  }

  @Test
  void noControlWithinTheCaliperLeavesTreatedUnmatched() {
    double[] d = {0.9, 0.1, 0.12, 0.5};
    boolean[] t = {true, false, false, true};
    MatchResult r =
        NearestNeighbourMatching.match(
            d, t, null, MatchingOptions.defaults().withCaliper(0.05, CaliperScale.RAW));
    assertThat(r.matches()[0][0]).isEqualTo(-1);
    assertThat(r.matches()[1][0]).isEqualTo(-1);
    assertThat(r.matchedTreated()).isZero();
    assertThat(r.warnings())
        .anyMatch(w -> w.contains("2 of 2 treated units have no match within the caliper"));
    assertThat(r.pairs().length).isZero();
  }

  @Test
  void moreTreatedThanControlsWithoutReplacementWarnsAndUsesEachControlOnce() {
    double[] d = {0.9, 0.8, 0.7, 0.6, 0.75};
    boolean[] t = {true, true, true, true, false};
    MatchResult r = NearestNeighbourMatching.match(d, t, null, MatchingOptions.defaults());
    assertThat(r.matchedTreated()).isEqualTo(1);
    // largest first: treated 0.9 takes the only control
    assertThat(r.matches()[0][0]).isEqualTo(4);
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("Fewer control units than treated units"));
    assertThat(r.weights()).containsExactly(1, 0, 0, 0, 1);
  }

  @Test
  void equallyNearControlsGoToTheLowestRow() {
    double[] d = {0.5, 0.4, 0.6, 0.4};
    boolean[] t = {true, false, false, false};
    MatchResult r = NearestNeighbourMatching.match(d, t, null, MatchingOptions.defaults());
    assertThat(r.matches()[0][0]).isEqualTo(1);
  }

  @Test
  void randomOrderIsReproducibleBySeed() {
    SplittableRandom rng = new SplittableRandom(99);
    double[] d = rng.doubles(500).toArray();
    boolean[] t = new boolean[500];
    for (int i = 0; i < 500; i++) {
      t[i] = i % 3 == 0;
    }
    MatchingOptions o =
        MatchingOptions.defaults()
            .withOrder(MatchOrder.RANDOM)
            .withSeed(7)
            .withCaliper(0.1, CaliperScale.STANDARD_DEVIATIONS);
    MatchResult a = NearestNeighbourMatching.match(d, t, null, o);
    MatchResult b = NearestNeighbourMatching.match(d, t, null, o);
    assertThat(a.matches()).isDeepEqualTo(b.matches());
    assertThat(a.method()).contains("random").contains("seed 7");
  }

  @Test
  void weightsFollowMatchItForRatioMatching() {
    double[] d = {0.5, 0.45, 0.55, 0.9, 0.1};
    boolean[] t = {true, false, false, true, false};
    MatchResult r =
        NearestNeighbourMatching.match(d, t, null, MatchingOptions.defaults().withRatio(2));
    // treated 0.9 first: takes 0.55 then (round 2) 0.45; treated 0.5 takes 0.45... see rounds:
    // round 1: 0.9 -> 0.55 (row 2), 0.5 -> 0.45 (row 1); round 2: 0.9 -> 0.1 (row 4); 0.5 -> none
    // left
    assertThat(r.matches()[0]).containsExactly(1, -1);
    assertThat(r.matches()[1]).containsExactly(2, 4);
    // control weights: row1 = 1, row2 = row4 = 1/2, rescaled to sum to 3 matched controls
    assertThat(r.weights()[1]).isEqualTo(1.5);
    assertThat(r.weights()[2]).isEqualTo(0.75);
    assertThat(r.pairs().length).isEqualTo(3);
  }

  @Test
  void badInputIsRejected() {
    boolean[] t = {true, false};
    assertThatThrownBy(
            () ->
                NearestNeighbourMatching.match(
                    new double[] {0.1, Double.NaN}, t, null, MatchingOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2");
    assertThatThrownBy(
            () ->
                NearestNeighbourMatching.match(
                    new double[] {0.1, 0.2},
                    new boolean[] {false, false},
                    null,
                    MatchingOptions.defaults()))
        .hasMessage("no treated units");
    assertThatThrownBy(
            () ->
                NearestNeighbourMatching.match(
                    new double[] {0.1, 0.2},
                    new boolean[] {true, true},
                    null,
                    MatchingOptions.defaults()))
        .hasMessage("no control units");
    assertThatThrownBy(() -> MatchingOptions.defaults().withRatio(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MatchingOptions.defaults().withCaliper(-1, CaliperScale.RAW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void largeCaliperMatchingIsNearLinear() {
    // 2 x 10^5 units must match in well under a second's worth of work per 10^5 (no n^2 scan);
    // this checks completion and consistency, not timing (timing lives in docs/PERFORMANCE.md)
    SplittableRandom rng = new SplittableRandom(5);
    int n = 200_000;
    double[] d = new double[n];
    boolean[] t = new boolean[n];
    for (int i = 0; i < n; i++) {
      t[i] = i % 2 == 0;
      d[i] = 1 / (1 + Math.exp(-(rng.nextGaussian() + (t[i] ? 0.5 : 0))));
    }
    MatchResult r =
        NearestNeighbourMatching.match(
            d,
            t,
            null,
            MatchingOptions.defaults().withCaliper(0.05, CaliperScale.STANDARD_DEVIATIONS));
    assertThat(r.matchedTreated()).isEqualTo(r.matchedControl()).isGreaterThan(50_000);
    for (int[] p : r.pairs()) {
      assertThat(Math.abs(d[p[0]] - d[p[1]])).isLessThanOrEqualTo(r.caliperAbsolute());
    }
  }
}
