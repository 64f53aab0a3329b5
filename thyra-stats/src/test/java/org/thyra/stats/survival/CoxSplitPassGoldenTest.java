package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * The Newton–Raphson pass split between two threads (used from 50 000 rows) on every Cox golden:
 * the same R values as the single-threaded pass, for the fit and for cox.zph, which runs the same
 * pass with time weights.
 */
class CoxSplitPassGoldenTest {
  private static int saved;

  @BeforeAll
  static void splitEveryPass() {
    saved = CoxModel.Engine.parallelMinRows;
    CoxModel.Engine.parallelMinRows = 2;
  }

  @AfterAll
  static void restore() {
    CoxModel.Engine.parallelMinRows = saved;
  }

  static Stream<String> cases() {
    return SurvivalFixtures.names("cox", "", false).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitPassGivesRsNumbers(String name) {
    final JsonNode g = Golden.load("cox/" + name);
    final JsonNode in = g.get("input");
    final JsonNode e = g.get("expected");
    final double[] time = Golden.doubles(in.get("time"));
    final int[] status = Golden.ints(in.get("status"));
    final double[][] columns = Golden.columns(in.get("columns"));
    final List<String> names = Golden.strings(in.get("column_names"));
    final int[] strata = Golden.ints(in.get("strata"));
    final CoxOptions options =
        CoxOptions.of(Ties.valueOf(g.get("ties").asText()))
            .withMaxIterations(g.get("iter_max").asInt());
    final CoxAnalysis a =
        CoxAnalysis.run(
            time,
            status,
            columns,
            names,
            strata,
            Golden.ints(in.get("assign")),
            Golden.strings(in.get("terms")),
            options);
    final CoxFit fit = a.fit();
    assertThat(fit.iterations()).isEqualTo(e.get("iter").asInt());
    close("coef", fit.coefficients(), Golden.doubles(e.get("coef")));
    final double[][] var = fit.variance();
    for (int j = 0; j < var.length; j++) {
      final double[] expected = Golden.doubles(e.get("var").get(j));
      for (int k = 0; k < expected.length; k++) {
        if (fit.aliased()[j] || fit.aliased()[k]) {
          continue; // R's NA columns: checked by CoxModelGoldenTest
        }
        close("var[" + k + "," + j + "]", var[j][k], expected[k]);
      }
    }
    final double[] loglik = Golden.doubles(e.get("loglik"));
    close("loglik", fit.loglikModel(), loglik[1]);
    Golden.closeP("score p", fit.scoreTest().p(), e.get("score").get("p").asDouble());
    if (!e.get("zph").isNull()) {
      final CoxZphTerm global = a.phTest().global();
      close("zph global", global.chisq(), e.get("zph").get("global").get("chisq").asDouble());
      for (int k = 0; k < a.phTest().terms().size(); k++) {
        close(
            "zph " + k,
            a.phTest().terms().get(k).chisq(),
            e.get("zph").get("terms").get(k).get("chisq").asDouble());
      }
    }
  }

  /** Each slice owns its entries, so the split is not just close but identical. */
  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
  void splitIsBitIdenticalToOneThread(long seed) {
    final java.util.Random rng = new java.util.Random(seed);
    final int n = 400;
    final int p = 2 + rng.nextInt(6);
    final double[] time = new double[n];
    final int[] status = new int[n];
    final int[] strata = new int[n];
    final double[][] x = new double[p][n];
    for (int i = 0; i < n; i++) {
      time[i] = 1 + rng.nextInt(40); // heavy ties: Efron groups
      status[i] = rng.nextInt(3) == 0 ? 0 : 1;
      strata[i] = rng.nextInt(2);
      for (int j = 0; j < p; j++) {
        x[j][i] = j % 2 == 0 ? rng.nextGaussian() : rng.nextInt(2);
      }
    }
    final List<String> names =
        java.util.stream.IntStream.range(0, p).mapToObj(j -> "x" + j).toList();
    for (Ties ties : Ties.values()) {
      CoxModel.Engine.parallelMinRows = Integer.MAX_VALUE;
      final CoxFit one = CoxModel.fit(time, status, x, names, strata, CoxOptions.of(ties));
      CoxModel.Engine.parallelMinRows = 2;
      final CoxFit two = CoxModel.fit(time, status, x, names, strata, CoxOptions.of(ties));
      assertThat(two.coefficients()).isEqualTo(one.coefficients());
      assertThat(two.variance()).isDeepEqualTo(one.variance());
      assertThat(two.loglikModel()).isEqualTo(one.loglikModel());
      assertThat(two.iterations()).isEqualTo(one.iterations());
    }
  }
}
