package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.closeP;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/** Cox fits, concordance and cox.zph against R 4.2 / survival 3.5 on real data sets. */
class CoxModelGoldenTest {

  static Stream<String> cases() {
    return SurvivalFixtures.names("cox", "", false).stream();
  }

  private record Case(
      JsonNode json,
      double[] time,
      int[] status,
      double[][] columns,
      List<String> names,
      int[] strata,
      CoxFit fit) {}

  private static Case fit(String name) {
    final JsonNode g = Golden.load("cox/" + name);
    final JsonNode in = g.get("input");
    final double[] time = Golden.doubles(in.get("time"));
    final int[] status = Golden.ints(in.get("status"));
    final double[][] columns = Golden.columns(in.get("columns"));
    final List<String> names = Golden.strings(in.get("column_names"));
    final int[] strata = Golden.ints(in.get("strata"));
    final CoxOptions options =
        CoxOptions.of(Ties.valueOf(g.get("ties").asText()))
            .withMaxIterations(g.get("iter_max").asInt());
    final CoxFit fit = CoxModel.fit(time, status, columns, names, strata, options);
    return new Case(g, time, status, columns, names, strata, fit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void coefficientsAndInference(String name) {
    final Case c = fit(name);
    final JsonNode e = c.json.get("expected");
    final CoxFit fit = c.fit;
    assertThat(fit.iterations()).as("iterations").isEqualTo(e.get("iter").asInt());
    close("coef", fit.coefficients(), Golden.doubles(e.get("coef")));
    // R prints se 0 beside an NA coefficient; here every value of an aliased column is NaN
    final double[] seR = Golden.doubles(e.get("se"));
    for (int j = 0; j < seR.length; j++) {
      if (e.get("aliased").get(j).asBoolean()) {
        assertThat(seR[j]).isZero();
        seR[j] = Double.NaN;
      }
    }
    close("se", fit.standardErrors(), seR);
    close("z", fit.z(), Golden.doubles(e.get("z")));
    close("hr", fit.hazardRatios(), Golden.doubles(e.get("hr")));
    close("lower", fit.lower(), Golden.doubles(e.get("lower")));
    close("upper", fit.upper(), Golden.doubles(e.get("upper")));
    final double[] p = fit.p();
    final double[] pe = Golden.doubles(e.get("p"));
    for (int j = 0; j < pe.length; j++) {
      closeP("p[" + j + "]", p[j], pe[j]);
    }
    final boolean[] aliased = fit.aliased();
    for (int j = 0; j < aliased.length; j++) {
      assertThat(aliased[j])
          .as("aliased[" + j + "]")
          .isEqualTo(e.get("aliased").get(j).asBoolean());
    }
    final double[][] var = fit.variance();
    for (int j = 0; j < var.length; j++) {
      close("var[," + j + "]", var[j], Golden.doubles(e.get("var").get(j)));
    }
    close("means", fit.means(), Golden.doubles(e.get("means")));
    final double[] loglik = Golden.doubles(e.get("loglik"));
    close("loglik null", fit.loglikNull(), loglik[0]);
    close("loglik model", fit.loglikModel(), loglik[1]);
    close("lp", fit.linearPredictor(), Golden.doubles(e.get("lp")));
    test("lr", fit.likelihoodRatioTest(), e.get("lr"));
    test("wald", fit.waldTest(), e.get("wald"));
    test("score", fit.scoreTest(), e.get("score"));
    assertThat(fit.n()).isEqualTo(c.time.length);
  }

  private static void test(String what, CoxTestResult t, JsonNode e) {
    close(what + " statistic", t.statistic(), Golden.num(e.get("statistic")));
    assertThat(t.df()).as(what + " df").isEqualTo(e.get("df").asInt());
    closeP(what + " p", t.p(), Golden.num(e.get("p")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void warningsAsR(String name) {
    final Case c = fit(name);
    final List<String> rWarnings = Golden.strings(c.json.get("expected").get("warnings"));
    final List<String> ours = c.fit.warnings();
    final boolean rInfinite = rWarnings.stream().anyMatch(w -> w.contains("may be infinite"));
    final boolean rNotConverged =
        rWarnings.stream().anyMatch(w -> w.contains("Ran out of iterations"));
    assertThat(ours.stream().anyMatch(w -> w.contains("may be infinite")))
        .as("infinite warning")
        .isEqualTo(rInfinite);
    assertThat(ours.stream().anyMatch(w -> w.contains("Ran out of iterations")))
        .as("convergence warning")
        .isEqualTo(rNotConverged);
    assertThat(c.fit.converged()).isEqualTo(!rNotConverged);
    final boolean anyAliased = c.json.get("expected").get("aliased").toString().contains("true");
    assertThat(ours.stream().anyMatch(w -> w.contains("singular")))
        .as("aliasing warning")
        .isEqualTo(anyAliased);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void concordanceOfTheLinearPredictor(String name) {
    final Case c = fit(name);
    final JsonNode e = c.json.get("expected").get("concordance");
    final ConcordanceResult r = c.fit.concordance();
    close("c", r.c(), e.get("c").asDouble());
    close("se", r.se(), e.get("se").asDouble());
    close("concordant", r.concordant(), e.get("concordant").asDouble());
    close("discordant", r.discordant(), e.get("discordant").asDouble());
    close("tied.x", r.tiedPredictor(), e.get("tied_x").asDouble());
    close("tied.y", r.tiedTime(), e.get("tied_y").asDouble());
    close("tied.xy", r.tiedBoth(), e.get("tied_xy").asDouble());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void proportionalHazardsTest(String name) {
    final Case c = fit(name);
    final JsonNode e = c.json.get("expected").get("zph");
    final JsonNode in = c.json.get("input");
    if (e.isNull()) {
      // R's cox.zph stops (singular system, e.g. all times tied): so do we, with a message
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  CoxZph.test(
                      c.fit,
                      c.time,
                      c.status,
                      c.columns,
                      c.strata,
                      Golden.ints(in.get("assign")),
                      Golden.strings(in.get("terms"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("singular");
      return;
    }
    final CoxZphResult z =
        CoxZph.test(
            c.fit,
            c.time,
            c.status,
            c.columns,
            c.strata,
            Golden.ints(in.get("assign")),
            Golden.strings(in.get("terms")));
    assertThat(z.terms()).hasSize(e.get("terms").size());
    for (int k = 0; k < z.terms().size(); k++) {
      zphRow(z.terms().get(k), e.get("terms").get(k));
    }
    zphRow(z.global(), e.get("global"));
  }

  private static void zphRow(CoxZphTerm t, JsonNode e) {
    assertThat(t.term()).isEqualTo(e.get("term").asText());
    close(t.term() + " chisq", t.chisq(), e.get("chisq").asDouble());
    assertThat(t.df()).as(t.term() + " df").isEqualTo(e.get("df").asInt());
    closeP(t.term() + " p", t.p(), e.get("p").asDouble());
  }

  /** CoxAnalysis (concordance and cox.zph on two threads) gives R's numbers too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analysisRunsBothPostFitPassesAsR(String name) {
    final Case c = fit(name);
    final JsonNode in = c.json.get("input");
    final JsonNode e = c.json.get("expected");
    final CoxOptions options =
        CoxOptions.of(Ties.valueOf(c.json.get("ties").asText()))
            .withMaxIterations(c.json.get("iter_max").asInt());
    final CoxAnalysis a =
        CoxAnalysis.run(
            c.time,
            c.status,
            c.columns,
            c.names,
            c.strata,
            Golden.ints(in.get("assign")),
            Golden.strings(in.get("terms")),
            options);
    close("coef", a.fit().coefficients(), Golden.doubles(e.get("coef")));
    close("c", a.fit().concordance().c(), e.get("concordance").get("c").asDouble());
    close("c se", a.fit().concordance().se(), e.get("concordance").get("se").asDouble());
    if (e.get("zph").isNull()) {
      assertThat(a.phTest()).isNull();
      assertThat(a.phTestProblem()).contains("singular");
      return;
    }
    assertThat(a.phTestProblem()).isNull();
    for (int k = 0; k < a.phTest().terms().size(); k++) {
      zphRow(a.phTest().terms().get(k), e.get("zph").get("terms").get(k));
    }
    zphRow(a.phTest().global(), e.get("zph").get("global"));
  }
}
