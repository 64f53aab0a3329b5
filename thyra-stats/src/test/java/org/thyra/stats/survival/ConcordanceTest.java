package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thyra.stats.golden.Golden.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

class ConcordanceTest {

  static Stream<String> goldens() {
    return SurvivalFixtures.names("cox", "concordance_", true).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithSurvivalConcordance(String name) {
    final JsonNode g = Golden.load("cox/" + name);
    final JsonNode in = g.get("input");
    final JsonNode e = g.get("expected");
    final ConcordanceResult r =
        Concordance.compute(
            Golden.doubles(in.get("time")),
            Golden.ints(in.get("status")),
            Golden.doubles(in.get("predictor")),
            Golden.ints(in.get("strata")),
            g.get("reverse").asBoolean());
    close("c", r.c(), e.get("c").asDouble());
    close("se", r.se(), e.get("se").asDouble());
    close("concordant", r.concordant(), e.get("concordant").asDouble());
    close("discordant", r.discordant(), e.get("discordant").asDouble());
    close("tied.x", r.tiedPredictor(), e.get("tied_x").asDouble());
    close("tied.y", r.tiedTime(), e.get("tied_y").asDouble());
    close("tied.xy", r.tiedBoth(), e.get("tied_xy").asDouble());
    assertThat(r.method()).contains("infinitesimal jackknife");
  }

  @Test
  void smallExampleByHand() {
    // times 1(event) 2(event) 3(censored) 4(event); predictor 4 3 2 1 (higher = shorter)
    // comparable pairs: (1,2) (1,3) (1,4) (2,3) (2,4); all have the shorter time with the
    // larger predictor, so with reverse = true all 5 are concordant
    final double[] t = {1, 2, 3, 4};
    final int[] d = {1, 1, 0, 1};
    final double[] x = {4, 3, 2, 1};
    final ConcordanceResult rev = Concordance.compute(t, d, x, null, true);
    assertThat(rev.c()).isEqualTo(1.0);
    assertThat(rev.concordant()).isEqualTo(5);
    assertThat(rev.discordant()).isZero();
    final ConcordanceResult fwd = Concordance.compute(t, d, x, null, false);
    assertThat(fwd.c()).isEqualTo(0.0);
    assertThat(fwd.discordant()).isEqualTo(5);
  }

  @Test
  void predictorTiesCountHalf() {
    final double[] t = {1, 2, 3};
    final int[] d = {1, 1, 1};
    final double[] x = {1, 1, 1};
    final ConcordanceResult r = Concordance.compute(t, d, x, null, false);
    assertThat(r.tiedPredictor()).isEqualTo(3);
    assertThat(r.c()).isEqualTo(0.5);
  }

  @Test
  void noComparablePairGivesNaN() {
    final ConcordanceResult r =
        Concordance.compute(
            new double[] {1, 2}, new int[] {0, 0}, new double[] {1, 2}, null, false);
    assertThat(r.c()).isNaN();
    assertThat(r.concordant() + r.discordant() + r.tiedPredictor()).isZero();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(
            () ->
                Concordance.compute(
                    new double[] {1, 2}, new int[] {1}, new double[] {1, 2}, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
    assertThatThrownBy(
            () ->
                Concordance.compute(
                    new double[] {1, -2}, new int[] {1, 1}, new double[] {1, 2}, null, false))
        .hasMessageContaining("time must be finite and >= 0");
    assertThatThrownBy(
            () ->
                Concordance.compute(
                    new double[] {1, 2}, new int[] {1, 2}, new double[] {1, 2}, null, false))
        .hasMessageContaining("status must be 0 or 1");
    assertThatThrownBy(
            () ->
                Concordance.compute(
                    new double[] {1, 2},
                    new int[] {1, 1},
                    new double[] {1, Double.NaN},
                    null,
                    false))
        .hasMessageContaining("predictor must be finite");
  }

  static IntStream seeds() {
    return IntStream.range(0, 20);
  }

  /** The tree-based counts equal an O(n^2) enumeration of all pairs, ties and strata included. */
  @ParameterizedTest
  @MethodSource("seeds")
  void countsEqualBruteForce(int seed) {
    final SplittableRandom rng = new SplittableRandom(seed);
    final int n = 5 + rng.nextInt(80);
    final double[] t = new double[n];
    final int[] d = new int[n];
    final double[] x = new double[n];
    final int[] s = new int[n];
    final int k = 1 + rng.nextInt(3);
    for (int i = 0; i < n; i++) {
      t[i] = 1 + rng.nextInt(15); // many tied times
      d[i] = rng.nextInt(3) == 0 ? 0 : 1;
      x[i] = rng.nextInt(6); // many tied predictors
      s[i] = rng.nextInt(k);
    }
    double conc = 0;
    double disc = 0;
    double tiedX = 0;
    double tiedY = 0;
    double tiedXY = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j || s[i] != s[j] || d[i] == 0) {
          continue;
        }
        if (t[i] < t[j] || (t[i] == t[j] && d[j] == 0)) {
          // i fails first; j outlives i
          if (x[j] > x[i]) {
            conc++;
          } else if (x[j] < x[i]) {
            disc++;
          } else {
            tiedX++;
          }
        } else if (t[i] == t[j] && d[j] == 1 && i < j) {
          if (x[i] == x[j]) {
            tiedXY++;
          } else {
            tiedY++;
          }
        }
      }
    }
    final ConcordanceResult rs = Concordance.compute(t, d, x, k > 1 ? s : null, false);
    final ConcordanceResult viaCountingSorts =
        Concordance.computeFixed(t, CoxOrdering.ranks(t), d, x, k > 1 ? s : null, false, false);
    assertThat(viaCountingSorts).isEqualTo(rs);
    assertThat(rs.concordant()).isEqualTo(conc);
    assertThat(rs.discordant()).isEqualTo(disc);
    assertThat(rs.tiedPredictor()).isEqualTo(tiedX);
    assertThat(rs.tiedTime()).isEqualTo(tiedY);
    assertThat(rs.tiedBoth()).isEqualTo(tiedXY);
    if (conc + disc + tiedX > 0) {
      assertThat(rs.c())
          .isCloseTo((conc + tiedX / 2) / (conc + disc + tiedX), Offset.offset(1e-12));
      final ConcordanceResult rev = Concordance.compute(t, d, x, k > 1 ? s : null, true);
      assertThat(rev.c()).isCloseTo(1 - rs.c(), Offset.offset(1e-12));
      assertThat(rev.se()).isCloseTo(rs.se(), Offset.offset(1e-12));
    }
  }
}
