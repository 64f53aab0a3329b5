package org.thyra.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxOptions;

/**
 * CoxModelFitter on survival's veteran data (time, status, karno from cutpoint/maxstat.json): log
 * partial likelihoods and AIC as R's coxph / extractAIC.coxph ({@code coxph(Surv(time, status) ~
 * karno, veteran)}: loglik -505.449054918058 (null), -484.433452703440; AIC 970.866905406879 on edf
 * 1; with a collinear copy 2 * karno the same AIC on edf 1, R's {@code sum(!is.na(coef))}).
 */
class CoxModelFitterTest {
  private static final double NULL_LOGLIK = -505.449054918058;
  private static final double KARNO_LOGLIK = -484.433452703440;
  private static final double KARNO_AIC = 970.866905406879;

  private static JsonNode veteran() {
    for (JsonNode f : Golden.read("cutpoint/maxstat.json")) {
      if (f.get("name").asText().equals("veteran_karno")) {
        return f;
      }
    }
    throw new IllegalStateException("veteran_karno missing");
  }

  private static int[] status(JsonNode f) {
    double[] e = Golden.doubles(f.get("event"));
    int[] s = new int[e.length];
    for (int i = 0; i < e.length; i++) {
      s[i] = (int) e[i];
    }
    return s;
  }

  @Test
  void logLikelihoodAndAicAsExtractAicCoxph() {
    JsonNode f = veteran();
    double[] karno = Golden.doubles(f.get("x"));
    CoxModelFitter fitter =
        new CoxModelFitter(
            Golden.doubles(f.get("time")),
            status(f),
            new double[][] {karno},
            List.of("karno"),
            new int[] {0},
            null,
            CoxOptions.defaults());
    ModelFit<CoxFit> none = fitter.fit(new int[0]);
    ModelFit<CoxFit> one = fitter.fit(new int[] {0});
    assertThat(none.df()).isZero();
    assertThat(none.logLik()).isCloseTo(NULL_LOGLIK, within(1e-9 * 505));
    assertThat(one.df()).isEqualTo(1);
    assertThat(one.logLik()).isCloseTo(KARNO_LOGLIK, within(1e-9 * 484));
    assertThat(one.aic()).isCloseTo(KARNO_AIC, within(1e-9 * 970));
  }

  @Test
  void aliasedColumnsDoNotCountAndVariablesEnterWithAllTheirColumns() {
    JsonNode f = veteran();
    double[] karno = Golden.doubles(f.get("x"));
    double[] twice = karno.clone();
    for (int i = 0; i < twice.length; i++) {
      twice[i] *= 2;
    }
    // one variable made of two (collinear) columns
    CoxModelFitter fitter =
        new CoxModelFitter(
            Golden.doubles(f.get("time")),
            status(f),
            new double[][] {karno, twice},
            List.of("karno", "k2"),
            new int[] {0, 0},
            null,
            CoxOptions.defaults());
    ModelFit<CoxFit> fit = fitter.fit(new int[] {0});
    assertThat(fit.fit().size()).isEqualTo(2);
    assertThat(fit.df()).isEqualTo(1);
    assertThat(fit.aic()).isCloseTo(KARNO_AIC, within(1e-9 * 970));
    assertThat(fitter.variableCount()).isEqualTo(1);
  }

  @Test
  void rejectsUnknownVariablesAndMismatchedArguments() {
    JsonNode f = veteran();
    double[] karno = Golden.doubles(f.get("x"));
    CoxModelFitter fitter =
        new CoxModelFitter(
            Golden.doubles(f.get("time")),
            status(f),
            new double[][] {karno},
            List.of("karno"),
            new int[] {0},
            null,
            null);
    assertThatThrownBy(() -> fitter.fit(new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(
            () ->
                new CoxModelFitter(
                    new double[] {1, 2},
                    new int[] {1, 0},
                    new double[][] {{1, 2}},
                    List.of("a", "b"),
                    new int[] {0},
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
  }
}
